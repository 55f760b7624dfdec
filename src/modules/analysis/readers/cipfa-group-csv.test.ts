import { describe, expect, it } from 'vitest';
import { cipfaHintsFromFileName } from './cipfa-group-csv.ts';

describe('cipfaHintsFromFileName', () => {
  it.each([
    ['trafford_comparator_group_cipfa2021.csv', { anchorCode: null, anchorName: 'trafford', vintage: '2021' }],
    ['E08000009_cipfa-2019.csv', { anchorCode: 'E08000009', anchorName: null, vintage: '2019' }],
    ['milton_keynes_nearest_neighbours_cipfa_2020.csv', { anchorCode: null, anchorName: 'milton keynes', vintage: '2020' }],
    ['neighbours.csv', { anchorCode: null, anchorName: null, vintage: null }],
    ['some/dir/bury_comparator_group.csv', { anchorCode: null, anchorName: 'bury', vintage: null }],
  ])('%s', (name, expected) => {
    expect(cipfaHintsFromFileName(name)).toEqual(expected);
  });
});
