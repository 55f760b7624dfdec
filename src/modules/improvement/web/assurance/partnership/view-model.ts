/**
 * The partnerships pages: the list (GET /partnerships) and a partnership's page (GET /partnerships/:id)
 * with its members, its peer reviews and the cases linked to them.
 */
import { CASE_STATE_NAMES, type CaseState, type Partnership, type PeerReview } from '../../../improvement.types.ts';
import { dateInWords } from '../assurance-common/dates.ts';
import { assuranceUrls } from '../urls.ts';

export type ListedPartnership = Partnership & { memberNames: string[]; peerReviewCount: number };

export interface PartnershipListView {
  pageTitle: string;
  partnerships: { name: string; href: string; formedOn: string; members: string; peerReviews: string }[];
  newHref: string | null;
  apiHref: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function partnershipListView(
  partnerships: readonly ListedPartnership[],
  opts: { mayCreate: boolean },
): PartnershipListView {
  return {
    pageTitle: 'Improvement partnerships',
    partnerships: [...partnerships]
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((p) => ({
        name: p.name,
        href: assuranceUrls.partnership(p.id),
        formedOn: dateInWords(p.formedOn),
        members: p.memberNames.join(', '),
        peerReviews: count(p.peerReviewCount, 'peer review', 'peer reviews'),
      })),
    newHref: opts.mayCreate ? assuranceUrls.newPartnership() : null,
    apiHref: assuranceUrls.apiPartnerships(),
  };
}

/** What the partnership page reads (the assurance service's detail). */
export interface PartnershipDetailInput extends Partnership {
  members: { bodyId: string; name: string; joinedAt: string; leftAt: string | null }[];
  peerReviews: (PeerReview & { reviewedBodyName: string; reviewerNames: string[] })[];
  cases: { id: number; title: string; bodyId: string; state: CaseState; rung: number; open: boolean; peerReviewIds: number[] }[];
}

export interface PartnershipPageView {
  pageTitle: string;
  description: string;
  formedOn: string;
  members: { name: string; joined: string }[];
  formerMembers: { name: string; left: string }[];
  peerReviews: { href: string; reviewedOn: string; reviewed: string; reviewers: string; scope: string }[];
  cases: { href: string; title: string; rung: string; state: string; reviews: string }[];
  membersHref: string | null;
  newPeerReviewHref: string | null;
  backHref: string;
  apiHref: string;
  done: string | undefined;
}

export function partnershipPageView(
  p: PartnershipDetailInput,
  opts: { mayManage: boolean; mayRecord: boolean; done?: string },
): PartnershipPageView {
  const reviewDates = new Map(p.peerReviews.map((r) => [r.id, dateInWords(r.reviewedOn)]));
  return {
    pageTitle: p.name,
    description: p.description,
    formedOn: dateInWords(p.formedOn),
    members: p.members.filter((m) => m.leftAt === null).map((m) => ({ name: m.name, joined: dateInWords(m.joinedAt) })),
    formerMembers: p.members.filter((m) => m.leftAt !== null).map((m) => ({ name: m.name, left: dateInWords(m.leftAt) })),
    peerReviews: p.peerReviews.map((r) => ({
      href: assuranceUrls.peerReview(r.id),
      reviewedOn: dateInWords(r.reviewedOn),
      reviewed: r.reviewedBodyName,
      reviewers: r.reviewerNames.join(', '),
      scope: r.scope,
    })),
    cases: p.cases.map((c) => ({
      href: assuranceUrls.case(c.id),
      title: c.title,
      rung: `Rung ${c.rung}`,
      state: CASE_STATE_NAMES[c.state] ?? c.state,
      reviews: c.peerReviewIds.map((id) => `the review of ${reviewDates.get(id) ?? id}`).join(', '),
    })),
    membersHref: opts.mayManage ? assuranceUrls.partnershipMembers(p.id) : null,
    newPeerReviewHref: opts.mayRecord ? assuranceUrls.newPeerReview(p.id) : null,
    backHref: assuranceUrls.partnerships(),
    apiHref: `${assuranceUrls.apiPartnerships()}/${encodeURIComponent(p.id)}`,
    done: opts.done,
  };
}
