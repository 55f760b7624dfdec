/** The trend page's query string: an area and an indicator, both needed. */
import { z } from 'zod';
import { normaliseCode, text } from '../common/query.ts';

export interface TrendFieldError {
  field: 'area' | 'indicator';
  message: string;
}

export type TrendQuery =
  { ok: true; area: string; indicator: string } | { ok: false; area: string; indicator: string; errors: TrendFieldError[] };

const raw = z.object({ area: text(200), indicator: text(200) });

export function parseTrendQuery(input: unknown): TrendQuery {
  const { area: typedArea, indicator } = raw.parse(input ?? {});
  const area = normaliseCode(typedArea);
  const errors: TrendFieldError[] = [];
  if (area === '') errors.push({ field: 'area', message: 'Enter the code of an area, for example E08000009' });
  else if (area.length > 64) errors.push({ field: 'area', message: 'Area code must be 64 characters or fewer' });
  if (indicator === '') errors.push({ field: 'indicator', message: 'Enter the code of an indicator' });
  else if (indicator.length > 64) errors.push({ field: 'indicator', message: 'Indicator code must be 64 characters or fewer' });
  return errors.length > 0 ? { ok: false, area, indicator, errors } : { ok: true, area, indicator };
}
