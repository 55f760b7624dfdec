/** Improvement partnerships and peer reviews as JSON. */
import { z } from 'zod';
import type { listPartnerships, PartnershipDetail, PeerReviewDetail } from '../assurance/index.ts';
import { CASE_STATES, RUNG_NAMES } from '../improvement.types.ts';
import { improvementLinks, improvementPages } from './links.ts';

type PartnershipListing = Awaited<ReturnType<typeof listPartnerships>>[number];

const named = z.object({ id: z.string(), name: z.string() });
const partnershipLinks = z.object({ self: z.string(), html: z.string() });
const partnershipLinksOf = (id: string) => ({ self: improvementLinks.partnership(id), html: improvementPages.partnership(id) });

export const partnershipListingSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  formedOn: z.string(),
  members: z.array(named).describe('the councils that are members now'),
  peerReviewCount: z.number().int(),
  links: partnershipLinks,
});
export const presentPartnershipListing = (p: PartnershipListing): z.infer<typeof partnershipListingSchema> => ({
  id: p.id,
  name: p.name,
  description: p.description,
  formedOn: p.formedOn,
  members: p.memberBodyIds.map((id, i) => ({ id, name: p.memberNames[i] ?? id })),
  peerReviewCount: p.peerReviewCount,
  links: partnershipLinksOf(p.id),
});

const reviewLinks = z.object({ self: z.string(), html: z.string(), partnership: z.string().nullable() });
const reviewLinksOf = (id: number, partnershipId: string | null) => ({
  self: improvementLinks.peerReview(id),
  html: improvementPages.peerReview(id),
  partnership: partnershipId === null ? null : improvementLinks.partnership(partnershipId),
});

export const peerReviewSchema = z.object({
  id: z.number().int(),
  partnershipId: z.string().nullable(),
  reviewed: named.describe('the council reviewed'),
  reviewers: z.array(named).describe('the councils that reviewed it'),
  reviewedOn: z.string(),
  scope: z.string(),
  findings: z.string(),
  recommendations: z.string(),
  followUp: z.string().nullable().describe('what has been done since'),
  caseIds: z.array(z.number().int()).describe('cases at rung 2 the review is linked to'),
  createdAt: z.string(),
  createdBy: z.string().describe('who recorded it, as the audit log names them'),
  links: reviewLinks,
});
type ReviewWithNames = PartnershipDetail['peerReviews'][number];
export const presentPeerReview = (r: ReviewWithNames): z.infer<typeof peerReviewSchema> => ({
  id: r.id,
  partnershipId: r.partnershipId,
  reviewed: { id: r.reviewedBodyId, name: r.reviewedBodyName },
  reviewers: r.reviewerBodyIds.map((id, i) => ({ id, name: r.reviewerNames[i] ?? id })),
  reviewedOn: r.reviewedOn,
  scope: r.scope,
  findings: r.findings,
  recommendations: r.recommendations,
  followUp: r.followUp,
  caseIds: [...r.caseIds],
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  links: reviewLinksOf(r.id, r.partnershipId),
});

const linkedCaseSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  bodyId: z.string(),
  state: z.enum(CASE_STATES),
  rung: z.number().int(),
  rungName: z.string(),
  open: z.boolean(),
  peerReviewIds: z.array(z.number().int()),
  links: z.object({ self: z.string(), html: z.string() }),
});
type LinkedCase = PartnershipDetail['cases'][number];
const presentLinkedCase = (c: LinkedCase): z.infer<typeof linkedCaseSchema> => ({
  id: c.id,
  title: c.title,
  bodyId: c.bodyId,
  state: c.state,
  rung: c.rung,
  rungName: RUNG_NAMES[c.rung],
  open: c.open,
  peerReviewIds: [...c.peerReviewIds],
  links: { self: improvementLinks.case(c.id), html: improvementPages.case(c.id) },
});

export const partnershipDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  formedOn: z.string(),
  createdAt: z.string(),
  members: z
    .array(z.object({ id: z.string(), name: z.string(), joinedAt: z.string(), leftAt: z.string().nullable() }))
    .describe('current members, then former ones with the date they left'),
  peerReviews: z.array(peerReviewSchema).describe('newest first'),
  cases: z.array(linkedCaseSchema).describe('the cases its peer reviews are linked to'),
  links: partnershipLinks,
});
export const presentPartnershipDetail = (p: PartnershipDetail): z.infer<typeof partnershipDetailSchema> => ({
  id: p.id,
  name: p.name,
  description: p.description,
  formedOn: p.formedOn,
  createdAt: p.createdAt,
  members: p.members.map((m) => ({ id: m.bodyId, name: m.name, joinedAt: m.joinedAt, leftAt: m.leftAt })),
  peerReviews: p.peerReviews.map(presentPeerReview),
  cases: p.cases.map(presentLinkedCase),
  links: partnershipLinksOf(p.id),
});

export const peerReviewDetailSchema = peerReviewSchema.extend({
  partnership: z.object({ id: z.string(), name: z.string() }).nullable(),
  cases: z
    .array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        state: z.enum(CASE_STATES),
        rung: z.number().int(),
        open: z.boolean(),
        links: z.object({ self: z.string(), html: z.string() }),
      }),
    )
    .describe('the cases the review is linked to'),
});
export const presentPeerReviewDetail = (r: PeerReviewDetail): z.infer<typeof peerReviewDetailSchema> => ({
  ...presentPeerReview(r),
  partnership: r.partnershipId === null ? null : { id: r.partnershipId, name: r.partnershipName ?? r.partnershipId },
  cases: r.cases.map((c) => ({
    id: c.id,
    title: c.title,
    state: c.state,
    rung: c.rung,
    open: c.open,
    links: { self: improvementLinks.case(c.id), html: improvementPages.case(c.id) },
  })),
});
