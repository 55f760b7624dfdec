import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_MODEL, riskInputsOf, riskScore } from './risk.ts';
import { indicator, target } from './test-facts.ts';
import type { CouncilFacts, RiskInputs } from '../improvement.types.ts';

const model = { ...DEFAULT_RISK_MODEL, version: 1 };
const quiet: RiskInputs = {
  targetsJudged: 0,
  targetsOffTrack: 0,
  indicatorsCompared: 0,
  indicatorsBottomQuartile: 0,
  indicatorsWithTrend: 0,
  indicatorsWorsening: 0,
  figuresDue: 0,
  figuresLateOrMissing: 0,
  openCasesByRung: { 1: 0, 2: 0, 3: 0 },
  callsForAction: null,
};

interface Row {
  inputs: Partial<RiskInputs>;
  score: number;
  band: 'high' | 'medium' | 'low';
  points?: Partial<Record<string, number>>;
  explanations?: Partial<Record<string, string>>;
}

const rows: Record<string, Row> = {
  'nothing to judge but no open cases: 0, low, each empty component says it adds nothing': {
    inputs: {},
    score: 0,
    band: 'low',
    explanations: {
      off_target: 'no targets judged: nothing to judge: adds nothing',
      bottom_quartile: 'no indicators compared with comparators: nothing to judge: adds nothing',
      worsening: 'no indicators with figures for two periods in a row: nothing to judge: adds nothing',
      data_quality: 'no figures due yet: nothing to judge: adds nothing',
      open_cases: 'no open cases',
      calls_for_action: 'calls for action are not collected yet: nothing to judge: adds nothing',
    },
  },
  '2 of 7 targets off track: 25 × 2/7 = 7.1 points': {
    inputs: { targetsJudged: 7, targetsOffTrack: 2 },
    score: 7.1,
    band: 'low',
    points: { off_target: 7.1 },
    explanations: { off_target: '2 of 7 targets off track' },
  },
  'everything off track and no other judgement: 25, medium — the missing components are not scaled up': {
    inputs: { targetsJudged: 4, targetsOffTrack: 4 },
    score: 25,
    band: 'medium',
  },
  'half the targets off, a third bottom quartile, two cases on rung 1: 12.5 + 6.7 + 8.3 = 27.5, medium': {
    inputs: {
      targetsJudged: 10,
      targetsOffTrack: 5,
      indicatorsCompared: 12,
      indicatorsBottomQuartile: 4,
      openCasesByRung: { 1: 2, 2: 0, 3: 0 },
    },
    score: 27.5,
    band: 'medium',
    points: { off_target: 12.5, bottom_quartile: 6.7, open_cases: 8.3 },
    explanations: {
      bottom_quartile: '4 of 12 indicators in the bottom quartile of their comparators',
      open_cases: '2 open cases (2 on rung 1): 2 points of the 6 that make a full share',
    },
  },
  'two cases on rung 3 make a full share: 25 points': {
    inputs: { openCasesByRung: { 1: 0, 2: 0, 3: 2 } },
    score: 25,
    band: 'medium',
    points: { open_cases: 25 },
  },
  'cases worth more than a full share count as a full share': {
    inputs: { openCasesByRung: { 1: 3, 2: 2, 3: 2 } },
    score: 25,
    band: 'medium',
    explanations: {
      open_cases: '7 open cases (3 on rung 1, 2 on rung 2, 2 on rung 3): 13 points of the 6 that make a full share',
    },
  },
  'late figures and worsening: 15 × 1/2 + 15 × 3/10 = 7.5 + 4.5 = 12, low': {
    inputs: { figuresDue: 2, figuresLateOrMissing: 1, indicatorsWithTrend: 10, indicatorsWorsening: 3 },
    score: 12,
    band: 'low',
    explanations: {
      data_quality: '1 of 2 figures due were late or are missing',
      worsening: '3 of 10 indicators worse than the period before',
    },
  },
  'exactly 40: high': {
    inputs: {
      targetsJudged: 1,
      targetsOffTrack: 1,
      figuresDue: 1,
      figuresLateOrMissing: 1,
    },
    score: 40,
    band: 'high',
  },
  'exactly 20: medium': {
    inputs: { indicatorsCompared: 1, indicatorsBottomQuartile: 1 },
    score: 20,
    band: 'medium',
  },
  '19.8, just under 20: low': {
    inputs: { indicatorsCompared: 100, indicatorsBottomQuartile: 99 },
    score: 19.8,
    band: 'low',
  },
  '19.98 is shown as 20.0, and the band is read from the score shown: medium': {
    inputs: { indicatorsCompared: 1000, indicatorsBottomQuartile: 999 },
    score: 20,
    band: 'medium',
  },
  'calls for action counted, with a weight given: any call is a full share': {
    inputs: { callsForAction: 2 },
    score: 0,
    band: 'low',
    explanations: { calls_for_action: '2 calls for action' },
  },
  'all at their worst: 100': {
    inputs: {
      targetsJudged: 3,
      targetsOffTrack: 3,
      indicatorsCompared: 3,
      indicatorsBottomQuartile: 3,
      indicatorsWithTrend: 3,
      indicatorsWorsening: 3,
      figuresDue: 3,
      figuresLateOrMissing: 3,
      openCasesByRung: { 1: 0, 2: 3, 3: 0 },
    },
    score: 100,
    band: 'high',
  },
};

describe('the risk score', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const breakdown = riskScore({ ...quiet, ...row.inputs }, model);
    expect(breakdown.score).toBe(row.score);
    expect(breakdown.band).toBe(row.band);
    expect(breakdown.modelVersion).toBe(1);
    const by = Object.fromEntries(breakdown.components.map((c) => [c.key, c]));
    for (const [key, points] of Object.entries(row.points ?? {})) expect(by[key]!.points, key).toBe(points);
    for (const [key, words] of Object.entries(row.explanations ?? {})) expect(by[key]!.explanation, key).toBe(words);
    // the score is the sum of the points shown
    expect(breakdown.score).toBeCloseTo(
      breakdown.components.reduce((n, c) => n + c.points, 0),
      6,
    );
  });

  it('a component with nothing to judge has no share and no points', () => {
    const { components } = riskScore(quiet, model);
    expect(components.find((c) => c.key === 'off_target')).toEqual({
      key: 'off_target',
      share: null,
      weight: 25,
      points: 0,
      explanation: 'no targets judged: nothing to judge: adds nothing',
    });
  });

  it('weights are scaled so their total gives 100', () => {
    const doubled = {
      ...model,
      weights: { ...model.weights, off_target: 50, open_cases: 50, bottom_quartile: 40, worsening: 30, data_quality: 30 },
    };
    expect(riskScore({ ...quiet, targetsJudged: 1, targetsOffTrack: 1 }, doubled).score).toBe(25);
  });

  it('calls for action weigh what the model gives them', () => {
    const weighted = { ...model, weights: { ...model.weights, open_cases: 15, calls_for_action: 10 } };
    const { components } = riskScore({ ...quiet, callsForAction: 1 }, weighted);
    expect(components.find((c) => c.key === 'calls_for_action')).toMatchObject({ share: 1, weight: 10, points: 10 });
    expect(riskScore({ ...quiet, callsForAction: 0 }, weighted).score).toBe(0);
  });

  it('the bands are the model’s', () => {
    const strict = { ...model, bands: { high: 20, medium: 5 } };
    expect(riskScore({ ...quiet, targetsJudged: 1, targetsOffTrack: 1 }, strict).band).toBe('high');
  });

  it('the flagged themes are carried with the breakdown', () => {
    expect(riskScore(quiet, model, ['local_services']).flaggedThemes).toEqual(['local_services']);
  });
});

describe('the risk inputs of a council', () => {
  const now = new Date('2026-11-26T00:00:00Z');
  const council: CouncilFacts = {
    bodyId: 'trafford',
    bodyName: 'Trafford Council',
    areaCode: 'E08000009',
    areaName: 'Trafford',
    indicators: [
      // compared, bottom quartile, worsening
      {
        ...indicator({
          figures: [
            ['FY2022', 31],
            ['FY2023', 29.4],
          ],
          quartiles: { FY2023: 4 },
        }),
        theme: 'environment',
      },
      // compared, not bottom, improving
      {
        ...indicator({
          figures: [
            ['FY2022', 50],
            ['FY2023', 55],
          ],
          quartiles: { FY2023: 1 },
        }),
        indicatorCode: 'ASC3',
        theme: 'adult social care',
      },
      // no direction: not compared, no trend
      {
        ...indicator({
          polarity: 'none',
          figures: [
            ['FY2022', 1],
            ['FY2023', 2],
          ],
          quartiles: { FY2023: 4 },
        }),
        indicatorCode: 'POP',
        theme: null,
      },
      // a gap before the latest figure: no trend
      {
        ...indicator({
          figures: [
            ['FY2021', 10],
            ['FY2023', 5],
          ],
          periods: ['FY2021', 'FY2022', 'FY2023'],
        }),
        indicatorCode: 'NI8',
        theme: 'culture',
      },
    ],
    targets: [
      {
        ...target([
          ['FY2022', 'on_track'],
          ['FY2023', 'off_track'],
        ]),
        ownerBodyId: 'trafford',
      },
      {
        ...target([
          ['FY2022', 'off_track'],
          ['FY2023', 'on_track'],
        ]),
        ownerBodyId: 'trafford',
      },
      { ...target([['FY2023', 'no_data']]), ownerBodyId: 'trafford' },
    ],
    deadlines: [
      {
        indicatorCode: 'NI192',
        indicatorTitle: 'Recycling',
        period: 'FY2024',
        dueDate: '2025-09-30',
        receivedAt: '2025-09-01T00:00:00Z',
      },
      {
        indicatorCode: 'ASC3',
        indicatorTitle: 'Satisfaction',
        period: 'FY2024',
        dueDate: '2025-09-30',
        receivedAt: '2025-11-01T00:00:00Z',
      },
      { indicatorCode: 'NI8', indicatorTitle: 'Adult participation', period: 'FY2025', dueDate: '2026-09-30', receivedAt: null },
      { indicatorCode: 'NI192', indicatorTitle: 'Recycling', period: 'FY2025', dueDate: '2026-12-31', receivedAt: null },
    ],
  };

  it('counts the newest judgements, latest positions and changes, and the figures due by now', () => {
    expect(riskInputsOf(council, { 1: 2, 2: 1, 3: 0 }, now)).toEqual({
      targetsJudged: 2,
      targetsOffTrack: 1,
      indicatorsCompared: 2,
      indicatorsBottomQuartile: 1,
      indicatorsWithTrend: 2,
      indicatorsWorsening: 1,
      figuresDue: 3,
      figuresLateOrMissing: 2,
      openCasesByRung: { 1: 2, 2: 1, 3: 0 },
      callsForAction: null,
    });
  });

  it('after the last due date has passed, it counts as due and missing', () => {
    const later = riskInputsOf(council, { 1: 0, 2: 0, 3: 0 }, new Date('2027-01-01T00:00:00Z'));
    expect([later.figuresDue, later.figuresLateOrMissing]).toEqual([4, 3]);
  });
});
