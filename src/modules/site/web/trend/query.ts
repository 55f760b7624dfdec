/** The trend page's query string: an area and an indicator, both needed. */
import { z } from 'zod';
import { firstOf, normaliseCode } from '../common/query.ts';

export interface TrendFieldError {
  field: 'area' | 'indicator';
  message: string;
}

export type TrendQuery =
  { ok: true; area: string; indicator: string } | { ok: false; area: string; indicator: string; errors: TrendFieldError[] };

const str = z.preprocess(firstOf, z.string().trim().max(200).catch('').default(''));
const raw = z.object({ area: str, indicator: str });

export function parseTrendQuery(input: unknown): TrendQuery {
  const { area: typedArea, indicator } = raw.parse(input ?? {});
  const area = normaliseCode(typedArea);
  const errors: TrendFieldError[] = [];
  if (area === '' || area.length > 64)
    errors.push({ field: 'area', message: 'Enter the code of an area, for example E08000009' });
  if (indicator === '' || indicator.length > 64) errors.push({ field: 'indicator', message: 'Enter the code of an indicator' });
  return errors.length > 0 ? { ok: false, area, indicator, errors } : { ok: true, area, indicator };
}
