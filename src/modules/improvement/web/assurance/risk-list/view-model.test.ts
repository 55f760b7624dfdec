import { describe, expect, it } from 'vitest';
import type { RiskProfile } from '../../../improvement.types.ts';
import { riskListFilter, selectProfiles } from './view-model.ts';

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
