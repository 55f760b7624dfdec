import { describe, expect, it } from 'vitest';
import { parseCompareQuery } from './query.ts';
import { parseTrendQuery } from '../trend/query.ts';

const long = (n: number) => 'E'.repeat(n);

describe('over-long query values are refused with a reason, not dropped', () => {
  it.each([
    ['area', { area: long(5000) }, 'area', 'must be 64 characters or fewer'],
    ['indicator', { area: 'E08000009', indicator: long(300) }, 'indicator', 'Indicator code must be 64 characters or fewer'],
    ['group', { area: 'E08000009', group: `nearest${'x'.repeat(60)}` }, 'group', 'Choose which areas to compare with'],
  ])('compare: a %s too long', (_name, input, field, message) => {
    const parsed = parseCompareQuery(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toContainEqual({ field, message: expect.stringContaining(message) });
  });

  it('compare: the value shown back is what was sent, cut to a bound', () => {
    const parsed = parseCompareQuery({ area: `  ${long(5000)}` });
    expect(parsed.ok ? '' : parsed.form.area).toBe(long(200));
  });

  it.each([
    [{ area: long(65), indicator: 'NI192' }, 'area', 'Area code must be 64 characters or fewer'],
    [{ area: 'E08000009', indicator: long(65) }, 'indicator', 'Indicator code must be 64 characters or fewer'],
    [{ area: '', indicator: 'NI192' }, 'area', 'Enter the code of an area, for example E08000009'],
  ])('trend: %j', (input, field, message) => {
    const parsed = parseTrendQuery(input);
    expect(parsed.ok ? [] : parsed.errors).toEqual([{ field, message }]);
  });
});
