import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { PlanVersion, StatusRule } from './plans.types.ts';
import { ruleInForce } from './status-rules.ts';
import { checkDate, chooseVersion, inForceOn } from './versions.ts';

function version(number: number, state: PlanVersion['state'], inForceFrom: string | null): PlanVersion {
  return {
    id: number,
    planId: 'p',
    number,
    state,
    title: `Version ${number}`,
    vision: null,
    coversFrom: null,
    coversTo: null,
    inForceFrom,
    changeNote: null,
    partnerBodyIds: [],
    disclaimer: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    createdBy: 'test',
    publishedAt: null,
    publishedBy: null,
  };
}

const VERSIONS = [
  version(1, 'published', '2024-04-01'),
  version(2, 'published', '2025-04-01'),
  version(3, 'published', '2025-04-01'),
  version(4, 'draft', null),
];

describe('inForceOn: the published version with the latest date on or before the day', () => {
  it.each([
    ['2024-03-31', null],
    ['2024-04-01', 1],
    ['2025-03-31', 1],
    ['2025-04-01', 3],
    ['2030-01-01', 3],
  ])('on %s: version %s', (date, number) => {
    expect(inForceOn(VERSIONS, date)?.number ?? null).toBe(number);
  });

  it('never gives a draft', () => {
    expect(inForceOn([version(1, 'draft', null)], '2030-01-01')).toBeNull();
  });
});

describe('chooseVersion', () => {
  const choose = (choice: Parameters<typeof chooseVersion>[2], mayReadDrafts = false) =>
    chooseVersion('The plan', VERSIONS, choice, '2025-06-01', mayReadDrafts);

  it.each([
    [{}, false, 3],
    [{ on: '2024-12-31' }, false, 1],
    [{ version: 2 }, false, 2],
    [{ version: 4 }, true, 4],
    [{ draft: true }, true, 4],
  ] as const)('%o (drafts readable: %s) gives version %s', (choice, drafts, number) => {
    expect(choose(choice, drafts).number).toBe(number);
  });

  it.each([
    [{ on: '2024-01-01' }, false, NotFoundError],
    [{ version: 4 }, false, NotFoundError],
    [{ version: 9 }, true, NotFoundError],
    [{ draft: true }, false, ForbiddenError],
    [{ on: '2024-02-30' }, false, ValidationError],
    [{ on: 'yesterday' }, false, ValidationError],
  ] as const)('%o (drafts readable: %s) is refused', (choice, drafts, error) => {
    expect(() => choose(choice, drafts)).toThrow(error);
  });

  it('refuses the draft of a plan that has none', () => {
    expect(() => chooseVersion('The plan', VERSIONS.slice(0, 3), { draft: true }, '2025-06-01', true)).toThrow(
      'The plan has no draft',
    );
  });
});

describe('checkDate', () => {
  it.each(['2024-02-29', '2025-12-31'])('takes %s', (d) => expect(checkDate(d, 'on')).toBe(d));
  it.each(['2025-02-29', '2025-13-01', '25-01-01', '2025-1-1', ''])('refuses %s', (d) =>
    expect(() => checkDate(d, 'on')).toThrow(ValidationError),
  );
});

describe('ruleInForce: the rule version with the latest date on or before the day', () => {
  const rule = (version: number, inForceFrom: string): StatusRule => ({
    id: version,
    planId: 'p',
    targetKey: 'T1',
    version,
    tolerance: version,
    toleranceKind: 'absolute',
    inForceFrom,
    createdAt: '2024-01-01T00:00:00.000Z',
    createdBy: 'test',
    reason: null,
  });
  const rules = [rule(1, '2024-04-01'), rule(2, '2025-01-01'), rule(3, '2025-01-01'), rule(4, '2026-01-01')];
  it.each([
    ['2024-03-31', null],
    ['2024-04-01', 1],
    ['2025-01-01', 3],
    ['2025-12-31', 3],
    ['2026-01-01', 4],
  ])('on %s: version %s', (date, v) => {
    expect(ruleInForce(rules, date)?.version ?? null).toBe(v);
  });
});
