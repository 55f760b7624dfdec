/** Plain words the figure pages share: polarity, quartiles, ranks, directions, data-quality notes. */
import type { Polarity } from '../../../indicators/index.ts';
import { AREA_TYPE_PLURALS, isAreaType } from '../../../places/index.ts';

const POLARITY_WORDS: Record<Polarity, string> = {
  higher_is_better: 'A higher figure is better.',
  lower_is_better: 'A lower figure is better.',
  target_range: 'A figure within the target range is best.',
  none: 'Neither a higher nor a lower figure is better in itself.',
};

export function polarityInWords(polarity: Polarity, range?: { low: number; high: number } | null): string {
  if (polarity === 'target_range' && range) return `A figure between ${range.low} and ${range.high} is best.`;
  return POLARITY_WORDS[polarity] ?? polarity;
}

const UNIT_WORDS: Record<string, string> = {
  percentage: 'Percentage',
  count: 'Count',
  rate: 'Rate',
  money: 'Pounds (£)',
  days: 'Days',
  score: 'Score',
  ratio: 'Ratio',
  index: 'Index',
  other: 'Number',
};

export function unitInWords(unit: string, multiplier: number | null): string {
  const words = UNIT_WORDS[unit] ?? unit;
  return unit === 'rate' && multiplier ? `${words} per ${multiplier.toLocaleString('en-GB')}` : words;
}

const ORDINAL = ['', '1st', '2nd', '3rd', '4th'];

/** "1st quartile (best quarter)" when ranks are a judgement; "1st quartile (highest quarter)" otherwise. */
export function quartileInWords(quartile: 1 | 2 | 3 | 4 | null, judged: boolean): string {
  if (quartile === null) return 'not ranked';
  const ends = judged ? ['best', 'worst'] : ['highest', 'lowest'];
  const note = quartile === 1 ? ` (${ends[0]} quarter)` : quartile === 4 ? ` (${ends[1]} quarter)` : '';
  return `${ORDINAL[quartile]} quartile${note}`;
}

/** "3rd of 10" from a rank label ("3", or "3=" when tied) and a count. */
export function rankInWords(rankLabel: string | null, of: number): string {
  if (rankLabel === null) return 'not ranked';
  const equal = rankLabel.includes('=');
  const n = Number(rankLabel.replace('=', ''));
  return `${equal ? 'joint ' : ''}${ordinal(n)} of ${of.toLocaleString('en-GB')}`;
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n.toLocaleString('en-GB')}${suffix}`;
}

/** Capital first letter ("improving" → "Improving"). */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface QualityFlags {
  provisional: boolean;
  suppressed: boolean;
  derived: boolean;
  coverage: string | null;
}

/** Notes on a figure: "Provisional", "Worked out from 18 of 21 wards". */
export function qualityNotes(flags: QualityFlags): string[] {
  const notes: string[] = [];
  if (flags.provisional) notes.push('Provisional: the figure may be revised');
  if (flags.suppressed) notes.push('Withheld by the publisher');
  if (flags.derived) notes.push(flags.coverage ? `Worked out from ${flags.coverage}` : 'Worked out from the parts of this area');
  return notes;
}

/** "Wards", "London boroughs" */
export function areaTypePlural(type: string): string {
  return isAreaType(type) ? AREA_TYPE_PLURALS[type] : type;
}
