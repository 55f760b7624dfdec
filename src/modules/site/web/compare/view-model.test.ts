import { describe, expect, it } from 'vitest';
import { parseCompareQuery } from './query.ts';
import { comparePageView, distancePhrase, errorSummaryOf, formView } from './view-model.ts';

describe('parseCompareQuery', () => {
  it('reads an area, a group and hand-picked codes', () => {
    expect(parseCompareQuery({ area: 'e08000009', group: 'custom', codes: 'E08000007, e08000002' })).toMatchObject({
      ok: true,
      area: 'E08000009',
      group: 'custom',
      codes: ['E08000007', 'E08000002'],
      indicator: undefined,
    });
  });

  it('lists every problem, by field', () => {
    const q = parseCompareQuery({ area: '', group: 'custom' });
    expect(q.ok).toBe(false);
    expect(!q.ok && q.errors.map((e) => e.field)).toEqual(['area', 'codes']);
    expect(!parseCompareQuery({ area: 'E08000009', group: 'planets' }).ok).toBe(true);
  });
});

describe('the compare view', () => {
  it('links each error to its field', () => {
    expect(errorSummaryOf([{ field: 'group', message: 'Choose' }])).toEqual([{ text: 'Choose', href: '#group' }]);
    const form = formView(
      { area: 'x', indicator: 'NI192', group: 'region', codes: '', period: '' },
      [{ code: 'NI192', title: 'Recycling' }],
      [{ field: 'area', message: 'No area has the code x' }],
    );
    expect(form.errors.area).toEqual({ text: 'No area has the code x' });
    expect(form.groupItems.find((g) => g.checked)?.value).toBe('region');
    expect(form.indicatorItems.find((i) => i.selected)?.text).toBe('Recycling');
  });

  it('says the distance from the median in plain words', () => {
    expect(distancePhrase('much worse than the median of similar councils')).toBe('Much worse than similar councils');
  });

  it('shows the form alone before anything is asked', () => {
    const view = comparePageView({ area: '', indicator: '', group: 'type', codes: '', period: '' }, [], undefined, '/compare');
    expect(view).toMatchObject({ pageTitle: 'Compare an area', errorSummary: [], result: undefined });
  });
});
