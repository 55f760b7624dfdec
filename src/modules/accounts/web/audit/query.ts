/** The audit pages' query string: filters, page and download format, checked with zod. */
import { z } from 'zod';
import type { ProblemDetail } from '../../../../platform/errors.ts';
import { type FormErrors, formErrors, readForm } from '../forms.ts';
import type { AuditPageParams } from './urls.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter one ${label.toLowerCase()}` })
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

const auditPageQuery = z.object({
  body: text('Body', 200),
  indicator: text('Indicator code', 64),
  person: text('Person', 254),
  action: text('Action', 100),
  from: text('From', 40),
  to: text('To', 40),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  format: z.enum(['csv', 'json']).optional().catch(undefined),
});

export type AuditPageQuery = AuditPageParams & { page: number };

export function readAuditPageQuery(query: unknown): { ok: true; value: AuditPageQuery } | { ok: false; errors: FormErrors } {
  return readForm(auditPageQuery, query);
}

const FILTER_LABELS: Record<string, string> = { from: 'From', to: 'To', action: 'Action', person: 'Person' };

/** The audit module's refusal of a filter (a date that is not one, an action with wildcards) on the filter's field. */
export function filterErrors(details: readonly ProblemDetail[]): FormErrors {
  return formErrors(
    details.map((d) => {
      const field = d.field && FILTER_LABELS[d.field] ? d.field : 'from';
      return { field, text: `${FILTER_LABELS[field]} ${d.reason}` };
    }),
  );
}
