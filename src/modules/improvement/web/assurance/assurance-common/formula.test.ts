import { describe, expect, it } from 'vitest';
import type { RiskModel } from '../../../improvement.types.ts';
import { formulaView } from './formula.ts';

const MODEL: RiskModel = {
  version: 3,
  weights: { off_target: 30, bottom_quartile: 20, worsening: 15, data_quality: 15, open_cases: 20, calls_for_action: 0 },
  casePoints: { 1: 1, 2: 2, 3: 4 },
  casePointsForFullShare: 1,
  bands: { high: 45, medium: 25 },
  createdAt: '2025-07-01T10:00:00.000Z',
  createdBy: 'Ada Assessor',
  reason: 'Targets are the council’s own promises',
};

describe('the formula in words', () => {
  it('gives each weight and the most points it can add, scaled so the weights make 100', () => {
    const f = formulaView({ ...MODEL, weights: { ...MODEL.weights, off_target: 60 } });
    expect(f.totalWeight).toBe(130);
    expect(f.weights.map((w) => [w.key, w.weight, w.maxPoints])).toEqual([
      ['off_target', 60, '46.2'],
      ['bottom_quartile', 20, '15.4'],
      ['worsening', 15, '11.5'],
      ['data_quality', 15, '11.5'],
      ['open_cases', 20, '15.4'],
      ['calls_for_action', 0, '0'],
    ]);
  });

  it('says the points of cases, the bands, the version, since when and why, and never who set it', () => {
    const f = formulaView(MODEL);
    expect(f.casesText).toBe(
      'Open cases count 1 point for a case on rung 1, 2 points for a case on rung 2, 4 points for a case on rung 3; 1 point makes a full share.',
    );
    expect(f.bandsText).toBe('A score of 45 or more is high risk, 25 or more medium risk, and below 25 low risk.');
    expect(f.versionText).toBe('Risk model version 3, in force since 1 July 2025.');
    expect(f.reason).toBe('Targets are the council’s own promises');
    expect(JSON.stringify(f)).not.toContain('Ada Assessor');
  });
});
