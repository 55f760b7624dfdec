import { describe, expect, it } from 'vitest';
import type { Actor, ActorGrant } from '../../actor.ts';
import type { HeldRole } from '../../own-account.service.ts';
import type { Role } from '../../roles.ts';
import { adminLinksFor } from './admin-links.ts';

const NAMES: Record<string, string> = {
  'trafford-council': 'Trafford Council',
  'greater-manchester-police': 'Greater Manchester Police',
};

function holding(...grants: [Role, string | null][]): { actor: Actor; roles: HeldRole[] } {
  const actorGrants: ActorGrant[] = grants.map(([role, bodyId]) => ({ role, bodyId, areaCode: null }));
  return {
    actor: { kind: 'person', personId: 'p1', displayName: 'P', grants: actorGrants, sessionRef: null },
    roles: actorGrants.map((g) => ({
      ...g,
      bodyName: g.bodyId === null ? null : (NAMES[g.bodyId] ?? null),
      areaName: null,
      grantedAt: '2025-06-01T09:00:00.000Z',
    })),
  };
}

describe('adminLinksFor: the administration and audit pages each role opens', () => {
  it.each<[string, [Role, string | null][], [string, string][]]>([
    [
      'an administrator',
      [['administrator', null]],
      [
        ['People and their roles', '/admin/people'],
        ['API tokens of a body', '/admin/tokens'],
        ['Audit log', '/audit'],
      ],
    ],
    ['an assessor', [['assessor', null]], [['Audit log', '/audit']]],
    [
      'a performance officer',
      [['performance_officer', 'trafford-council']],
      [
        ['API tokens of Trafford Council', '/bodies/trafford-council/tokens'],
        ['Audit log of Trafford Council', '/bodies/trafford-council/audit'],
      ],
    ],
    [
      'a partner data officer',
      [['partner_data_officer', 'greater-manchester-police']],
      [['Audit log of Greater Manchester Police', '/bodies/greater-manchester-police/audit']],
    ],
    [
      'a scrutiny councillor',
      [['councillor_scrutiny', 'trafford-council']],
      [['Audit log of Trafford Council', '/bodies/trafford-council/audit']],
    ],
    ['a resident', [['resident', null]], []],
    ['nobody with a role', [], []],
  ])('%s', (_who, grants, links) => {
    const { actor, roles } = holding(...grants);
    expect(adminLinksFor(actor, roles).map((l) => [l.text, l.href])).toEqual(links);
  });
});
