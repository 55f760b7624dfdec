import { describe, expect, it } from 'vitest';
import { rankFigures } from './comparison.ts';
import { noFigure, type AreaFigure } from './figures.ts';

const fig = (areaCode: string, value: number | null): AreaFigure => ({
  ...noFigure(areaCode, ''),
  value,
  source: value === null ? 'none' : 'published',
  reason: null,
});

describe('rankFigures', () => {
  it.each([
    [
      'lower is better',
      { polarity: 'lower_is_better', targetRange: null, decimalPlaces: 1 },
      [fig('A', 30), fig('B', 10), fig('C', null), fig('D', 20), fig('E', 10)],
      [
        ['B', '1='],
        ['E', '1='],
        ['D', '3'],
        ['A', '4'],
        ['C', null],
      ],
    ],
    [
      'higher is better',
      { polarity: 'higher_is_better', targetRange: null, decimalPlaces: 0 },
      [fig('A', 30), fig('B', 10), fig('D', 20)],
      [
        ['A', '1'],
        ['D', '2'],
        ['B', '3'],
      ],
    ],
  ] as const)('%s', (_name, def, figures, expected) => {
    const r = rankFigures(def, figures);
    expect(r.rows.map((row) => [row.figure.areaCode, row.rankLabel])).toEqual(expected);
  });

  it('gives the median, MAD and each distance signed so positive is better', () => {
    const r = rankFigures({ polarity: 'lower_is_better', targetRange: null, decimalPlaces: 0 }, [
      fig('A', 10),
      fig('B', 12),
      fig('C', 14),
      fig('D', 20),
      fig('E', 11),
    ]);
    expect(r.summary).toMatchObject({ count: 5, median: 12, mad: 2 });
    const mads = Object.fromEntries(r.rows.map((row) => [row.figure.areaCode, row.madsFromMedian]));
    expect(mads).toEqual({ A: 1, E: 0.5, B: 0, C: -1, D: -4 });
    expect(r.judged).toBe(true);
  });

  it('says when ranks are no judgement', () => {
    expect(rankFigures({ polarity: 'none', targetRange: null, decimalPlaces: 0 }, [fig('A', 1)]).judged).toBe(false);
  });
});
