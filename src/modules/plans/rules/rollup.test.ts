import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/errors.ts';
import type { ActionState, Status, StatusCounts } from '../plans.types.ts';
import { actionStatus, rollUp, rollUpCounts, worstFirst, type ActionStatus } from './rollup.ts';

const today = '2024-06-30';
const past = '2024-03-31';
const future = '2024-09-30';

describe('actionStatus', () => {
  it.each<[string, ActionState | null, string, ActionStatus]>([
    ['complete, past its due date: on track', 'complete', past, 'on_track'],
    ['complete before its due date: on track', 'complete', future, 'on_track'],
    ['cancelled: left out', 'cancelled', future, null],
    ['cancelled after its due date: left out', 'cancelled', past, null],
    ['delayed, not yet due: at risk', 'delayed', future, 'at_risk'],
    ['delayed and past due: off track', 'delayed', past, 'off_track'],
    ['in progress and past due: off track', 'in_progress', past, 'off_track'],
    ['not started and past due: off track', 'not_started', past, 'off_track'],
    ['no update and past due: off track', null, past, 'off_track'],
    ['no update, not yet due: no data', null, future, 'no_data'],
    ['not started, not yet due: on track', 'not_started', future, 'on_track'],
    ['in progress, not yet due: on track', 'in_progress', future, 'on_track'],
    ['in progress, due today: on track', 'in_progress', today, 'on_track'],
    ['no update, due today: no data', null, today, 'no_data'],
  ])('%s', (_name, state, due, expected) => {
    expect(actionStatus(state === null ? null : { state }, { due }, today)).toBe(expected);
  });

  it.each([
    ['a due date that does not exist', '2024-02-30', today, 'due'],
    ['a due date in another form', '30/09/2024', today, 'due'],
    ['a today that is not a date', future, '2024-13-01', 'today'],
  ])('%s is refused, naming the field', (_name, due, on, field) => {
    let thrown: unknown;
    try {
      actionStatus(null, { due }, on);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).details.map((d) => d.field)).toEqual([field]);
  });
});

const counts = (on_track: number, at_risk: number, off_track: number, no_data: number): StatusCounts => ({
  on_track,
  at_risk,
  off_track,
  no_data,
});

describe('rollUp', () => {
  it.each<[string, ActionStatus[], Status, StatusCounts]>([
    ['nothing: no data', [], 'no_data', counts(0, 0, 0, 0)],
    ['all on track', ['on_track', 'on_track'], 'on_track', counts(2, 0, 0, 0)],
    ['one at risk', ['on_track', 'at_risk'], 'at_risk', counts(1, 1, 0, 0)],
    ['any off track', ['on_track', 'at_risk', 'off_track'], 'off_track', counts(1, 1, 1, 0)],
    ['only no data', ['no_data', 'no_data'], 'no_data', counts(0, 0, 0, 2)],
    ['no data beside on track: on track', ['no_data', 'on_track'], 'on_track', counts(1, 0, 0, 1)],
    ['no data beside at risk: at risk', ['no_data', 'at_risk'], 'at_risk', counts(0, 1, 0, 1)],
    ['a cancelled action is left out', [null, 'on_track'], 'on_track', counts(1, 0, 0, 0)],
    ['only cancelled actions: no data', [null], 'no_data', counts(0, 0, 0, 0)],
  ])('%s', (_name, statuses, status, expected) => {
    expect(rollUp(statuses)).toEqual({ status, counts: expected });
  });
});

describe('rollUpCounts', () => {
  it.each<[string, StatusCounts[], Status, StatusCounts]>([
    ['nothing: no data', [], 'no_data', counts(0, 0, 0, 0)],
    ['two priorities added up', [counts(2, 1, 0, 0), counts(1, 0, 0, 3)], 'at_risk', counts(3, 1, 0, 3)],
    ['one off track anywhere', [counts(5, 0, 0, 0), counts(0, 0, 1, 0)], 'off_track', counts(5, 0, 1, 0)],
    ['only no data', [counts(0, 0, 0, 1), counts(0, 0, 0, 2)], 'no_data', counts(0, 0, 0, 3)],
  ])('%s', (_name, parts, status, expected) => {
    expect(rollUpCounts(parts)).toEqual({ status, counts: expected });
  });
});

describe('worstFirst', () => {
  it.each<[string, [string, ActionStatus][], string[]]>([
    [
      'off track, at risk, no data, on track, then left out; ties keep their order',
      [
        ['a', 'on_track'],
        ['b', 'off_track'],
        ['c', 'no_data'],
        ['d', 'at_risk'],
        ['e', 'off_track'],
        ['f', null],
        ['g', 'on_track'],
      ],
      ['b', 'e', 'd', 'c', 'a', 'g', 'f'],
    ],
    [
      'all the same status: the order given',
      [
        ['z', 'at_risk'],
        ['y', 'at_risk'],
        ['x', 'at_risk'],
      ],
      ['z', 'y', 'x'],
    ],
    ['nothing', [], []],
  ])('%s', (_name, items, expected) => {
    const sorted = worstFirst(items, ([, status]) => status);
    expect(sorted.map(([name]) => name)).toEqual(expected);
  });

  it('leaves the list it was given as it was', () => {
    const items: [string, Status][] = [
      ['a', 'on_track'],
      ['b', 'off_track'],
    ];
    worstFirst(items, ([, status]) => status);
    expect(items.map(([name]) => name)).toEqual(['a', 'b']);
  });
});
