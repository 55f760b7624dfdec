import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormulaGuarded } from './formula-guard.ts';

describe('formula guard', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44 20', "'+44 20"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ["'=already", "''=already"],
    ['plain text', 'plain text'],
    ["it's fine", "it's fine"],
    ["'quoted'", "'quoted'"],
    ['', ''],
  ])('%j is exported as %j and reads back', (cell, exported) => {
    expect(neutraliseFormula(cell)).toBe(exported);
    expect(restoreFormulaGuarded(exported)).toBe(cell);
  });
});
