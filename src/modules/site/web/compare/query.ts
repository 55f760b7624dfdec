/** The compare page's query string: an area, a group, an optional indicator (and period), hand-picked codes. */
import { z } from 'zod';
import { normaliseCode, text } from '../common/query.ts';

export const GROUPS = ['type', 'region', 'nearest', 'england', 'custom'] as const;
export type CompareGroup = (typeof GROUPS)[number];

export const AREA_LABEL = 'Area code';
export const CODES_LABEL = 'Area codes for a hand-picked group';

export type CompareField = 'area' | 'indicator' | 'group' | 'codes';

export interface FieldError {
  field: CompareField;
  message: string;
}

export interface CompareForm {
  area: string;
  indicator: string;
  group: string;
  codes: string;
  period: string;
}

export type CompareQuery =
  | {
      ok: true;
      form: CompareForm;
      area: string;
      indicator: string | undefined;
      group: CompareGroup;
      codes: string[];
      period: string | undefined;
    }
  | { ok: false; form: CompareForm; errors: FieldError[] };

// cut, not dropped: an over-long value then fails the checks below with a message saying so
const raw = z.object({ area: text(200), indicator: text(200), group: text(100), codes: text(5000), period: text(40) });

/** Is this a first visit, with nothing asked yet (no field sent at all)? */
export function isBlankCompare(input: unknown): boolean {
  const sent = Object.keys((input ?? {}) as object);
  return !sent.some((name) => ['area', 'indicator', 'codes', 'group'].includes(name));
}

export function parseCompareQuery(input: unknown): CompareQuery {
  const form = raw.parse(input ?? {});
  const errors: FieldError[] = [];
  const area = normaliseCode(form.area);
  if (area === '') errors.push({ field: 'area', message: 'Enter the code of the area to compare, for example E08000009' });
  else if (area.length > 64) errors.push({ field: 'area', message: `${AREA_LABEL} must be 64 characters or fewer` });
  if (form.indicator.length > 64) errors.push({ field: 'indicator', message: 'Indicator code must be 64 characters or fewer' });
  const group = form.group === '' ? 'type' : form.group;
  if (!(GROUPS as readonly string[]).includes(group))
    errors.push({ field: 'group', message: 'Choose which areas to compare with' });
  const codes = form.codes
    .split(/[\s,]+/)
    .map(normaliseCode)
    .filter((c) => c !== '');
  if (group === 'custom' && codes.length === 0)
    errors.push({ field: 'codes', message: 'Enter the codes of the areas to compare with, separated by commas' });
  if (errors.length > 0) return { ok: false, form, errors };
  return {
    ok: true,
    form: { ...form, area, group },
    area,
    indicator: form.indicator === '' ? undefined : form.indicator,
    group: group as CompareGroup,
    codes: group === 'custom' ? codes : [],
    period: form.period === '' ? undefined : form.period,
  };
}
