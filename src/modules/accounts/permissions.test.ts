import { describe, expect, it } from 'vitest';
import type { Actor, PersonActor } from './actor.ts';
import { cliActor, systemActor } from './actor.ts';
import { can, type Permission, PERMISSIONS, type PermissionScopes, requirePermission } from './permissions.ts';
import { type Role, ROLES, ROLE_SCOPES } from './roles.ts';
import { ForbiddenError } from '../../platform/errors.ts';

const COUNCIL = 'trafford-council';
const PARTNER = 'greater-manchester-police';
const OTHER = { council: 'stockport-council', partner: 'greater-manchester-fire' } as const;

function person(role: Role, bodyId: string | null, personId = `p-${role}`): PersonActor {
  return { kind: 'person', personId, displayName: role, grants: [{ role, bodyId, areaCode: null }], sessionRef: null };
}

/** Each role held where it may be held (the partner data officer for the police), an API token, the CLI, the system. */
const WHO: Record<Role | 'api_token' | 'cli' | 'system', Actor> = {
  ...(Object.fromEntries(
    ROLES.map((r) => [r, person(r, ROLE_SCOPES[r].body === 'none' ? null : r === 'partner_data_officer' ? PARTNER : COUNCIL)]),
  ) as Record<Role, Actor>),
  api_token: { kind: 'api_token', tokenId: 't1', bodyId: COUNCIL, label: 'lv_ab12cd (uploads)' },
  cli: cliActor(),
  system: systemActor(),
};

const homeOf = (a: Actor) =>
  a.kind === 'api_token' ? a.bodyId : a.kind === 'person' ? (a.grants[0]?.bodyId ?? COUNCIL) : COUNCIL;
const kindOf = (bodyId: string) => (bodyId === PARTNER || bodyId === OTHER.partner ? 'partner' : 'council');

/** The scope for a body, with the submission made by someone else, no self-approval and nothing shared. */
function scopeFor(permission: Permission, bodyId: string): PermissionScopes[Permission] {
  return {
    bodyId,
    bodyKind: kindOf(bodyId),
    submittedBy: 'p-someone-else',
    selfApprovalAllowed: false,
    sharedWith: [],
    accountableBodyIds: [],
    actionOwnerBodyId: bodyId,
    indicatorOwnerBodyId: bodyId,
    rung: 1,
    toRung: 1,
    memberBodyIds: [bodyId],
  } as never;
}

/**
 * Y = allowed, N = refused; for each permission the right body (the one the role is held for) then a
 * wrong body of the same kind. Columns: manage_people, issue_api_tokens, submit_observations,
 * approve_submission, read_unpublished, define_local_indicator, maintain_national_indicator, read_audit,
 * share_unpublished, set_collection_deadline (for the body's own indicator), set_submission_rules,
 * edit_plan, report_action_progress (an action of the plan's owner), read_draft_plan, act_on_case (a
 * case on rung 1), configure_improvement, file_self_assessment, respond_self_assessment,
 * manage_partnership and record_peer_review (a partnership the body is a member of).
 */
const EXPECTED: Record<keyof typeof WHO, string> = {
  administrator: '       YY YY NN NN NN NN YY YY YY YY YY YY YY YY YY YY YY NN YY YY',
  performance_officer: ' NN YN YN YN YN YN NN YN YN YN NN YN YN YN YN NN YN NN YN YN',
  partner_data_officer: 'NN NN YN YN YN NN NN YN YN YN NN YN YN YN NN NN NN NN NN NN',
  councillor_ward: '     NN NN NN NN YN NN NN YN NN NN NN NN NN YN NN NN NN NN NN NN',
  councillor_executive: 'NN NN NN NN YN NN NN YN NN NN NN NN NN YN YN NN NN NN YN YN',
  councillor_scrutiny: ' NN NN NN NN YN NN NN YN NN NN NN NN NN YN NN NN NN NN NN NN',
  assessor: '            NN NN NN NN YY NN NN YY NN NN NN NN NN YY YY YY NN YY NN NN',
  resident: '            NN NN NN NN NN NN NN NN NN NN NN NN NN NN NN NN NN NN NN NN',
  api_token: '           NN NN YN NN YN NN NN YN YN YN NN YN YN YN NN NN NN NN NN NN',
  cli: '                 YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY',
  system: '              YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY YY',
};

const cases = Object.entries(EXPECTED).flatMap(([who, row]) => {
  const pairs = row.trim().split(/\s+/);
  return PERMISSIONS.flatMap((permission, i) => {
    const actor = WHO[who as keyof typeof WHO];
    const right = homeOf(actor);
    const wrong = kindOf(right) === 'partner' ? OTHER.partner : OTHER.council;
    return [
      [who, permission, 'right body', right, pairs[i]![0] === 'Y'] as const,
      [who, permission, 'wrong body', wrong, pairs[i]![1] === 'Y'] as const,
    ];
  });
});

describe('can: every role × permission × right body / wrong body', () => {
  it('has a row for every role', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES, 'api_token', 'cli', 'system'].sort());
    expect(cases).toHaveLength(Object.keys(EXPECTED).length * PERMISSIONS.length * 2);
  });

  it.each(cases)('%s may %s on the %s (%s): %s', (who, permission, _which, bodyId, allowed) => {
    expect(can(WHO[who as keyof typeof WHO], permission, scopeFor(permission, bodyId) as never)).toBe(allowed);
  });
});

describe('can: the decisions that depend on more than the body', () => {
  const officer = person('performance_officer', COUNCIL, 'p-sam');
  const approval = (submittedBy: string | null, selfApprovalAllowed: boolean) => ({
    bodyId: COUNCIL,
    submittedBy,
    selfApprovalAllowed,
  });

  it.each<[string, ReturnType<typeof approval>, boolean]>([
    ['another person’s submission', approval('p-asha', false), true],
    ['their own submission', approval('p-sam', false), false],
    ['their own, where the body allows self-approval', approval('p-sam', true), true],
    ['a submission made by an API token', approval(null, false), true],
  ])('an officer approving %s', (_name, scope, allowed) => {
    expect(can(officer, 'approve_submission', scope)).toBe(allowed);
  });

  const police = person('partner_data_officer', PARTNER);
  const councillor = person('councillor_scrutiny', OTHER.council);
  const policeToken: Actor = { kind: 'api_token', tokenId: 't2', bodyId: PARTNER, label: 'lv_000000 (police)' };
  it.each<[string, Actor, readonly string[], boolean]>([
    ['a partner with whom the council shared', police, [PARTNER], true],
    ['a partner with whom it did not', police, [OTHER.partner], false],
    ['a councillor of another council it shared with', councillor, [PARTNER, OTHER.council], true],
    ['the API token of a partner it shared with', policeToken, [PARTNER], true],
    ['a resident, whatever is shared', person('resident', null), [PARTNER], false],
  ])('unpublished council figures read by %s', (_name, actor, sharedWith, allowed) => {
    expect(can(actor, 'read_unpublished', { bodyId: COUNCIL, sharedWith })).toBe(allowed);
  });

  it('joins the grants of a person holding several roles', () => {
    const both: PersonActor = { ...officer, grants: [...officer.grants, { role: 'assessor', bodyId: null, areaCode: null }] };
    expect(can(both, 'read_unpublished', { bodyId: OTHER.council, sharedWith: [] })).toBe(true);
    expect(can(both, 'submit_observations', { bodyId: OTHER.council })).toBe(false);
  });

  it('keeps local indicators to councils', () => {
    const oddGrant = person('performance_officer', PARTNER);
    expect(can(oddGrant, 'define_local_indicator', { bodyId: PARTNER, bodyKind: 'partner' })).toBe(false);
  });

  it.each<[keyof typeof WHO, boolean]>([
    ['administrator', true],
    ['assessor', true],
    ['performance_officer', false],
    ['partner_data_officer', false],
    ['councillor_scrutiny', false],
    ['resident', false],
    ['api_token', false],
    ['cli', true],
    ['system', true],
  ])('the whole audit log (events of every body and of none) read by %s: %s', (who, allowed) => {
    expect(can(WHO[who], 'read_audit', { bodyId: null })).toBe(allowed);
  });

  it('lets a person holding roles for two bodies read the audit events of both, and no third', () => {
    const both: PersonActor = {
      ...officer,
      grants: [...officer.grants, { role: 'councillor_scrutiny', bodyId: OTHER.council, areaCode: null }],
    };
    expect(can(both, 'read_audit', { bodyId: COUNCIL })).toBe(true);
    expect(can(both, 'read_audit', { bodyId: OTHER.council })).toBe(true);
    expect(can(both, 'read_audit', { bodyId: PARTNER })).toBe(false);
  });

  it.each<[keyof typeof WHO, boolean]>([
    ['administrator', true],
    ['performance_officer', false],
    ['partner_data_officer', false],
    ['assessor', false],
    ['api_token', false],
    ['cli', true],
    ['system', true],
  ])('a national indicator’s collection deadline set by %s: %s', (who, allowed) => {
    expect(can(WHO[who], 'set_collection_deadline', { indicatorOwnerBodyId: null })).toBe(allowed);
  });

  it('refuses with a ForbiddenError saying what may not be done', () => {
    expect(() => requirePermission(officer, 'manage_people')).toThrow(ForbiddenError);
    expect(() => requirePermission(officer, 'manage_people')).toThrow('You may not manage people and their roles');
    expect(() => requirePermission(officer, 'issue_api_tokens', { bodyId: COUNCIL })).not.toThrow();
    expect(() => requirePermission(officer, 'set_collection_deadline', { indicatorOwnerBodyId: null })).toThrow(
      'You may not set collection deadlines for this indicator',
    );
    expect(() => requirePermission(officer, 'set_submission_rules', { bodyId: COUNCIL })).toThrow(
      'You may not change this body’s rules for submissions',
    );
  });
});

describe('can: cases on the ladder of response and partnerships', () => {
  const scope = (rung: number, toRung: number) => ({ bodyId: COUNCIL, rung, toRung });

  it('lets the council act on its cases on rungs 1 and 2, but not move one to rung 3 nor act on rung 3', () => {
    for (const role of ['performance_officer', 'councillor_executive'] as const) {
      expect(can(WHO[role], 'act_on_case', scope(1, 2))).toBe(true);
      expect(can(WHO[role], 'act_on_case', scope(2, 1))).toBe(true);
      expect(can(WHO[role], 'act_on_case', scope(2, 3))).toBe(false);
      expect(can(WHO[role], 'act_on_case', scope(3, 3))).toBe(false);
      expect(can(WHO[role], 'act_on_case', scope(3, 2))).toBe(false);
    }
    expect(can(WHO.assessor, 'act_on_case', scope(2, 3))).toBe(true);
    expect(can(WHO.assessor, 'act_on_case', scope(3, 2))).toBe(true);
  });

  it('lets a member council manage its partnership and record its peer reviews, and no one of another council', () => {
    expect(can(WHO.performance_officer, 'record_peer_review', { memberBodyIds: [OTHER.council, COUNCIL] })).toBe(true);
    expect(can(WHO.performance_officer, 'manage_partnership', { memberBodyIds: [OTHER.council] })).toBe(false);
    expect(can(WHO.councillor_scrutiny, 'record_peer_review', { memberBodyIds: [COUNCIL] })).toBe(false);
  });
});

describe('can: plans, their accountable bodies and actions owned by another body', () => {
  const LSP = 'trafford-partnership';
  const plan = { bodyId: LSP, accountableBodyIds: [COUNCIL] };
  const officer = person('performance_officer', COUNCIL);
  const policeOfficer = person('partner_data_officer', PARTNER);
  const councillor = person('councillor_scrutiny', COUNCIL);
  const lspToken: Actor = { kind: 'api_token', tokenId: 't2', bodyId: LSP, label: 'lv_cd34ef (plans)' };
  const policeToken: Actor = { kind: 'api_token', tokenId: 't3', bodyId: PARTNER, label: 'lv_ef56ab (police)' };

  it('lets the officers of the accountable body edit the plan, and no one else of another body', () => {
    expect(can(officer, 'edit_plan', plan)).toBe(true);
    expect(can(officer, 'edit_plan', { bodyId: LSP, accountableBodyIds: [] })).toBe(false);
    expect(can(policeOfficer, 'edit_plan', plan)).toBe(false);
    expect(can(councillor, 'edit_plan', plan)).toBe(false);
    expect(can(lspToken, 'edit_plan', plan)).toBe(true);
    expect(can(WHO.api_token, 'edit_plan', plan)).toBe(false);
  });

  it('lets the body that owns an action report its progress, without editing the plan', () => {
    const action = { ...plan, actionOwnerBodyId: PARTNER };
    expect(can(policeOfficer, 'report_action_progress', action)).toBe(true);
    expect(can(policeToken, 'report_action_progress', action)).toBe(true);
    expect(can(officer, 'report_action_progress', action)).toBe(true);
    expect(can(person('partner_data_officer', OTHER.partner), 'report_action_progress', action)).toBe(false);
    expect(can(councillor, 'report_action_progress', action)).toBe(false);
  });

  it('shows drafts to anyone holding a role for the owner or the accountable body, and to assessors', () => {
    expect(can(councillor, 'read_draft_plan', plan)).toBe(true);
    expect(can(WHO.assessor, 'read_draft_plan', plan)).toBe(true);
    expect(can(policeOfficer, 'read_draft_plan', plan)).toBe(false);
    expect(can(WHO.resident, 'read_draft_plan', plan)).toBe(false);
    expect(() => requirePermission(policeOfficer, 'edit_plan', plan)).toThrow('You may not change this plan');
  });
});
