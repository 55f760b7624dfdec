import { describe, expect, it } from 'vitest';
import type { AreaProfile, ProfileItem } from '../../../analysis/index.ts';
import type { Area } from '../../../places/index.ts';
import { periodFromKey } from '../../../periods/index.ts';
import type { AreaPageData } from './load.ts';
import { areaPageView, CHILDREN_PER_PAGE, childGroups, indicatorRow, themeInWords } from './view-model.ts';

function area(code: string, name: string, type: Area['type']): Area {
  return {
    code,
    name,
    type,
    countryCode: 'E92000001',
    validFrom: null,
    validTo: null,
    population: null,
    populationYear: null,
    imdRank: null,
    imdScore: null,
    imdDecile: null,
  };
}

const trafford = { ...area('E08000009', 'Trafford', 'metropolitan_district'), population: 235000, populationYear: 2021 };

const recycling: ProfileItem = {
  indicator: {
    code: 'NI192',
    title: 'Household waste recycled',
    theme: 'environment',
    unit: 'percentage',
    polarity: 'higher_is_better',
    source: 'DEFRA',
    summary: 'The share recycled.',
  },
  latest: { period: periodFromKey('FY2023'), value: 58.4, formatted: '58.4%', status: 'provisional' },
  previous: { period: periodFromKey('FY2022'), value: 57.1, formatted: '57.1%', status: 'final' },
  direction: { direction: 'improving', change: 1.3, significant: null, words: 'improving' },
  comparison: { rank: 2, rankLabel: '2', quartile: 1, of: 16, judged: true },
  sparkline: [
    { period: 'FY2022', label: '2022/23', value: 57.1 },
    { period: 'FY2023', label: '2023/24', value: 58.4 },
  ],
  flags: { provisional: true, suppressed: false, derived: true, coverage: '18 of 21 wards' },
};

function data(overrides: Partial<AreaPageData> = {}): AreaPageData {
  const profile: AreaProfile = {
    area: trafford,
    asOf: null,
    group: { id: 'cipfa', name: 'Similar councils (CIPFA)', memberCodes: Array.from({ length: 16 }, (_, i) => `E0${i}`) },
    items: [recycling],
  };
  return {
    area: trafford,
    parents: [area('E12000002', 'North West', 'region')],
    children: [],
    councils: [],
    profile,
    ...overrides,
  };
}

describe('indicatorRow', () => {
  it('says the latest value with its period, direction, rank, quartile and quality notes', () => {
    const row = indicatorRow(recycling, 'E08000009');
    expect(row).toMatchObject({
      title: 'Household waste recycled',
      href: '/indicators/NI192?area=E08000009',
      value: '58.4%',
      period: '2023/24',
      direction: 'Improving',
      rank: '2nd of 16',
      quartile: '1st quartile (best quarter)',
      notes: ['Provisional: the figure may be revised', 'Worked out from 18 of 21 wards'],
      trendHref: '/trend?area=E08000009&indicator=NI192',
      sparklineSvg: undefined,
    });
  });

  it('draws a sparkline when given a drawer', () => {
    const row = indicatorRow(recycling, 'E08000009', { sparkline: (values, title) => `<svg>${values.length} ${title}</svg>` });
    expect(row.sparklineSvg).toBe('<svg>2 Household waste recycled, 2022/23 to 2023/24</svg>');
  });
});

describe('areaPageView', () => {
  it('names the comparator group and groups indicators by theme, each table with its download', () => {
    const view = areaPageView(data());
    expect(view.comparatorNote).toBe(
      'Ranks and quartiles compare Trafford with similar councils (CIPFA) (16 areas), in the latest period with a figure.',
    );
    expect(view.themes.map((t) => t.heading)).toEqual(['Environment']);
    expect(view.themes[0]?.download.csvHref).toBe('/areas/E08000009?theme=environment&format=csv');
    expect(view.facts).toContainEqual({ key: { text: 'Population' }, value: { text: '235,000 (2021 estimate)' } });
  });

  it('pages children of a type with more than a page of them', () => {
    const children = Array.from({ length: CHILDREN_PER_PAGE + 5 }, (_, i) =>
      area(`E01${String(i).padStart(6, '0')}`, `LSOA ${i}`, 'lsoa'),
    );
    const groups = childGroups(data({ children }), { childType: 'lsoa', page: 2 });
    expect(groups[0]).toMatchObject({
      heading: 'Lower layer super output areas (LSOAs) (55)',
      rangeSummary: 'Showing 51 to 55 of 55',
    });
    expect(groups[0]?.items).toHaveLength(5);
  });

  it('names themes in plain words', () => {
    expect(themeInWords('adult_social_care')).toBe('Adult social care');
    expect(themeInWords(null)).toBe('Other indicators');
  });
});
