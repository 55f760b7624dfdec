import { describe, expect, it } from 'vitest';
import { type Actor, cliActor, type Role, systemActor } from '../accounts/index.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { type DataPermission, mayDo, requireDataPermission } from './data-permissions.ts';

const COUNCIL = 'trafford-council';
const PARTNER = 'greater-manchester-police';
const OTHER_COUNCIL = 'stockport-council';

const person = (role: Role, bodyId: string | null): Actor => ({
  kind: 'person',
  personId: `p-${role}`,
  displayName: role,
  grants: [{ role, bodyId, areaCode: null }],
  sessionRef: null,
});

const WHO: Record<string, Actor> = {
  administrator: person('administrator', null),
  assessor: person('assessor', null),
  council_officer: person('performance_officer', COUNCIL),
  partner_officer: person('partner_data_officer', PARTNER),
  other_council_officer: person('performance_officer', OTHER_COUNCIL),
  councillor: person('councillor_executive', COUNCIL),
  council_token: { kind: 'api_token', tokenId: 't1', bodyId: COUNCIL, label: 'lv_ab12cd (uploads)' },
  cli: cliActor(),
  system: systemActor(),
};

/**
 * Y allowed, N refused. Columns: share the council's data, share the partner's data, a deadline for
 * the council's own indicator, a deadline for a national indicator, the council's submission rules.
 */
const EXPECTED: Record<keyof typeof WHO, string> = {
  administrator: '        Y Y Y Y Y',
  assessor: '             N N N N N',
  council_officer: '      Y N Y N N',
  partner_officer: '      N Y N N N',
  other_council_officer: 'N N N N N',
  councillor: '           N N N N N',
  council_token: '        N N N N N',
  cli: '                  Y Y Y Y Y',
  system: '               Y Y Y Y Y',
};

const COLUMNS: [DataPermission, object][] = [
  ['share_unpublished', { bodyId: COUNCIL }],
  ['share_unpublished', { bodyId: PARTNER }],
  ['set_collection_deadline', { indicatorOwnerBodyId: COUNCIL }],
  ['set_collection_deadline', { indicatorOwnerBodyId: null }],
  ['set_submission_rules', { bodyId: COUNCIL }],
];

const cases = Object.entries(EXPECTED).flatMap(([who, row]) =>
  row
    .trim()
    .split(/\s+/)
    .map((yn, i) => ({ who, permission: COLUMNS[i]![0], scope: COLUMNS[i]![1], allowed: yn === 'Y' })),
);

describe('the data module’s permission rules', () => {
  it.each(cases)('$who: $permission $scope → $allowed', ({ who, permission, scope, allowed }) => {
    expect(mayDo(WHO[who]!, permission, scope as never)).toBe(allowed);
  });

  it('refuses with a ForbiddenError saying what may not be done', () => {
    expect(() => requireDataPermission(WHO.councillor!, 'share_unpublished', { bodyId: COUNCIL })).toThrow(ForbiddenError);
    expect(() => requireDataPermission(WHO.council_officer!, 'set_collection_deadline', { indicatorOwnerBodyId: null })).toThrow(
      'You may not set collection deadlines for this indicator',
    );
  });
});
