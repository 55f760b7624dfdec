import { describe, expect, it } from 'vitest';
import { dateInWords, deadlineInWords, keyInWords, kindInWords, rungTag, stateTag } from './words.ts';

const NOW = new Date('2025-06-01T09:00:00.000Z');

describe('a case’s deadline in words', () => {
  it.each([
    ['2025-08-30T09:00:00.000Z', 'open', { text: '30 August 2025', overdue: false }],
    ['2025-06-01T08:00:00.000Z', 'open', { text: '1 June 2025 (overdue)', overdue: true }],
    ['2025-05-31T09:00:00.000Z', 'acknowledged', { text: '31 May 2025 (overdue by 1 day)', overdue: true }],
    ['2025-05-02T09:00:00.000Z', 'action_planned', { text: '2 May 2025 (overdue by 30 days)', overdue: true }],
    // a closed case's deadline no longer runs
    ['2025-05-02T09:00:00.000Z', 'closed', { text: '2 May 2025', overdue: false }],
    ['2025-05-02T09:00:00.000Z', 'closed_recovered', { text: '2 May 2025', overdue: false }],
  ] as const)('%s, %s', (deadline, state, expected) => {
    expect(deadlineInWords(deadline, state, NOW)).toEqual(expected);
  });
});

describe('states, rungs and kinds in words', () => {
  it('says every state and rung in words, the colour only repeating them', () => {
    expect(stateTag('open')).toEqual({ text: 'Open: awaiting an owner', classes: 'govuk-tag--red' });
    expect(stateTag('closed_recovered').text).toBe('Closed: performance recovered');
    expect(rungTag(3)).toEqual({ text: 'Rung 3', classes: 'govuk-tag--pink' });
  });

  it('names a rule kind, and a later source’s own kind readably', () => {
    expect(kindInWords('bottom_quartile')).toBe('Bottom quartile of comparators');
    expect(kindInWords('call_for_action')).toBe('Call for action');
  });

  it('writes an evidence key and a date as people do', () => {
    expect(keyInWords('worstQuartileBound')).toBe('Worst quartile bound');
    expect(keyInWords('ciLower')).toBe('CI lower');
    expect(dateInWords('2025-03-31')).toBe('31 March 2025');
    expect(dateInWords('2025-03-31T23:30:00.000Z')).toBe('1 April 2025');
  });
});
