import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.ts';

describe('neutraliseCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 161', "'+44 161"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['Trafford', 'Trafford'],
    ['', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('keeps numbers as numbers, negatives included', () => {
    expect(neutraliseCell(-3.5)).toBe('-3.5');
    expect(neutraliseCell(56.89999999999999)).toBe('56.89999999999999');
    expect(neutraliseCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('quotes commas and quotes', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"']])).toBe('a,b\n"x, y","say ""hi"""\n');
  });
});
