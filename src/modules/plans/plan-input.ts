/**
 * Plans as files and forms give them (the import format of README.md), before they are checked, and
 * what checking makes of them: a plan's content (a version's fields and items), the tolerances and
 * progress reports the file states, and where each thing was written (for problems).
 */
import type { ProblemDetail } from '../../platform/errors.ts';
import type { ActionState, NationalPriority, PlanItem, PlanKind, StatusRule } from './plans.types.ts';

/** An item as written: every field as given (JSON values, or CSV cells read into the same names). */
export type ItemInput = Record<string, unknown>;

/** A plan as written in a JSON file (or sent by a form or the API). */
export type PlanInput = Record<string, unknown>;

/** Where an input was written: a JSON path (`plans[0].items[3]`) or a CSV line. */
export interface Place {
  path?: string;
  line?: number;
}

/** A problem at a place: the field is joined to the JSON path, the line kept. */
export function problemAt(place: Place, field: string, value: unknown, reason: string): ProblemDetail {
  const where = place.path ? (field ? `${place.path}.${field}` : place.path) : field;
  return {
    ...(place.line !== undefined ? { line: place.line } : {}),
    ...(where ? { field: where } : {}),
    ...(value !== undefined ? { value } : {}),
    reason,
  };
}

export interface ItemAt {
  input: ItemInput;
  place: Place;
}

/** The fields of a version and its items: what is compared to tell whether a plan changed. */
export interface PlanContent {
  title: string;
  vision: string | null;
  coversFrom: string | null;
  coversTo: string | null;
  partnerBodyIds: string[];
  disclaimer: string | null;
  items: PlanItem[];
}

export type Tolerance = Pick<StatusRule, 'tolerance' | 'toleranceKind'>;

export interface ProgressReport {
  progress: number;
  state: ActionState;
  asOf: string;
  note: string | null;
}

/** A plan as checked: who and where, its content, and what the file asks to be done with it. */
export interface CheckedPlan {
  id: string;
  kind: PlanKind;
  ownerBodyId: string;
  areaCode: string | null;
  content: PlanContent;
  publish: boolean;
  inForceFrom: string | null;
  changeNote: string | null;
  /** the tolerances stated for targets (by key); a target without one keeps its rule (or gets the default) */
  tolerances: Map<string, Tolerance>;
  /** progress stated for actions (by key) */
  progress: Map<string, ProgressReport>;
  place: Place;
}

export interface CheckedFile {
  nationalPriorities: NationalPriority[];
  plans: CheckedPlan[];
}

/** The tolerance a target gets when none is stated: 5% of the expected value. */
export const DEFAULT_TOLERANCE: Tolerance = { tolerance: 5, toleranceKind: 'percent' };

/** Bounds on what one file or form may hold. */
export const MAX_PLANS_PER_FILE = 50;
export const MAX_ITEMS_PER_PLAN = 2000;
export const MAX_TEXT = { key: 64, title: 300, text: 10_000, short: 300 } as const;
