/**
 * Where one item of a collection round stands (an indicator and period a body must supply by a date):
 * due, late (past the date, nothing published or submitted), received (submitted, awaiting
 * publication) or published. Pure; dates are YYYY-MM-DD, instants ISO text, compared by their UTC date.
 */
import { daysBetween } from './quality.ts';

export const COLLECTION_STATUSES = ['due', 'late', 'received', 'published'] as const;
export type CollectionStatus = (typeof COLLECTION_STATUSES)[number];

export interface CollectionFacts {
  dueDate: string;
  /** when the body first submitted figures for the item (in a submission since submitted), or null */
  receivedAt: string | null;
  /** whether one of its submissions for the item is submitted or approved, not yet published */
  awaitingPublication: boolean;
  /** when the body's figures for the item were first published, or null */
  publishedAt: string | null;
}

export interface CollectionJudgement {
  status: CollectionStatus;
  /** days after the due date the figures arrived (or, when late, today is); null when on time or not yet due */
  daysLate: number | null;
}

export function judgeCollectionItem(facts: CollectionFacts, today: string): CollectionJudgement {
  if (facts.publishedAt !== null || facts.awaitingPublication) {
    const arrived = earliest(facts.receivedAt, facts.publishedAt) ?? today;
    return {
      status: facts.publishedAt !== null ? 'published' : 'received',
      daysLate: positive(daysBetween(facts.dueDate, arrived)),
    };
  }
  const late = daysBetween(facts.dueDate, today);
  return late > 0 ? { status: 'late', daysLate: late } : { status: 'due', daysLate: null };
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

const positive = (n: number): number | null => (n > 0 ? n : null);
