/** What accounts hands out: people, their role grants, API tokens (never a hash), and its dependencies. */
import type { Clock } from '../../platform/clock.ts';
import type { MailSender } from './mail.ts';
import type { TokenLinks } from './messages.ts';
import type { Role } from './roles.ts';

export interface Person {
  id: string;
  email: string;
  displayName: string;
  createdAt: string;
  disabledAt: string | null;
  /** false until the person accepts their invitation and chooses a password */
  hasPassword: boolean;
  lockedUntil: string | null;
}

export interface RoleGrant {
  id: string;
  personId: string;
  role: Role;
  bodyId: string | null;
  areaCode: string | null;
  grantedBy: string | null;
  grantedAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** What is asked for when granting a role: body and area as the role requires (see ROLE_SCOPES). */
export interface GrantRequest {
  role: string;
  bodyId?: string | null;
  areaCode?: string | null;
}

export interface ApiTokenSummary {
  id: string;
  bodyId: string;
  name: string;
  /** shown so people can tell tokens apart: lv_ab12cd */
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A new session: `sessionId` goes to the browser once (in a cookie) and is never stored. */
export interface SignedIn {
  sessionId: string;
  personId: string;
  expiresAt: string;
}

/** Where a sign-in came from, kept with the session; `previousSessionId` is revoked (session rotation). */
export interface SignInMeta {
  ipAddress?: string | null;
  userAgent?: string | null;
  previousSessionId?: string | null;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface ClockDeps {
  clock: Clock;
}

/** For the services that send a one-time link by mail. */
export interface MailDeps extends ClockDeps {
  mail: MailSender;
  links: TokenLinks;
}
