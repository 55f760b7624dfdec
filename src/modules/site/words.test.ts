import { describe, expect, it } from 'vitest';
import { AREA_TYPES } from '../places/index.ts';
import { areaTypeInWords, countOf, listInWords, longDate } from './words.ts';

describe('areaTypeInWords', () => {
  it.each([
    ['metropolitan_district', 'Metropolitan district'],
    ['unitary', 'Unitary authority'],
    ['london_borough', 'London borough'],
    ['lsoa', 'Lower layer super output area (LSOA)'],
  ] as const)('%s is %s', (type, words) => {
    expect(areaTypeInWords(type)).toBe(words);
  });

  it('has words for every area type', () => {
    for (const type of AREA_TYPES) expect(areaTypeInWords(type)).not.toContain('_');
  });
});

describe('longDate', () => {
  it.each([
    ['2025-06-01T09:00:00.000Z', '1 June 2025'],
    ['2025-03-31T23:30:00.000Z', '1 April 2025'], // British Summer Time
    ['2024-12-25', '25 December 2024'],
    ['not a date', 'not a date'],
  ])('%s is %s', (input, words) => {
    expect(longDate(input)).toBe(words);
  });
});

describe('countOf and listInWords', () => {
  it.each([
    [0, '0 places'],
    [1, '1 place'],
    [1234, '1,234 places'],
  ])('%i', (n, words) => {
    expect(countOf(n, 'place')).toBe(words);
  });

  it.each([
    [[], ''],
    [['North West'], 'North West'],
    [['Greater Manchester', 'North West'], 'Greater Manchester and North West'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('%j', (items, words) => {
    expect(listInWords(items)).toBe(words);
  });
});
