import { describe, expect, it } from 'vitest';
import { type TrendPolarity, rangeSentence, trendSentence } from './sentences.ts';

const percent = (v: number) => `${v.toFixed(1)}%`;

describe('trendSentence', () => {
  it.each<[number, number, TrendPolarity | undefined, string]>([
    [60.4, 58.4, undefined, 'Recycling rate in Trafford fell from 60.4% in 2015/16 to 58.4% in 2023/24'],
    [58.4, 60.4, undefined, 'Recycling rate in Trafford rose from 58.4% in 2015/16 to 60.4% in 2023/24'],
    [60.4, 58.4, 'higher_is_better', 'Recycling rate in Trafford fell from 60.4% in 2015/16 to 58.4% in 2023/24, which is worse'],
    [60.4, 58.4, 'lower_is_better', 'Recycling rate in Trafford fell from 60.4% in 2015/16 to 58.4% in 2023/24, which is better'],
    [58.4, 60.4, 'lower_is_better', 'Recycling rate in Trafford rose from 58.4% in 2015/16 to 60.4% in 2023/24, which is worse'],
    [58.4, 60.4, 'none', 'Recycling rate in Trafford rose from 58.4% in 2015/16 to 60.4% in 2023/24'],
    [58.41, 58.44, 'higher_is_better', 'Recycling rate in Trafford was 58.4% in both 2015/16 and 2023/24'],
  ])('%f to %f (%s)', (from, to, polarity, sentence) => {
    expect(
      trendSentence({
        subject: 'Recycling rate in Trafford',
        first: { label: '2015/16', value: from },
        last: { label: '2023/24', value: to },
        format: percent,
        polarity,
      }),
    ).toBe(sentence);
  });
});

describe('rangeSentence', () => {
  it.each([
    [
      'lowest and highest',
      [
        { name: 'Newham', value: 23.1 },
        { name: 'South Oxfordshire', value: 64.2 },
        { name: 'Trafford', value: 58.4 },
        { name: 'Glasgow City', value: null },
      ],
      'Values range from 23.1% (Newham) to 64.2% (South Oxfordshire). No data for 1 of 4 areas.',
    ],
    [
      'ties',
      [
        { name: 'Bury', value: 10 },
        { name: 'Adur', value: 10 },
        { name: 'Crewe', value: 12 },
      ],
      'Values range from 10.0% (Adur and 1 more) to 12.0% (Crewe).',
    ],
    ['one value', [{ name: 'Bury', value: 10 }], 'Only Bury has a value: 10.0%.'],
    [
      'all the same',
      [
        { name: 'Bury', value: 10 },
        { name: 'Adur', value: 10 },
      ],
      'All 2 values are 10.0%.',
    ],
    ['none', [{ name: 'Bury', value: null }], 'No data for any of the 1 areas.'],
  ])('%s', (_, items, sentence) => {
    expect(rangeSentence({ items, format: percent })).toBe(sentence);
  });
});
