import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../../platform/errors.ts';
import type { Body } from '../../../bodies/index.ts';
import { bodyItems, problemText, refusalErrors, roleItems } from './grant-fields.ts';

const FIELDS = ['email', 'displayName', 'role', 'bodyId', 'areaCode'];

describe('refusalErrors', () => {
  it.each<[string, ValidationError | ConflictError, { text: string; href: string }[]]>([
    [
      'a role held in the wrong place, named by the invitation’s grant',
      new ValidationError('x', [{ field: 'grants[0].bodyId', reason: 'a performance officer is held for a body; choose one' }]),
      [{ text: 'A performance officer is held for a body; choose one', href: '#bodyId' }],
    ],
    [
      'an unknown area',
      new ValidationError('x', [{ field: 'areaCode', value: 'E1', reason: 'is not a known area' }]),
      [{ text: 'Area code is not a known area', href: '#areaCode' }],
    ],
    [
      'an email address already used, in the conflict’s own words',
      new ConflictError('A person with the email address a@b.org is already recorded', [
        { field: 'email', reason: 'is already used by another person' },
      ]),
      [{ text: 'A person with the email address a@b.org is already recorded', href: '#email' }],
    ],
    [
      'the last administrator, on the fallback',
      new ConflictError('Ada is the only administrator; make someone else an administrator first'),
      [{ text: 'Ada is the only administrator; make someone else an administrator first', href: '#confirm' }],
    ],
    [
      'a field the form does not have',
      new ValidationError('x', [{ field: 'personId', reason: 'is not a known person' }]),
      [{ text: 'This is not a known person', href: '#confirm' }],
    ],
  ])('%s', (_name, error, summary) => {
    expect(refusalErrors(error, FIELDS, 'confirm').summary).toEqual(summary);
  });

  it.each([
    ['email', 'enter an email address', 'Enter an email address'],
    ['displayName', 'must be at most 200 characters', 'Name must be at most 200 characters'],
    ['role', 'an assessor is not held for a body', 'An assessor is not held for a body'],
  ])('problemText(%s, %s)', (field, reason, text) => {
    expect(problemText(field, reason)).toBe(text);
  });
});

describe('the choices', () => {
  it('offers every role with where it is held, after the empty choice', () => {
    const items = roleItems('performance_officer', 'No role yet');
    expect(items[0]).toEqual({ value: '', text: 'No role yet', selected: false });
    expect(items.find((i) => i.selected)?.text).toBe('Performance officer (of a council)');
    expect(items.map((i) => i.text)).toContain('Administrator (everywhere)');
    expect(items.map((i) => i.text)).toContain('Partner data officer (of a partner body)');
  });

  it('lists councils first, then other bodies by kind and name', () => {
    const body = (id: string, name: string, kind: Body['kind']) => ({ id, name, kind }) as Body;
    const items = bodyItems(
      [body('p', 'Police', 'partner'), body('t', 'Trafford Council', 'council'), body('l', 'Trafford Partnership', 'lsp')],
      't',
      'None',
    );
    expect(items.map((i) => i.text)).toEqual([
      'None',
      'Trafford Council (council)',
      'Trafford Partnership (Local Strategic Partnership)',
      'Police (partner)',
    ]);
    expect(items.filter((i) => i.selected).map((i) => i.value)).toEqual(['t']);
  });
});
