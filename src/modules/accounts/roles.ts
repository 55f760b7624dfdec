/**
 * The roles a person may hold, and where each may be held: some everywhere (administrator,
 * assessor), some for one body (officers, councillors), a ward councillor perhaps for one ward.
 */
import type { ProblemDetail } from '../../platform/errors.ts';

export const ROLES = [
  'administrator',
  'performance_officer',
  'partner_data_officer',
  'councillor_ward',
  'councillor_executive',
  'councillor_scrutiny',
  'assessor',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Where a role may be held. `body`: 'council', 'not_council' or none; `area`: required, optional or none. */
interface ScopeRule {
  body: 'council' | 'not_council' | 'none';
  area: 'optional' | 'none';
}

export const ROLE_SCOPES: Record<Role, ScopeRule> = {
  administrator: { body: 'none', area: 'none' },
  assessor: { body: 'none', area: 'none' },
  performance_officer: { body: 'council', area: 'none' },
  // a partner body: police, health, fire, housing, voluntary sector, an LSP
  partner_data_officer: { body: 'not_council', area: 'none' },
  councillor_ward: { body: 'council', area: 'optional' },
  councillor_executive: { body: 'council', area: 'none' },
  councillor_scrutiny: { body: 'council', area: 'none' },
  resident: { body: 'none', area: 'optional' },
};

/** Roles that are global: held without a body, they apply everywhere. */
export const GLOBAL_ROLES: readonly Role[] = ROLES.filter(
  (r) => ROLE_SCOPES[r].body === 'none' && ROLE_SCOPES[r].area === 'none',
);

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'administrator',
  performance_officer: 'performance officer',
  partner_data_officer: 'partner data officer',
  councillor_ward: 'ward councillor',
  councillor_executive: 'executive councillor',
  councillor_scrutiny: 'scrutiny councillor',
  assessor: 'assessor',
  resident: 'resident',
};

export interface GrantScope {
  bodyId: string | null;
  /** the kind of the body named by bodyId ('council', 'partner', 'lsp', …), when there is one */
  bodyKind: string | null;
  areaCode: string | null;
}

/** "an administrator", "a performance officer" */
export function roleWithArticle(role: Role): string {
  const label = ROLE_LABELS[role];
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
}

/** Problems with holding `role` in this scope (empty when it fits). */
export function checkGrantScope(role: Role, scope: GrantScope): ProblemDetail[] {
  const rule = ROLE_SCOPES[role];
  const who = roleWithArticle(role);
  const problems: ProblemDetail[] = [];
  const { bodyId, bodyKind, areaCode } = scope;
  if (rule.body === 'none' && bodyId !== null)
    problems.push({ field: 'bodyId', value: bodyId, reason: `${who} is not held for a body` });
  if (rule.body !== 'none' && bodyId === null)
    problems.push({ field: 'bodyId', reason: `${who} is held for a body; choose one` });
  if (rule.body === 'council' && bodyId !== null && bodyKind !== 'council')
    problems.push({ field: 'bodyId', value: bodyId, reason: `${who} is held for a council, not a ${bodyKind ?? 'body'}` });
  if (rule.body === 'not_council' && bodyId !== null && bodyKind === 'council')
    problems.push({
      field: 'bodyId',
      value: bodyId,
      reason: `${who} is held for a partner body; a council's officer is a performance officer`,
    });
  if (rule.area === 'none' && areaCode !== null)
    problems.push({ field: 'areaCode', value: areaCode, reason: `${who} is not held for an area` });
  return problems;
}
