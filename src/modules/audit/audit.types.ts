/** The audit vocabulary: who acted, through what, on what, and what changed. */

/** How the actor reached the system: a browser session, an API token, the command line, or the system itself. */
export const VIA_KINDS = ['session', 'token', 'cli', 'system'] as const;
export type ViaKind = (typeof VIA_KINDS)[number];

/** Who acted, as the audit log records it (accounts turns its Actor into this). */
export interface AuditActor {
  personId: string | null;
  /** a readable name: the person's display name, "API token lv_ab12cd (Trafford uploads)", "command line" */
  label: string;
  /** `id`: a session id's hash prefix or an API token's id — never a secret */
  via: { kind: ViaKind; id: string | null };
}

/** What a service hands to `recordAudit`, inside the transaction of the write it describes. */
export interface AuditEventInput {
  actor: AuditActor;
  /** lower-case words joined by dots, thing first: 'role.grant', 'api_token.issue', 'submission.approve' */
  action: string;
  subject: { kind: string; id: string };
  bodyId?: string | null;
  indicatorCode?: string | null;
  areaCode?: string | null;
  /** the state before and after, as plain JSON values (secrets are removed before storing) */
  before?: unknown;
  after?: unknown;
  /** one sentence for a person reading the log */
  summary: string;
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorPersonId: string | null;
  actorLabel: string;
  viaKind: ViaKind;
  viaId: string | null;
  action: string;
  subjectKind: string;
  subjectId: string;
  bodyId: string | null;
  indicatorCode: string | null;
  areaCode: string | null;
  before: unknown;
  after: unknown;
  summary: string;
}

/** Which events: any combination; all given must hold. */
export interface AuditQuery {
  bodyId?: string;
  indicatorCode?: string;
  /** events this person did */
  actorPersonId?: string;
  subject?: { kind: string; id: string };
  /** an action ('role.grant') or the start of one ('role' gives role.grant and role.revoke) */
  action?: string;
  /** a date (YYYY-MM-DD) or an ISO instant; dates include the whole day */
  from?: string;
  to?: string;
}

export interface Page {
  limit: number;
  offset: number;
}

/** One row of an export, columns named as in the table, ready for CSV or JSON. */
export interface AuditExportRow {
  id: number;
  occurred_at: string;
  actor_person_id: string | null;
  actor_label: string;
  via_kind: string;
  via_id: string | null;
  action: string;
  subject_kind: string;
  subject_id: string;
  body_id: string | null;
  indicator_code: string | null;
  area_code: string | null;
  before_json: string | null;
  after_json: string | null;
  summary: string;
}

export const AUDIT_EXPORT_COLUMNS = [
  'id',
  'occurred_at',
  'actor_person_id',
  'actor_label',
  'via_kind',
  'via_id',
  'action',
  'subject_kind',
  'subject_id',
  'body_id',
  'indicator_code',
  'area_code',
  'before_json',
  'after_json',
  'summary',
] as const satisfies readonly (keyof AuditExportRow)[];
