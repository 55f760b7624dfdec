/**
 * Checking a partnerships file whole before anything is written: each problem at its JSON path
 * (`partnerships[0].members[2]: no council "E08000099"`).
 */
import type { Executor } from '../../../platform/db/executor.ts';
import { type ProblemDetail, ValidationError } from '../../../platform/errors.ts';
import { decodeUtf8, type SubmittedFile } from '../../../platform/files.ts';
import { InputReader, MAX_TEXT, refusal } from './input.ts';
import { bodiesById, checkCouncils, MAX_SLUG, SLUG } from './partnership-check.ts';
import { PEER_REVIEW_FIELDS, type PeerReviewContent, readPeerReview } from './peer-review-check.ts';

export interface PlannedPartnership {
  id: string;
  name: string;
  description: string;
  formedOn: string;
  members: string[];
  reviews: PeerReviewContent[];
}

type Bodies = Awaited<ReturnType<typeof bodiesById>>;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A review is known by its partnership, the council reviewed and the date. */
export const sameSubject = (
  a: { reviewedBodyId: string; reviewedOn: string },
  b: { reviewedBodyId: string; reviewedOn: string },
) => a.reviewedBodyId === b.reviewedBodyId && a.reviewedOn === b.reviewedOn;

function parse(file: SubmittedFile): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(file));
  } catch (e) {
    throw new ValidationError(`${file.name} is not JSON: ${(e as Error).message}; nothing was changed`, [
      { reason: `is not JSON: ${(e as Error).message}` },
    ]);
  }
  if (!isObject(json) || !Array.isArray(json.partnerships))
    throw refusal(`${file.name} cannot be imported`, [
      { field: 'partnerships', reason: 'the file must be an object with a list "partnerships"' },
    ]);
  return json.partnerships;
}

/** Every body id the file names, to look them up at once. */
function namedBodyIds(entries: unknown[]): string[] {
  const lists = entries
    .filter(isObject)
    .flatMap((o) => [
      o.members,
      ...(Array.isArray(o.peerReviews)
        ? o.peerReviews.filter(isObject).flatMap((v) => [v.reviewerBodyIds, [v.reviewedBodyId]])
        : []),
    ]);
  return lists.flatMap((l) => (Array.isArray(l) ? l : [])).filter((x): x is string => typeof x === 'string');
}

function readReviews(r: InputReader, partnership: { name: string; memberBodyIds: string[] }, today: string): PeerReviewContent[] {
  const raw = r.input.peerReviews ?? [];
  if (!Array.isArray(raw)) {
    r.report('peerReviews', raw, 'must be a list');
    return [];
  }
  const reviews: PeerReviewContent[] = [];
  raw.forEach((entry, j) => {
    const at = r.at(`peerReviews[${j}]`);
    if (!isObject(entry)) {
      r.problems.push({ field: at, value: entry, reason: 'must be an object' });
      return;
    }
    const rr = new InputReader(entry, r.problems, at);
    rr.refuseOthers(PEER_REVIEW_FIELDS);
    const review = readPeerReview(rr, partnership, today);
    if (!review) return;
    if (reviews.some((v) => sameSubject(v, review)))
      rr.report('reviewedOn', review.reviewedOn, `is the date of another review of ${review.reviewedBodyId} in this partnership`);
    else reviews.push(review);
  });
  return reviews;
}

function readPartnership(r: InputReader, bodies: Bodies, seen: Set<string>, today: string): PlannedPartnership | null {
  const before = r.problems.length;
  r.refuseOthers(['id', 'name', 'description', 'formedOn', 'members', 'peerReviews']);
  const id = r.text('id', { required: true, max: MAX_SLUG });
  if (id && !SLUG.test(id)) r.report('id', id, 'must be lower-case letters and digits joined by hyphens');
  else if (id && seen.has(id)) r.report('id', id, 'is given twice in the file');
  if (id) seen.add(id);
  const name = r.text('name', { required: true, max: MAX_TEXT.name });
  const description = r.text('description', { required: true, max: MAX_TEXT.short });
  const formedOn = r.date('formedOn', { required: true });
  if (formedOn && formedOn > today) r.report('formedOn', formedOn, `must not be after today (${today})`);
  const given = r.texts('members');
  const members = checkCouncils(r, 'members', given, bodies);
  if (members.length < 2 && r.problems.every((p) => !p.field?.startsWith(r.at('members'))))
    r.report('members', given, 'must name at least two councils');
  const reviews = readReviews(r, { name: name ?? id ?? 'the partnership', memberBodyIds: members }, today);
  if (r.problems.length > before) return null;
  return { id: id!, name: name!, description: description!, formedOn: formedOn!, members, reviews };
}

/** The file's partnerships, or a refusal listing every problem. */
export async function checkPartnershipFile(db: Executor, file: SubmittedFile, today: string): Promise<PlannedPartnership[]> {
  const entries = parse(file);
  const bodies = await bodiesById(db, namedBodyIds(entries));
  const problems: ProblemDetail[] = [];
  const seen = new Set<string>();
  const planned: PlannedPartnership[] = [];
  entries.forEach((entry, i) => {
    if (!isObject(entry)) {
      problems.push({ field: `partnerships[${i}]`, value: entry, reason: 'must be an object' });
      return;
    }
    const p = readPartnership(new InputReader(entry, problems, `partnerships[${i}]`), bodies, seen, today);
    if (p) planned.push(p);
  });
  if (problems.length > 0) throw refusal(`${file.name} cannot be imported`, problems);
  return planned;
}
