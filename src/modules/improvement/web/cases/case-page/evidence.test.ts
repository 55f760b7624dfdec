import { describe, expect, it } from 'vitest';
import { evidenceRows } from './evidence.ts';

const percent = { value: (v: number) => `${v.toFixed(1)}%`, difference: (v: number) => `${v.toFixed(1)} percentage points` };

describe('a firing’s evidence in words', () => {
  it('writes values in the indicator’s units, differences as differences, and periods as people write them', () => {
    const rows = evidenceRows(
      {
        indicatorCode: 'REC',
        polarity: 'higher_is_better',
        params: { periods: 2 },
        latest: { period: 'FY2022', value: 31, ciLower: null, ciUpper: null },
        change: -4,
        worsening: true,
        changeTest: 'rounding',
        group: { groupId: 'type-md', groupName: 'All metropolitan districts', period: 'FY2022', rank: 8, size: 8, median: 45.5 },
      },
      percent,
    );
    expect(rows).toEqual([
      { key: 'Latest', value: '2022/23: value 31.0%' },
      { key: 'Change', value: '-4.0 percentage points' },
      { key: 'Worsening', value: 'yes' },
      { key: 'Change test', value: 'rounding' },
      { key: 'Group', value: 'All metropolitan districts, 2022/23: rank 8, size 8, median 45.5%' },
    ]);
  });

  it('lists a list, and says “none” for nothing', () => {
    expect(evidenceRows({ missingPeriods: ['FY2021', 'FY2022'], dueDate: '2023-05-01', receivedAt: null, earlier: [] })).toEqual([
      { key: 'Missing periods', value: '2021/22, 2022/23' },
      { key: 'Due date', value: '2023-05-01' },
      { key: 'Received at', value: 'none' },
      { key: 'Earlier', value: 'none' },
    ]);
  });
});
