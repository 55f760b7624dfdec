import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { fieldIn, readDate, serviceErrors } from './form-problems.ts';

describe('readDate', () => {
  const boxes = (day: string, month: string, year: string) => ({ day, month, year });
  it.each([
    ['a real date', boxes('1', '4', '2025'), {}, { ok: true, value: '2025-04-01' }],
    ['blank when not required', boxes('', '', ''), {}, { ok: true, value: '' }],
    ['blank when required', boxes('', '', ''), { required: true }, { ok: false, text: 'Enter the date' }],
    ['a box missing', boxes('1', '', '2025'), {}, { ok: false, text: 'Enter the date as a day, a month and a year' }],
    ['no such day', boxes('31', '2', '2025'), {}, { ok: false, text: 'The date must be a real date: “31 2 2025” is not one' }],
    ['a two-digit year', boxes('1', '4', '25'), {}, { ok: false, text: 'The date must be a real date: “1 4 25” is not one' }],
  ])('%s', (_case, sent, opts, result) => {
    expect(readDate(sent, 'the date', opts)).toEqual(result);
  });
});

describe('serviceErrors', () => {
  const fields = { title: { id: 'title', label: 'Title' }, milestones: { id: 'milestones', label: 'Milestones' } };

  it('puts each problem against its field with the value sent, and one without a field against the fallback', () => {
    const error = new ValidationError('The plan cannot be saved', [
      { field: 'milestones[2].period', value: 'May 2020', reason: 'is not a financial year' },
      { field: 'title', reason: 'is required' },
      { reason: 'cannot be changed once published' },
    ]);
    expect(serviceErrors(error, fields, 'form').summary).toEqual([
      { text: 'Milestones: “May 2020” is not a financial year.', href: '#milestones' },
      { text: 'Title is required.', href: '#title' },
      { text: 'The form cannot be changed once published.', href: '#form' },
    ]);
  });

  it('says the refusal itself when it names no problem', () => {
    expect(serviceErrors(new ValidationError('The case is closed'), fieldIn(fields), 'title').summary).toEqual([
      { text: 'The case is closed.', href: '#title' },
    ]);
  });
});
