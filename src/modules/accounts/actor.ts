/**
 * Who is acting: a person through a session, a body through an API token, the command line, or the
 * system itself. Services take an Actor and check it with `can`; the audit log records it.
 */
import type { AuditActor } from '../audit/index.ts';
import type { Role } from './roles.ts';

/** A role a person holds now (revoked grants are never part of an actor). */
export interface ActorGrant {
  role: Role;
  bodyId: string | null;
  areaCode: string | null;
}

export interface PersonActor {
  kind: 'person';
  personId: string;
  displayName: string;
  grants: readonly ActorGrant[];
  /** the first characters of the session id's hash, to tie audit events to a session; never the id */
  sessionRef: string | null;
}

export interface ApiTokenActor {
  kind: 'api_token';
  tokenId: string;
  /** the one body the token may act for */
  bodyId: string;
  /** the visible prefix and name: "lv_ab12cd (Trafford uploads)" */
  label: string;
}

/** Someone at the server's command line: they already hold the database, so nothing is refused to them. */
export interface CliActor {
  kind: 'cli';
  label: string;
}

/** Work the system does by itself (scheduled jobs, a person's own sign-in bookkeeping). */
export interface SystemActor {
  kind: 'system';
  label: string;
}

export type Actor = PersonActor | ApiTokenActor | CliActor | SystemActor;

export function cliActor(label = 'command line'): CliActor {
  return { kind: 'cli', label };
}

export function systemActor(label = 'system'): SystemActor {
  return { kind: 'system', label };
}

/** How the audit log records an actor. */
export function auditActorOf(actor: Actor): AuditActor {
  switch (actor.kind) {
    case 'person':
      return { personId: actor.personId, label: actor.displayName, via: { kind: 'session', id: actor.sessionRef } };
    case 'api_token':
      return { personId: null, label: `API token ${actor.label}`, via: { kind: 'token', id: actor.tokenId } };
    case 'cli':
      return { personId: null, label: actor.label, via: { kind: 'cli', id: null } };
    case 'system':
      return { personId: null, label: actor.label, via: { kind: 'system', id: null } };
  }
}

/** The person acting, when it is one. */
export function personIdOf(actor: Actor): string | null {
  return actor.kind === 'person' ? actor.personId : null;
}
