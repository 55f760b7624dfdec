/** The compare page's figures: one indicator's group table, or every indicator side by side. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../platform/db/schema.ts';
import { NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import { compare, resolveComparatorGroup, type Comparison, type ResolvedComparatorGroup } from '../../../analysis/index.ts';
import { listIndicatorCodesForArea } from '../../../data/index.ts';
import { getIndicator, listIndicators, type IndicatorDefinition } from '../../../indicators/index.ts';
import { getArea, type Area } from '../../../places/index.ts';
import type { CompareQuery, FieldError } from './query.ts';

type Asked = Extract<CompareQuery, { ok: true }>;

export type ComparePageData =
  | { ok: true; area: Area; group: ResolvedComparatorGroup; single: Comparison | undefined; all: Comparison[] }
  | { ok: false; errors: FieldError[] };

/** Every indicator, for the form's list. */
export async function indicatorChoices(db: Kysely<Database>): Promise<IndicatorDefinition[]> {
  return (await listIndicators(db, { limit: 500, offset: 0 })).items;
}

export async function loadComparison(db: Kysely<Database>, q: Asked): Promise<ComparePageData> {
  const area = await getArea(db, q.area);
  if (!area) return { ok: false, errors: [{ field: 'area', message: `No area has the code ${q.area}` }] };
  if (q.indicator && !(await getIndicator(db, q.indicator)))
    return { ok: false, errors: [{ field: 'indicator', message: `No indicator has the code ${q.indicator}` }] };
  let group: ResolvedComparatorGroup;
  try {
    group = await resolveComparatorGroup(db, {
      area: area.code,
      group: q.group,
      codes: q.codes,
      ...(q.indicator ? { indicator: q.indicator } : {}),
    });
  } catch (error) {
    return { ok: false, errors: [groupError(error, q.group === 'custom' ? 'codes' : 'group')] };
  }
  const ask = (indicator: string, period?: string) =>
    compare(db, { indicator, area: area.code, group: q.group, codes: q.codes, ...(period ? { period } : {}) });
  if (q.indicator) {
    try {
      return { ok: true, area, group, single: await ask(q.indicator, q.period), all: [] };
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ValidationError)
        return { ok: false, errors: [{ field: 'indicator', message: error.message }] };
      throw error;
    }
  }
  const all: Comparison[] = [];
  for (const code of await listIndicatorCodesForArea(db, area.code)) {
    try {
      all.push(await ask(code));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  all.sort((a, b) => a.indicator.title.localeCompare(b.indicator.title));
  return { ok: true, area, group, single: undefined, all };
}

function groupError(error: unknown, field: FieldError['field']): FieldError {
  if (error instanceof ValidationError) {
    const detail = error.details?.[0];
    const more = detail?.value ? `: ${detail.value}` : '';
    return { field, message: `${error.message}${more}` };
  }
  if (error instanceof NotFoundError) return { field, message: error.message };
  throw error;
}
