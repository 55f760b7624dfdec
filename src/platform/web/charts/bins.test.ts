import { describe, expect, it } from 'vitest';
import { quantileBins } from './bins.ts';

const ranges = (values: number[], n: number) => quantileBins(values, n).bins.map((b) => [b.min, b.max, b.count]);

describe('quantileBins', () => {
  it.each([
    [
      'ten values in five bins',
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      5,
      [
        [1, 2, 2],
        [3, 4, 2],
        [5, 6, 2],
        [7, 8, 2],
        [9, 10, 2],
      ],
    ],
    [
      'unsorted input',
      [10, 1, 9, 2, 8, 3, 7, 4, 6, 5],
      2,
      [
        [1, 5, 5],
        [6, 10, 5],
      ],
    ],
    [
      'two values: no empty bins between',
      [1, 10],
      5,
      [
        [1, 1, 1],
        [10, 10, 1],
      ],
    ],
    [
      'ties in one bin',
      [5, 5, 5, 5, 9],
      5,
      [
        [5, 5, 4],
        [9, 9, 1],
      ],
    ],
    ['one bin', [3, 1, 2], 1, [[1, 3, 3]]],
    ['no values', [], 5, []],
  ])('%s', (_, values, n, expected) => {
    expect(ranges(values, n)).toEqual(expected);
  });

  it('puts each value in the bin whose range holds it', () => {
    const values = [0.5, 2, 2, 3.7, 8, 9.1, 12, 40];
    const { bins, binOf } = quantileBins(values, 4);
    for (const v of values) {
      const bin = bins[binOf(v)];
      expect(bin && v >= bin.min && v <= bin.max).toBe(true);
    }
  });

  it('refuses a number of bins that is not a whole number above 0', () => {
    expect(() => quantileBins([1], 0)).toThrow('bins must be a whole number above 0');
  });
});
