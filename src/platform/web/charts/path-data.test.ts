import { describe, expect, it } from 'vitest';
import { polygonsPath, tenths } from './path-data.ts';
import { simplifyLine, simplifyRing } from './simplify.ts';

describe('tenths', () => {
  it.each([
    [0, '0'],
    [5, '.5'],
    [-5, '-.5'],
    [30, '3'],
    [-12, '-1.2'],
    [1234, '123.4'],
  ])('%i tenths is %s', (n, text) => {
    expect(tenths(n)).toBe(text);
  });
});

describe('polygonsPath', () => {
  it('writes the first point absolutely and the rest as relative moves', () => {
    expect(
      polygonsPath([
        [
          [
            [10, 10],
            [20, 10],
            [20, 20.04],
            [10, 20],
          ],
        ],
      ]),
    ).toBe('M10 10l10 0 0 10-10 0z');
  });

  it('drops points that round to the one before, and rings that round to less than a triangle', () => {
    const ring = (points: [number, number][]) => polygonsPath([[points]]);
    expect(
      ring([
        [0, 0],
        [0.01, 0],
        [1, 0],
        [1, 1],
      ]),
    ).toBe('M0 0l1 0 0 1z');
    expect(
      ring([
        [0, 0],
        [0.01, 0.01],
        [0, 0.02],
      ]),
    ).toBe('');
  });
});

describe('simplifyLine and simplifyRing', () => {
  it('drop points closer to the line than the tolerance, and keep the corners', () => {
    expect(
      simplifyLine(
        [
          [0, 0],
          [1, 0.1],
          [2, 0],
          [2, 5],
        ],
        0.5,
      ),
    ).toEqual([
      [0, 0],
      [2, 0],
      [2, 5],
    ]);
    const square: [number, number][] = [
      [0, 0],
      [5, 0.1],
      [10, 0],
      [10, 10],
      [5, 10.1],
      [0, 10],
    ];
    expect(simplifyRing(square, 0.5)).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]);
  });
});
