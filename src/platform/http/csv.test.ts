import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.ts';

describe('neutraliseCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 161', "'+44 161"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\r=1+1', "'\r=1+1"],
    ['-3.5 Wigan', "'-3.5 Wigan"],
    ['-1-1', "'-1-1"],
    ["-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"],
    ['Trafford', 'Trafford'],
    ['', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(['-3.5', '-1,234', '-0.25', '-12'])('leaves the negative number %j written as text alone', (text) => {
    expect(neutraliseCell(text)).toBe(text);
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

  it('quotes a cell holding a carriage return, so a spreadsheet cannot start a new row (and cell) inside it', () => {
    expect(toCsv(['name', 'n'], [['Trafford\r=HYPERLINK("http://evil.example")', 1]])).toBe(
      'name,n\n"Trafford\r=HYPERLINK(""http://evil.example"")",1\n',
    );
    expect(toCsv(['name'], [['\r=1+1']])).toBe(`name\n"'\r=1+1"\n`);
  });
});
