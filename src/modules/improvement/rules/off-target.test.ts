import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './config.ts';
import { evaluateRule } from './triggers.ts';
import { target } from './test-facts.ts';
import type { TargetFacts } from '../improvement.types.ts';

const now = new Date('2026-11-26T00:00:00Z');
type Statuses = [string, TargetFacts['judgements'][number]['status']][];

interface Row {
  statuses: Statuses;
  periods?: number;
  includeAtRisk?: boolean;
  fires: boolean;
  period: string | null;
  run?: number;
  summary?: RegExp;
}

const rows: Record<string, Row> = {
  'off track in the latest period, the rule needing 1: fires': {
    statuses: [
      ['FY2022', 'on_track'],
      ['FY2023', 'off_track'],
    ],
    fires: true,
    period: 'FY2023',
    run: 1,
    summary: /^Target “Raise household recycling to 45%” off track in 2023\/24: off track against the trajectory$/,
  },
  'on track in the latest period: does not fire': {
    statuses: [
      ['FY2022', 'off_track'],
      ['FY2023', 'on_track'],
    ],
    fires: false,
    period: 'FY2023',
    run: 0,
  },
  'at risk, not counted: does not fire': {
    statuses: [['FY2023', 'at_risk']],
    fires: false,
    period: 'FY2023',
  },
  'at risk, counted when the rule includes it: fires': {
    statuses: [['FY2023', 'at_risk']],
    includeAtRisk: true,
    fires: true,
    period: 'FY2023',
  },
  'off track two periods running, the rule needing 2: fires': {
    statuses: [
      ['FY2021', 'on_track'],
      ['FY2022', 'off_track'],
      ['FY2023', 'off_track'],
    ],
    periods: 2,
    fires: true,
    period: 'FY2023',
    run: 2,
    summary: /off track for 2 judged periods running to 2023\/24/,
  },
  'off track once, the rule needing 2: does not fire': {
    statuses: [
      ['FY2022', 'on_track'],
      ['FY2023', 'off_track'],
    ],
    periods: 2,
    fires: false,
    period: 'FY2023',
    run: 1,
    summary: /the rule needs 2/,
  },
  'at risk then off track, needing 2 and counting at risk: fires': {
    statuses: [
      ['FY2022', 'at_risk'],
      ['FY2023', 'off_track'],
    ],
    periods: 2,
    includeAtRisk: true,
    fires: true,
    period: 'FY2023',
  },
  'off track, no data, off track, needing 2: the period without data breaks the run': {
    statuses: [
      ['FY2021', 'off_track'],
      ['FY2022', 'no_data'],
      ['FY2023', 'off_track'],
    ],
    periods: 2,
    fires: false,
    period: 'FY2023',
    run: 1,
  },
  'no data in the latest period: not judged': {
    statuses: [
      ['FY2022', 'off_track'],
      ['FY2023', 'no_data'],
    ],
    fires: false,
    period: null,
    summary: /has no figure to judge for 2023\/24/,
  },
  'never judged: not judged': { statuses: [], fires: false, period: null, summary: /has not been judged yet/ },
};

describe('off target for N consecutive judged periods', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const params = {
      ...DEFAULT_PARAMS.off_target,
      periods: row.periods ?? 1,
      includeAtRisk: row.includeAtRisk ?? false,
    };
    const outcome = evaluateRule('off_target', params, target(row.statuses), now);
    expect(outcome.fires).toBe(row.fires);
    expect(outcome.period).toBe(row.period);
    if (row.run !== undefined) expect(outcome.evidence.run).toBe(row.run);
    if (row.summary) expect(outcome.summary).toMatch(row.summary);
  });

  it('judges the newest judgement of a period judged twice', () => {
    const facts = target([
      ['FY2023', 'off_track'],
      ['FY2023', 'on_track'],
    ]);
    expect(evaluateRule('off_target', DEFAULT_PARAMS.off_target, facts, now).fires).toBe(false);
    const older = { ...facts, judgements: [...facts.judgements].reverse() };
    expect(evaluateRule('off_target', DEFAULT_PARAMS.off_target, older, now).fires).toBe(false);
  });

  it('keeps the target, its figure, what was expected and the run as evidence', () => {
    const facts = target([
      ['FY2022', 'off_track'],
      ['FY2023', 'off_track'],
    ]);
    const { evidence } = evaluateRule('off_target', DEFAULT_PARAMS.off_target, facts, now);
    expect(evidence).toMatchObject({
      planId: 'trafford-laa',
      targetKey: 'recycling',
      period: 'FY2023',
      status: 'off_track',
      actual: 31,
      expected: 40,
      run: 2,
      statusRuleVersion: 1,
    });
  });
});
