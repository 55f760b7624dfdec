/** Checking a peer review's fields against its partnership (shared by the service and the import). */
import type { Partnership } from '../improvement.types.ts';
import { type InputReader, MAX_TEXT } from './input.ts';

export interface PeerReviewContent {
  reviewedBodyId: string;
  reviewerBodyIds: string[];
  reviewedOn: string;
  scope: string;
  findings: string;
  recommendations: string;
  followUp: string | null;
}

export const PEER_REVIEW_FIELDS = [
  'reviewedBodyId',
  'reviewerBodyIds',
  'reviewedOn',
  'scope',
  'findings',
  'recommendations',
  'followUp',
] as const;

/**
 * The review's fields, each problem reported at its place: the reviewed council a member, the reviewers
 * members other than it, the date not after today, scope, findings and recommendations given.
 */
export function readPeerReview(
  r: InputReader,
  partnership: Pick<Partnership, 'name' | 'memberBodyIds'>,
  today: string,
): PeerReviewContent | null {
  const before = r.problems.length;
  const reviewedBodyId = r.text('reviewedBodyId', { required: true, max: MAX_TEXT.name });
  if (reviewedBodyId && !partnership.memberBodyIds.includes(reviewedBodyId))
    r.report('reviewedBodyId', reviewedBodyId, `is not a member of ${partnership.name}`);
  const reviewerBodyIds: string[] = [];
  r.texts('reviewerBodyIds').forEach((b, i) => {
    if (!partnership.memberBodyIds.includes(b)) r.report(`reviewerBodyIds[${i}]`, b, `is not a member of ${partnership.name}`);
    else if (b === reviewedBodyId)
      r.report(`reviewerBodyIds[${i}]`, b, 'is the council reviewed: a council does not review itself');
    else if (reviewerBodyIds.includes(b)) r.report(`reviewerBodyIds[${i}]`, b, 'is given twice');
    else reviewerBodyIds.push(b);
  });
  if (reviewerBodyIds.length === 0 && r.problems.every((p) => !p.field?.startsWith(r.at('reviewerBodyIds'))))
    r.report('reviewerBodyIds', r.input.reviewerBodyIds ?? '', 'must name at least one reviewing council of the partnership');
  const reviewedOn = r.date('reviewedOn', { required: true });
  if (reviewedOn && reviewedOn > today)
    r.report('reviewedOn', reviewedOn, `must not be after today (${today}): a review is recorded once it has taken place`);
  const scope = r.text('scope', { required: true, max: MAX_TEXT.short });
  const findings = r.text('findings', { required: true, max: MAX_TEXT.long });
  const recommendations = r.text('recommendations', { required: true, max: MAX_TEXT.long });
  const followUp = r.text('followUp', { max: MAX_TEXT.long });
  if (r.problems.length > before) return null;
  return {
    reviewedBodyId: reviewedBodyId!,
    reviewerBodyIds,
    reviewedOn: reviewedOn!,
    scope: scope!,
    findings: findings!,
    recommendations: recommendations!,
    followUp,
  };
}

export const peerReviewRow = (c: PeerReviewContent) => ({
  reviewed_body_id: c.reviewedBodyId,
  reviewer_body_ids: JSON.stringify(c.reviewerBodyIds),
  reviewed_on: c.reviewedOn,
  scope: c.scope,
  findings: c.findings,
  recommendations: c.recommendations,
  follow_up: c.followUp,
});
