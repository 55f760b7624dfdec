/** "Your account": who you are and the roles you hold, in words. */
import type { HeldRole, OwnAccount } from '../../own-account.service.ts';
import { ROLE_LABELS } from '../../roles.ts';

export interface HeldRoleView {
  /** "Performance officer" */
  role: string;
  /** "Trafford Council", "Altrincham (E05015239)", or "Everywhere" for a role held without a body or area */
  where: string;
}

export interface YourAccountPageView {
  pageTitle: string;
  name: string;
  email: string;
  roles: HeldRoleView[];
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function placeOf(r: HeldRole): string {
  const body = r.bodyId === null ? undefined : (r.bodyName ?? r.bodyId);
  const area = r.areaCode === null ? undefined : r.areaName ? `${r.areaName} (${r.areaCode})` : r.areaCode;
  if (body && area) return `${body}, for ${area}`;
  return body ?? area ?? 'Everywhere';
}

export function yourAccountPageView(account: OwnAccount): YourAccountPageView {
  return {
    pageTitle: 'Your account',
    name: account.person.displayName,
    email: account.person.email,
    roles: account.roles.map((r) => ({ role: capitalised(ROLE_LABELS[r.role]), where: placeOf(r) })),
  };
}
