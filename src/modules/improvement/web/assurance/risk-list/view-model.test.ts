import { describe, expect, it } from 'vitest';
import type { RiskModel, RiskProfile } from '../../../improvement.types.ts';
import { riskListFilter, riskListView, selectProfiles } from './view-model.ts';

const component = (key: RiskProfile['components'][number]['key'], points: number) => ({
  key,
  share: points > 0 ? 1 : 0,
  weight: 25,
  points,
  explanation: '',
});

function profile(bodyId: string, bodyName: string, score: number, band: RiskProfile['band'], offTarget: number): RiskProfile {
  return {
    bodyId,
    bodyName,
    areaCode: 'E08000009',
    score,
    band,
    modelVersion: 1,
    components: [component('off_target', offTarget), component('open_cases', score - offTarget)],
    flaggedThemes: [],
    inputs: {} as RiskProfile['inputs'],
    computedAt: '2025-06-01T09:00:00.000Z',
  };
}

const PROFILES = [
  profile('a', 'Bury', 30, 'medium', 30),
  profile('b', 'Adur', 50, 'high', 10),
  profile('c', 'Carlisle', 10, 'low', 0),
  profile('d', 'Derby', 50, 'high', 25),
];
const TYPES = new Map([
  ['a', 'Metropolitan district'],
  ['b', 'Non-metropolitan district'],
  ['c', 'Non-metropolitan district'],
  ['d', 'Unitary authority'],
]);

describe('the risk page’s filter from the address', () => {
  it.each([
    [{}, { sort: 'score', band: '', type: '' }],
    [
      { sort: 'name', band: 'high', type: 'Unitary authority' },
      { sort: 'name', band: 'high', type: 'Unitary authority' },
    ],
    [{ sort: 'open_cases' }, { sort: 'open_cases', band: '', type: '' }],
    [
      { sort: "' OR 1=1", band: 'purple' },
      { sort: 'score', band: '', type: '' },
    ],
    [{ type: 'x'.repeat(150) }, { sort: 'score', band: '', type: 'x'.repeat(100) }],
  ])('%j reads as %j', (query, filter) => {
    expect(riskListFilter(query)).toEqual(filter);
  });
});

describe('the councils shown', () => {
  it.each([
    ['by score, highest first, ties by name', { sort: 'score', band: '', type: '' }, ['Adur', 'Derby', 'Bury', 'Carlisle']],
    ['by name', { sort: 'name', band: '', type: '' }, ['Adur', 'Bury', 'Carlisle', 'Derby']],
    ['by a component’s points, then score', { sort: 'off_target', band: '', type: '' }, ['Bury', 'Derby', 'Adur', 'Carlisle']],
    ['in one band', { sort: 'score', band: 'high', type: '' }, ['Adur', 'Derby']],
    ['of one type', { sort: 'score', band: '', type: 'Non-metropolitan district' }, ['Adur', 'Carlisle']],
    ['of a type no council has', { sort: 'score', band: '', type: 'County' }, []],
  ] as const)('%s', (_what, filter, names) => {
    expect(selectProfiles(PROFILES, filter, TYPES).map((p) => p.bodyName)).toEqual(names);
  });
});

describe('the risk page', () => {
  const model = (version: number): RiskModel => ({
    version,
    weights: { off_target: 25, bottom_quartile: 20, worsening: 15, data_quality: 15, open_cases: 25, calls_for_action: 0 },
    casePoints: { 1: 1, 2: 2, 3: 3 },
    casePointsForFullShare: 6,
    bands: { high: 40, medium: 20 },
    createdAt: '2025-06-01T09:00:00.000Z',
    createdBy: 'system: default model',
    reason: null,
  });
  const view = (version: number, mayConfigure = false) =>
    riskListView({
      profiles: PROFILES,
      model: model(version),
      filter: riskListFilter({ band: 'high' }),
      councilTypes: TYPES,
      mayConfigure,
    });

  it('says how many profiles were scored with an earlier model than the one in force', () => {
    expect(view(1).olderModelText).toBeNull();
    expect(view(2).olderModelText).toBe(
      '4 profiles were scored with an earlier model version: each is scored again with version 2 the next time the triggers run.',
    );
  });

  it('counts the councils shown of all, downloads what is shown, and offers the model’s form only to those who may change it', () => {
    expect(view(1).countText).toBe('2 of 4 councils');
    expect(view(1).download.csvHref).toBe('/risk.csv?band=high');
    expect(view(1).modelHref).toBeNull();
    expect(view(1, true).modelHref).toBe('/risk/model');
  });
});
