import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, DEFAULT_RULES, checkParams, ruleInForce } from './config.ts';
import { describeParams } from './params.ts';
import { TRIGGER_KINDS, type TriggerKind, type TriggerRuleVersion } from '../improvement.types.ts';

describe('the default rules', () => {
  it('have a general rule of every kind, and check as their own parameters', () => {
    for (const kind of TRIGGER_KINDS) {
      const general = DEFAULT_RULES.find((r) => r.kind === kind && r.bodyId === '*' && r.indicatorCode === '*');
      expect(general, kind).toBeDefined();
      expect(checkParams(kind, general!.params)).toEqual({ params: general!.params });
    }
  });

  it.each([
    ['satisfaction falls are off in general', 'satisfaction_fall', '*', false],
    ['satisfaction falls are on for ASC3', 'satisfaction_fall', 'ASC3', true],
    ['satisfaction falls are on for ASC4', 'satisfaction_fall', 'ASC4', true],
    ['off target is on in general', 'off_target', '*', true],
  ] as const)('%s', (_, kind, indicatorCode, enabled) => {
    expect(DEFAULT_RULES.find((r) => r.kind === kind && r.indicatorCode === indicatorCode)?.enabled).toBe(enabled);
  });

  it('start every case on rung 1 and close a late figure’s case once it is in', () => {
    expect(DEFAULT_RULES.every((r) => r.params.openAtRung === 1)).toBe(true);
    expect(DEFAULT_PARAMS.data_late.recoveryPeriods).toBe(1);
    expect(DEFAULT_PARAMS.bottom_quartile.recoveryPeriods).toBe(2);
  });

  it('read in words', () => {
    expect(describeParams('off_target', DEFAULT_PARAMS.off_target)).toBe(
      'Rung a case opened by this rule starts on: 1; Clear periods in a row before a case closes as recovered: 2; Judged periods in a row off track: 1; Count “at risk” as well as “off track”: no',
    );
  });
});

type CheckRow = [string, TriggerKind, unknown, Record<string, unknown> | { field: string; reason: RegExp }[]];

const checks: CheckRow[] = [
  ['a change of one field keeps the others', 'bottom_quartile', { periods: 3 }, { periods: 3, comparator: 'nearest' }],
  [
    'numbers and booleans as text from a form',
    'off_target',
    { periods: '2', includeAtRisk: 'true' },
    { periods: 2, includeAtRisk: true },
  ],
  ['an empty change is the current parameters', 'red_red', {}, { ...DEFAULT_PARAMS.red_red }],
  ['a comparator by name', 'red_red', { comparator: 'type' }, { comparator: 'type' }],
  ['a grace of 0 days', 'data_late', { graceDays: 0 }, { graceDays: 0 }],
  ['a drop factor of 2.5', 'series_break', { dropFactor: 2.5 }, { dropFactor: 2.5 }],
  [
    'an unknown field is refused, named',
    'off_target',
    { period: 2 },
    [
      {
        field: 'period',
        reason: /not a parameter of the off_target rule; its parameters are openAtRung, recoveryPeriods, periods, includeAtRisk/,
      },
    ],
  ],
  [
    'a field of another kind is refused',
    'red_red',
    { periods: 2 },
    [{ field: 'periods', reason: /not a parameter of the red_red rule/ }],
  ],
  ['a rung of 4', 'off_target', { openAtRung: 4 }, [{ field: 'openAtRung', reason: /whole number from 1 to 3/ }]],
  ['periods of 1.5', 'bottom_quartile', { periods: 1.5 }, [{ field: 'periods', reason: /whole number from 1 to 12/ }]],
  ['periods of 0', 'off_target', { periods: 0 }, [{ field: 'periods', reason: /whole number from 1 to 12/ }]],
  ['recovery periods as words', 'off_target', { recoveryPeriods: 'two' }, [{ field: 'recoveryPeriods', reason: /whole number/ }]],
  ['a negative grace', 'data_late', { graceDays: -1 }, [{ field: 'graceDays', reason: /from 0 to 366/ }]],
  ['a drop factor of 0', 'series_break', { dropFactor: 0 }, [{ field: 'dropFactor', reason: /a number above 0/ }]],
  ['a negative margin of error', 'satisfaction_fall', { marginOfError: -1 }, [{ field: 'marginOfError', reason: /from 0/ }]],
  [
    'an unknown comparator',
    'bottom_quartile',
    { comparator: 'county' },
    [{ field: 'comparator', reason: /one of nearest, type, region, england/ }],
  ],
  ['yes for a boolean', 'series_break', { fireOnGap: 'yes' }, [{ field: 'fireOnGap', reason: /true or false/ }]],
  ['an empty text for a number', 'satisfaction_fall', { marginOfError: '' }, [{ field: 'marginOfError', reason: /a number/ }]],
  [
    'every problem at once',
    'off_target',
    { periods: 0, includeAtRisk: 3 },
    [
      { field: 'periods', reason: /whole/ },
      { field: 'includeAtRisk', reason: /true or false/ },
    ],
  ],
  [
    'a name an object has by inheritance is no parameter',
    'off_target',
    { toString: 1 },
    [{ field: 'toString', reason: /not a parameter/ }],
  ],
  [
    '__proto__ is no parameter',
    'off_target',
    JSON.parse('{"__proto__": {"periods": 9}}') as unknown,
    [{ field: '__proto__', reason: /not a parameter/ }],
  ],
  ['not an object', 'off_target', [1, 2], [{ field: 'params', reason: /an object/ }]],
  ['nothing', 'off_target', null, [{ field: 'params', reason: /an object/ }]],
];

describe('checking a change of parameters', () => {
  it.each(checks)('%s', (_, kind, raw, expected) => {
    const result = checkParams(kind, raw);
    if (Array.isArray(expected)) {
      const problems = 'problems' in result ? result.problems : [];
      expect(problems).toEqual(
        expected.map((p) => expect.objectContaining({ field: p.field, reason: expect.stringMatching(p.reason) as unknown })),
      );
      // each problem names the value given
      for (const p of problems) expect(p.value).toEqual(p.field === 'params' ? raw : (raw as Record<string, unknown>)[p.field!]);
    } else {
      expect('params' in result && result.params).toEqual({ ...DEFAULT_PARAMS[kind], ...expected });
    }
  });

  it('applies the change over the current parameters, not the defaults', () => {
    const current = { ...DEFAULT_PARAMS.bottom_quartile, periods: 4, comparator: 'type' as const };
    expect(checkParams('bottom_quartile', { recoveryPeriods: 3 }, current)).toEqual({
      params: { ...current, recoveryPeriods: 3 },
    });
  });
});

let nextId = 1;
function version(bodyId: string, indicatorCode: string, v: number, enabled = true): TriggerRuleVersion {
  return {
    id: nextId++,
    kind: 'bottom_quartile',
    bodyId,
    indicatorCode,
    version: v,
    enabled,
    params: { ...DEFAULT_PARAMS.bottom_quartile, periods: v },
    createdAt: '2026-11-26T00:00:00.000Z',
    createdBy: 'system',
    reason: null,
  };
}

const general = [version('*', '*', 1), version('*', '*', 2)];
const council = [version('trafford', '*', 1)];
const indicatorOnly = [version('*', 'NI192', 1), version('*', 'NI192', 3)];
const both = [version('trafford', 'NI192', 1, false)];

const scopes: [
  string,
  TriggerRuleVersion[],
  string,
  string,
  { bodyId: string; indicatorCode: string; version: number } | undefined,
][] = [
  ['only the general rule: its newest version', general, 'trafford', 'NI192', { bodyId: '*', indicatorCode: '*', version: 2 }],
  [
    'a council’s own rule beats the general',
    [...general, ...council],
    'trafford',
    'NI191',
    { bodyId: 'trafford', indicatorCode: '*', version: 1 },
  ],
  [
    'another council keeps the general rule',
    [...general, ...council],
    'bury',
    'NI192',
    { bodyId: '*', indicatorCode: '*', version: 2 },
  ],
  [
    'an indicator’s rule beats a council’s',
    [...general, ...council, ...indicatorOnly],
    'trafford',
    'NI192',
    { bodyId: '*', indicatorCode: 'NI192', version: 3 },
  ],
  [
    'the council-and-indicator rule beats all, even disabled',
    [...general, ...council, ...indicatorOnly, ...both],
    'trafford',
    'NI192',
    { bodyId: 'trafford', indicatorCode: 'NI192', version: 1 },
  ],
  ['no version of the kind: none in force', [], 'trafford', 'NI192', undefined],
];

describe('the rule version in force', () => {
  it.each(scopes)('%s', (_, versions, bodyId, indicatorCode, expected) => {
    const found = ruleInForce(versions, 'bottom_quartile', bodyId, indicatorCode);
    if (expected === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject(expected);
  });

  it('a disabled version in force says the rule does not run there', () => {
    expect(ruleInForce([...general, ...both], 'bottom_quartile', 'trafford', 'NI192')?.enabled).toBe(false);
  });

  it('reads only the kind asked for', () => {
    expect(ruleInForce(general, 'red_red', 'trafford', 'NI192')).toBeUndefined();
  });
});
