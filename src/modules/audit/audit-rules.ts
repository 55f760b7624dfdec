/** Pure rules of the audit log: what a well-formed event is, secrets kept out, and date windows. */
import type { ProblemDetail } from '../../platform/errors.ts';
import { type AuditEventInput, type Page, VIA_KINDS } from './audit.types.ts';

const ACTION = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
const ACTION_FILTER = /^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const MAX_SUMMARY_LENGTH = 1000;
export const MAX_PAGE_SIZE = 1000;

/** Keys whose values never belong in the log, whatever a caller passes. */
const SECRET_KEY = /password|secret|hash/i;
const REDACTED = '[redacted]';

export function checkAuditEvent(e: AuditEventInput): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const need = (ok: boolean, field: string, value: unknown, reason: string) => {
    if (!ok) problems.push({ field, value, reason });
  };
  need(ACTION.test(e.action), 'action', e.action, 'must be lower-case words joined by dots, e.g. role.grant');
  need(e.subject.kind.trim() !== '', 'subject.kind', e.subject.kind, 'must not be empty');
  need(e.subject.id.trim() !== '', 'subject.id', e.subject.id, 'must not be empty');
  need(e.actor.label.trim() !== '', 'actor.label', e.actor.label, 'must not be empty');
  need(
    (VIA_KINDS as readonly string[]).includes(e.actor.via.kind),
    'actor.via.kind',
    e.actor.via.kind,
    `must be one of ${VIA_KINDS.join(', ')}`,
  );
  const summary = e.summary.trim();
  need(summary !== '', 'summary', e.summary, 'must not be empty');
  need(summary.length <= MAX_SUMMARY_LENGTH, 'summary', e.summary.length, `must be at most ${MAX_SUMMARY_LENGTH} characters`);
  return problems;
}

/**
 * A deep copy with the value of every key that names a secret (password, hash, secret) replaced;
 * a yes/no or a null (`hasPassword: true`) tells nothing and is kept.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const hide = (k: string, v: unknown) => SECRET_KEY.test(k) && v !== null && typeof v !== 'boolean';
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, hide(k, v) ? REDACTED : redactSecrets(v)]),
  );
}

/** The JSON text stored for a before/after state; undefined and null store nothing. */
export function jsonText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(redactSecrets(value));
}

export function parseJsonText(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

/** A date or instant filter as instants: `from` inclusive, `until` exclusive; a date `to` includes its whole day. */
export function auditWindow(q: { from?: string; to?: string }): {
  window: { from?: string; until?: string };
  problems: ProblemDetail[];
} {
  const problems: ProblemDetail[] = [];
  const from = q.from === undefined ? undefined : instantOf(q.from, 'from', 0, problems);
  const until = q.to === undefined ? undefined : instantOf(q.to, 'to', 1, problems);
  if (from !== undefined && until !== undefined && from >= until)
    problems.push({ field: 'to', value: q.to, reason: 'must not be before from' });
  return { window: { ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}) }, problems };
}

/** `after` = 1 moves past the given day (a date) or millisecond (an instant), for an exclusive bound. */
function instantOf(text: string, field: string, after: 0 | 1, problems: ProblemDetail[]): string | undefined {
  const isDate = DATE.test(text);
  const t = isDate ? Date.parse(`${text}T00:00:00.000Z`) : INSTANT.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(t) || (isDate && new Date(t).toISOString().slice(0, 10) !== text)) {
    problems.push({ field, value: text, reason: 'must be a date (YYYY-MM-DD) or an ISO instant (2025-06-01T09:00:00Z)' });
    return undefined;
  }
  return new Date(t + after * (isDate ? 86_400_000 : 1)).toISOString();
}

export function checkActionFilter(action: string | undefined): ProblemDetail[] {
  if (action === undefined || ACTION_FILTER.test(action)) return [];
  return [{ field: 'action', value: action, reason: 'must be an action such as role.grant, or its first word such as role' }];
}

export function checkPage(page: Page): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_SIZE)
    problems.push({ field: 'limit', value: page.limit, reason: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` });
  if (!Number.isInteger(page.offset) || page.offset < 0)
    problems.push({ field: 'offset', value: page.offset, reason: 'must be a whole number, 0 or more' });
  return problems;
}
