/** Words the account and administration pages share: times, and where a role is held. */
import { MONTH_NAMES } from '../../periods/index.ts';
import { ROLE_LABELS, type Role } from '../roles.ts';

/** "1 June 2025 at 09:05 UTC" for an ISO instant (the text itself when it is not one). */
export function instantInWords(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  return `${t.getUTCDate()} ${MONTH_NAMES[t.getUTCMonth()]} ${t.getUTCFullYear()} at ${hh}:${mm} UTC`;
}

export const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** "Performance officer" */
export function roleInWords(role: Role): string {
  return capitalised(ROLE_LABELS[role]);
}

/** "Trafford Council", "Trafford Council, for ward E05015239", "Everywhere": where a grant applies. */
export function whereHeld(
  grant: { bodyId: string | null; areaCode: string | null },
  bodyNames: ReadonlyMap<string, string>,
): string {
  const body = grant.bodyId === null ? undefined : (bodyNames.get(grant.bodyId) ?? grant.bodyId);
  const area = grant.areaCode === null ? undefined : `area ${grant.areaCode}`;
  if (body && area) return `${body}, for ${area}`;
  return body ?? (area ? capitalised(area) : 'Everywhere');
}
