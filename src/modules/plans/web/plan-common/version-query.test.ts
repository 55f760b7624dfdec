import { describe, expect, it } from 'vitest';
import { readVersionQuery } from './version-query.ts';

const blank = { day: '', month: '', year: '' };

describe('reading which version a page is asked for', () => {
  it.each([
    ['nothing', {}, {}, blank, undefined],
    ['the draft', { version: 'draft' }, { draft: true }, blank, undefined],
    ['a version by number', { version: '3' }, { version: 3 }, blank, undefined],
    ['a date', { on: '2024-06-30' }, { on: '2024-06-30' }, { day: '30', month: '6', year: '2024' }, undefined],
    [
      'the date form’s boxes',
      { 'on-day': '1', 'on-month': '4', 'on-year': '2025' },
      { on: '2025-04-01' },
      { day: '1', month: '4', year: '2025' },
      undefined,
    ],
    [
      'a version that is not a number',
      { version: 'latest' },
      {},
      blank,
      'The version must be a number, such as 2, or “draft”: “latest” is not',
    ],
    ['version 0', { version: '0' }, {}, blank, 'The version must be a number, such as 2, or “draft”: “0” is not'],
    [
      'a date that is not one',
      { on: '2025-02-30' },
      {},
      blank,
      'The date must be written YYYY-MM-DD, such as 2025-04-01: “2025-02-30” is not',
    ],
    [
      'boxes with one missing',
      { 'on-day': '1', 'on-year': '2025' },
      {},
      { day: '1', month: '', year: '2025' },
      'Enter the date as a day, a month and a year',
    ],
    [
      'boxes that are not a date',
      { 'on-day': '31', 'on-month': '2', 'on-year': '2025' },
      {},
      { day: '31', month: '2', year: '2025' },
      'The date must be a real date, such as 1 4 2025',
    ],
    [
      'a two-digit year',
      { 'on-day': '1', 'on-month': '4', 'on-year': '25' },
      {},
      { day: '1', month: '4', year: '25' },
      'The date must be a real date, such as 1 4 2025',
    ],
  ])('%s', (_name, query, choice, sent, problem) => {
    expect(readVersionQuery(query)).toEqual({ choice, sent, problem });
  });

  it('reads anything else as nothing asked', () => {
    expect(readVersionQuery(null)).toEqual({ choice: {}, sent: blank, problem: undefined });
    expect(readVersionQuery({ version: ['2', '3'] })).toEqual({ choice: {}, sent: blank, problem: undefined });
  });
});
