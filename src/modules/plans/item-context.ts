/** What checking an item is given (the plan's defaults and the lookups), and the parts shared by each kind's checks. */
import type { CheckLookups } from './check-lookups.ts';
import type { FieldReader } from './field-reader.ts';
import { MAX_TEXT, type ProgressReport, type Tolerance } from './plan-input.ts';
import type { PlanItem, Target } from './plans.types.ts';

export interface ItemContext {
  lookups: CheckLookups;
  /** the plan's owner and area: an item's defaults */
  ownerBodyId: string;
  areaCode: string | null;
  /** national priority codes given in the same file */
  fileNationalPriorities: ReadonlySet<string>;
}

export interface CheckedItem {
  item: PlanItem;
  tolerance: Tolerance | null;
  progress: ProgressReport | null;
}

export type Base = Pick<Target, 'key' | 'parentKey' | 'title' | 'description' | 'position' | 'serves'>;

/** The owner body of a target or action: as given, or the plan's owner; a body that must be known. */
export async function owner(r: FieldReader, ctx: ItemContext): Promise<string> {
  const id = r.text('owner', { max: MAX_TEXT.key * 2 }) ?? ctx.ownerBodyId;
  if (!(await ctx.lookups.bodyExists(id))) r.report('owner', id, 'is not a known body');
  return id;
}
