import { describe, expect, it } from 'vitest';
import { ordinal, polarityInWords, qualityNotes, quartileInWords, rankInWords, unitInWords } from './words.ts';

describe('figure words', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [11, '11th'],
    [22, '22nd'],
    [113, '113th'],
  ])('ordinal %i is %s', (n, words) => {
    expect(ordinal(n)).toBe(words);
  });

  it('says ranks and quartiles in words', () => {
    expect(rankInWords('3', 10)).toBe('3rd of 10');
    expect(rankInWords('2=', 10)).toBe('joint 2nd of 10');
    expect(rankInWords(null, 10)).toBe('not ranked');
    expect(quartileInWords(1, true)).toBe('1st quartile (best quarter)');
    expect(quartileInWords(4, false)).toBe('4th quartile (lowest quarter)');
    expect(quartileInWords(2, true)).toBe('2nd quartile');
  });

  it('says polarity and unit in words', () => {
    expect(polarityInWords('higher_is_better')).toBe('A higher figure is better.');
    expect(polarityInWords('target_range', { low: 2, high: 4 })).toBe('A figure between 2 and 4 is best.');
    expect(unitInWords('rate', 1000)).toBe('Rate per 1,000');
    expect(unitInWords('percentage', null)).toBe('Percentage');
  });

  it('notes provisional and derived figures with their coverage', () => {
    expect(qualityNotes({ provisional: true, suppressed: false, derived: true, coverage: '18 of 21 wards' })).toEqual([
      'Provisional: the figure may be revised',
      'Worked out from 18 of 21 wards',
    ]);
    expect(qualityNotes({ provisional: false, suppressed: false, derived: false, coverage: null })).toEqual([]);
  });
});
