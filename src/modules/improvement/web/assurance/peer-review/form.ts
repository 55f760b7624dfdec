/**
 * Peer reviews: the form that records one for a partnership (the council reviewed, the reviewing
 * councils, the date, scope, findings, recommendations and follow-up), and the review's page with the
 * follow-up form and the form that links it to one of the reviewed council's cases on rung 2.
 */
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS, sentText } from '../../../../../platform/web/index.ts';
import { CASE_STATE_NAMES, type CaseState } from '../../../improvement.types.ts';
import { boxesOf, dateBoxes, type DateBoxes, dateInWords } from '../assurance-common/dates.ts';
import { sentList } from '../assurance-common/fields.ts';
import type { FieldMap } from '../assurance-common/form-problems.ts';
import { assuranceUrls } from '../urls.ts';

export const PEER_REVIEW_FIELDS: FieldMap = {
  partnershipId: { id: 'reviewedBodyId', label: 'Partnership' },
  reviewedBodyId: { id: 'reviewedBodyId', label: 'Council reviewed' },
  reviewerBodyIds: { id: 'reviewerBodyIds', label: 'Reviewing councils' },
  reviewedOn: { id: 'reviewedOn', label: 'Date of the review' },
  scope: { id: 'scope', label: 'Scope' },
  findings: { id: 'findings', label: 'Findings' },
  recommendations: { id: 'recommendations', label: 'Recommendations' },
  followUp: { id: 'followUp', label: 'Follow-up' },
};

export const FOLLOW_UP_FIELDS: FieldMap = { followUp: { id: 'followUp', label: 'Follow-up' } };
export const LINK_FIELDS: FieldMap = {
  caseId: { id: 'caseId', label: 'Case' },
  peerReviewId: { id: 'caseId', label: 'Peer review' },
};

export interface PeerReviewSent {
  reviewedBodyId: string;
  reviewerBodyIds: string[];
  reviewedOn: DateBoxes;
  scope: string;
  findings: string;
  recommendations: string;
  followUp: string;
}

export const peerReviewSent = (body: unknown): PeerReviewSent => ({
  reviewedBodyId: sentText(body, 'reviewedBodyId').trim(),
  reviewerBodyIds: sentList(body, 'reviewerBodyIds'),
  reviewedOn: dateBoxes(body, 'reviewedOn'),
  scope: sentText(body, 'scope'),
  findings: sentText(body, 'findings'),
  recommendations: sentText(body, 'recommendations'),
  followUp: sentText(body, 'followUp'),
});

export const NO_PEER_REVIEW_SENT: PeerReviewSent = {
  reviewedBodyId: '',
  reviewerBodyIds: [],
  reviewedOn: boxesOf(null),
  scope: '',
  findings: '',
  recommendations: '',
  followUp: '',
};

type Option = { value: string; text: string; checked?: boolean; selected?: boolean };

export interface PeerReviewFormView {
  pageTitle: string;
  partnershipName: string;
  action: string;
  backHref: string;
  csrfToken: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  reviewed: Option[];
  reviewers: Option[];
  sent: PeerReviewSent;
}

export function peerReviewFormView(opts: {
  partnership: { id: string; name: string; members: { bodyId: string; name: string; leftAt: string | null }[] };
  csrfToken: string;
  sent: PeerReviewSent;
  errors?: FormErrors;
}): PeerReviewFormView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const { partnership: p, sent } = opts;
  const members = p.members.filter((m) => m.leftAt === null);
  return {
    pageTitle: 'Record a peer review',
    partnershipName: p.name,
    action: assuranceUrls.newPeerReview(p.id),
    backHref: assuranceUrls.partnership(p.id),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    reviewed: [
      { value: '', text: 'Choose a council', selected: sent.reviewedBodyId === '' },
      ...members.map((m) => ({ value: m.bodyId, text: m.name, selected: m.bodyId === sent.reviewedBodyId })),
    ],
    reviewers: members.map((m) => ({ value: m.bodyId, text: m.name, checked: sent.reviewerBodyIds.includes(m.bodyId) })),
    sent,
  };
}

/** What the review's page reads (the assurance service's detail). */
export interface PeerReviewDetailInput {
  id: number;
  partnershipId: string | null;
  partnershipName: string | null;
  reviewedBodyId: string;
  reviewedBodyName: string;
  reviewerNames: string[];
  reviewedOn: string;
  scope: string;
  findings: string;
  recommendations: string;
  followUp: string | null;
  cases: { id: number; title: string; state: CaseState; rung: number; open: boolean }[];
}

export interface PeerReviewPageView {
  pageTitle: string;
  partnership: { name: string; href: string } | null;
  reviewed: string;
  reviewers: string;
  reviewedOn: string;
  scope: string;
  findings: string;
  recommendations: string;
  followUp: string | null;
  cases: { href: string; title: string; rung: string; state: string }[];
  errorSummary: ErrorSummaryItem[];
  followUpForm: { action: string; csrfToken: string; value: string; error: { text: string } | undefined } | null;
  linkForm: {
    action: string;
    csrfToken: string;
    cases: Option[];
    error: { text: string } | undefined;
  } | null;
  /** why no case can be linked, for those who may link one */
  noCaseText: string | null;
  done: string | undefined;
}

export function peerReviewPageView(opts: {
  review: PeerReviewDetailInput;
  /** the reviewed council's open cases on rung 2 not yet linked */
  linkable: readonly { id: number; title: string }[];
  mayFollowUp: boolean;
  mayLink: boolean;
  csrfToken: string | null;
  sent?: { followUp?: string; caseId?: string };
  errors?: FormErrors;
  done?: string;
}): PeerReviewPageView {
  const r = opts.review;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const token = opts.csrfToken;
  return {
    pageTitle: `Peer review of ${r.reviewedBodyName}`,
    partnership: r.partnershipId
      ? { name: r.partnershipName ?? r.partnershipId, href: assuranceUrls.partnership(r.partnershipId) }
      : null,
    reviewed: r.reviewedBodyName,
    reviewers: r.reviewerNames.join(', '),
    reviewedOn: dateInWords(r.reviewedOn),
    scope: r.scope,
    findings: r.findings,
    recommendations: r.recommendations,
    followUp: r.followUp,
    cases: r.cases.map((c) => ({
      href: assuranceUrls.case(c.id),
      title: c.title,
      rung: `Rung ${c.rung}`,
      state: CASE_STATE_NAMES[c.state] ?? c.state,
    })),
    errorSummary: errors.summary,
    followUpForm:
      opts.mayFollowUp && token !== null
        ? {
            action: assuranceUrls.peerReviewFollowUp(r.id),
            csrfToken: token,
            value: opts.sent?.followUp ?? r.followUp ?? '',
            error: errors.fields.followUp,
          }
        : null,
    linkForm:
      opts.mayLink && token !== null && opts.linkable.length > 0
        ? {
            action: assuranceUrls.peerReviewCases(r.id),
            csrfToken: token,
            cases: opts.linkable.map((c) => ({
              value: String(c.id),
              text: c.title,
              checked: opts.sent?.caseId === String(c.id),
            })),
            error: errors.fields.caseId,
          }
        : null,
    noCaseText:
      opts.mayLink && opts.linkable.length === 0
        ? `${r.reviewedBodyName} has no open case on rung 2 (sector and partnership support) that is not linked to the review already.`
        : null,
    done: opts.done,
  };
}
