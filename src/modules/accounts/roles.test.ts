import { describe, expect, it } from 'vitest';
import { checkGrantScope, GLOBAL_ROLES, type GrantScope, type Role, roleWithArticle } from './roles.ts';

const none: GrantScope = { bodyId: null, bodyKind: null, areaCode: null };
const council: GrantScope = { bodyId: 'trafford-council', bodyKind: 'council', areaCode: null };
const partner: GrantScope = { bodyId: 'greater-manchester-police', bodyKind: 'partner', areaCode: null };
const lsp: GrantScope = { bodyId: 'trafford-partnership', bodyKind: 'lsp', areaCode: null };
const ward: GrantScope = { ...council, areaCode: 'E05015239' };
const area: GrantScope = { ...none, areaCode: 'E05015239' };

describe('checkGrantScope', () => {
  it.each<[Role, GrantScope, string[]]>([
    ['administrator', none, []],
    ['administrator', council, ['bodyId']],
    ['administrator', area, ['areaCode']],
    ['assessor', none, []],
    ['assessor', partner, ['bodyId']],
    ['performance_officer', council, []],
    ['performance_officer', none, ['bodyId']],
    ['performance_officer', partner, ['bodyId']],
    ['performance_officer', ward, ['areaCode']],
    ['partner_data_officer', partner, []],
    ['partner_data_officer', lsp, []],
    ['partner_data_officer', council, ['bodyId']],
    ['partner_data_officer', none, ['bodyId']],
    ['councillor_ward', council, []],
    ['councillor_ward', ward, []],
    ['councillor_ward', partner, ['bodyId']],
    ['councillor_executive', council, []],
    ['councillor_executive', ward, ['areaCode']],
    ['councillor_scrutiny', council, []],
    ['councillor_scrutiny', none, ['bodyId']],
    ['resident', none, []],
    ['resident', area, []],
    ['resident', council, ['bodyId']],
  ])('%s held for %j', (role, scope, fields) => {
    expect(checkGrantScope(role, scope).map((p) => p.field)).toEqual(fields);
  });

  it('says why in plain words', () => {
    expect(checkGrantScope('performance_officer', partner)[0]?.reason).toBe(
      'a performance officer is held for a council, not a partner',
    );
    expect(roleWithArticle('assessor')).toBe('an assessor');
  });

  it('knows the global roles', () => {
    expect(GLOBAL_ROLES).toEqual(['administrator', 'assessor']);
  });
});
