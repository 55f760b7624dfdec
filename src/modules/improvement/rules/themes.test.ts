import { describe, expect, it } from 'vitest';
import { flaggedThemesOf, inspectionThemeOf } from './themes.ts';
import { indicator, target } from './test-facts.ts';
import type { CouncilFacts, InspectionTheme } from '../improvement.types.ts';

describe('the inspection theme of an indicator’s theme', () => {
  it.each<[string | null, InspectionTheme]>([
    ['adult social care', 'adult_social_care_health'],
    ['Adult Social Care', 'adult_social_care_health'],
    ['health', 'adult_social_care_health'],
    ['public health', 'adult_social_care_health'],
    ['community safety', 'justice_community_safety'],
    ['crime', 'justice_community_safety'],
    ['children', 'children_education_skills'],
    ['children and young people', 'children_education_skills'],
    ['education', 'children_education_skills'],
    ['skills', 'children_education_skills'],
    ['environment', 'local_services'],
    ['housing', 'local_services'],
    ['', 'local_services'],
    [null, 'local_services'],
  ])('%s → %s', (theme, expected) => {
    expect(inspectionThemeOf(theme)).toBe(expected);
  });
});

const now = new Date('2026-11-26T00:00:00Z');
const calm = (code: string, theme: string | null) => ({
  ...indicator({
    figures: [
      ['FY2022', 50],
      ['FY2023', 55],
    ],
    quartiles: { FY2023: 1 },
  }),
  indicatorCode: code,
  theme,
});
const base: CouncilFacts = {
  bodyId: 'trafford',
  bodyName: 'Trafford Council',
  areaCode: 'E08000009',
  areaName: 'Trafford',
  indicators: [calm('NI192', 'environment'), calm('ASC3', 'adult social care'), calm('NI111', 'crime')],
  targets: [],
  deadlines: [],
};

describe('the themes flagged for a council', () => {
  it.each<[string, Partial<CouncilFacts>, InspectionTheme[]]>([
    ['nothing wrong: none', {}, []],
    [
      'an indicator in the bottom quartile: its theme',
      {
        indicators: [
          {
            ...indicator({
              figures: [
                ['FY2022', 30],
                ['FY2023', 31],
              ],
              quartiles: { FY2023: 4 },
            }),
            indicatorCode: 'NI111',
            theme: 'crime',
          },
        ],
      },
      ['justice_community_safety'],
    ],
    [
      'an indicator getting worse: its theme',
      {
        indicators: [
          calm('NI192', 'environment'),
          {
            ...indicator({
              figures: [
                ['FY2022', 70],
                ['FY2023', 60],
              ],
              quartiles: { FY2023: 1 },
            }),
            indicatorCode: 'ASC3',
            theme: 'adult social care',
          },
        ],
      },
      ['adult_social_care_health'],
    ],
    [
      'a target off track: its indicator’s theme',
      { targets: [{ ...target([['FY2023', 'off_track']]), indicatorCode: 'ASC3', ownerBodyId: 'trafford' }] },
      ['adult_social_care_health'],
    ],
    [
      'a target off track on an indicator without figures: local services',
      { targets: [{ ...target([['FY2023', 'off_track']]), indicatorCode: 'NEW1', ownerBodyId: 'trafford' }] },
      ['local_services'],
    ],
    [
      'a target at risk: not flagged',
      { targets: [{ ...target([['FY2023', 'at_risk']]), indicatorCode: 'ASC3', ownerBodyId: 'trafford' }] },
      [],
    ],
    [
      'a figure due and missing: its theme',
      {
        deadlines: [
          { indicatorCode: 'NI111', indicatorTitle: 'Crime', period: 'FY2025', dueDate: '2026-09-30', receivedAt: null },
        ],
      },
      ['justice_community_safety'],
    ],
    [
      'a figure not yet due: not flagged',
      {
        deadlines: [
          { indicatorCode: 'NI111', indicatorTitle: 'Crime', period: 'FY2025', dueDate: '2026-12-31', receivedAt: null },
        ],
      },
      [],
    ],
    [
      'several: in the themes’ order',
      {
        targets: [{ ...target([['FY2023', 'off_track']]), indicatorCode: 'ASC3', ownerBodyId: 'trafford' }],
        deadlines: [
          { indicatorCode: 'NI111', indicatorTitle: 'Crime', period: 'FY2025', dueDate: '2026-09-30', receivedAt: null },
        ],
        indicators: [
          ...base.indicators,
          {
            ...indicator({
              figures: [
                ['FY2022', 30],
                ['FY2023', 31],
              ],
              quartiles: { FY2023: 4 },
            }),
            indicatorCode: 'NI192',
            theme: 'environment',
          },
        ],
      },
      ['local_services', 'justice_community_safety', 'adult_social_care_health'],
    ],
  ])('%s', (_, over, expected) => {
    expect(flaggedThemesOf({ ...base, ...over }, now)).toEqual(expected);
  });

  it('without the time, only figures published after their due date count as late', () => {
    const deadlines = [
      {
        indicatorCode: 'NI111',
        indicatorTitle: 'Crime',
        period: 'FY2024',
        dueDate: '2025-09-30',
        receivedAt: '2025-10-05T00:00:00Z',
      },
      { indicatorCode: 'ASC3', indicatorTitle: 'Satisfaction', period: 'FY2025', dueDate: '2026-09-30', receivedAt: null },
    ];
    expect(flaggedThemesOf({ ...base, deadlines })).toEqual(['justice_community_safety']);
  });
});
