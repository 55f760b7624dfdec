/** The path and query parameters of the improvement API; a bad value is refused naming the parameter and the value. */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, formatQuery, MAX_CSV_ROWS, MAX_PAGE_SIZE, type Page } from '../../../platform/http/pagination.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { SELF_ASSESSMENT_STATES } from '../improvement.types.ts';

/** "must be …, not "what was sent"" — the reason a refused value gets. */
const refusing =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    `must be ${what}, not ${JSON.stringify(issue.input ?? '')}`;

const identifier = (what: string, example: string) =>
  z
    .string({ error: refusing(what) })
    .min(1, { error: refusing(what) })
    .max(200, { error: refusing(`${what} (at most 200 characters)`) })
    .describe(`${what}, e.g. ${example}`);

/** A whole number written in digits, read as the number; anything else is refused as it was sent. */
const wholeNumber = (what: string, min: number, max: number) =>
  z
    .string({ error: refusing(what) })
    .regex(/^\d{1,16}$/, { error: refusing(`${what} (a whole number from ${min} to ${max})`) })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: refusing(`${what} from ${min} to ${max}`) })
        .max(max, { error: refusing(`${what} from ${min} to ${max}`) }),
    );

export const PUBLIC_DESCRIPTION =
  'Public, read-only. People are named as the audit log names them (an officer’s name, or “system: …” for what the platform did itself); ' +
  'no resident’s personal data is shown.';

export const caseParams = z.object({ id: wholeNumber('a case number', 1, 2_147_483_647).describe('the case’s number') });
export const numberedParams = z.object({ id: wholeNumber('a number', 1, 2_147_483_647).describe('its number') });
export const bodyParams = z.object({ bodyId: identifier('a council’s id', 'trafford-council') });
export const partnershipParams = z.object({ id: identifier('a partnership’s id', 'greater-manchester-improvement') });

/** limit and offset as every list in the API, or page and pageSize. */
export const pagingQuery = z.object({
  limit: wholeNumber('a number of rows', 1, MAX_CSV_ROWS)
    .optional()
    .describe(`rows per page (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}; CSV: all rows up to ${MAX_CSV_ROWS})`),
  offset: wholeNumber('a number of rows', 0, Number.MAX_SAFE_INTEGER).optional().describe('rows to skip (default 0)'),
  page: wholeNumber('a page number', 1, 100_000)
    .optional()
    .describe('1-based page number: the same as offset = (page − 1) × limit'),
  pageSize: wholeNumber('a page size', 1, MAX_PAGE_SIZE).optional().describe('the same as limit'),
  format: formatQuery,
});
export type PagingQuery = z.infer<typeof pagingQuery>;

/** The rows asked for; page and offset together, or pageSize and limit that differ, are refused. */
export function pageAsked(q: PagingQuery): Page {
  if (q.page !== undefined && q.offset !== undefined)
    throw new ValidationError('Give either page or offset, not both', [
      { field: 'page', value: q.page, reason: 'cannot be given with offset' },
    ]);
  if (q.pageSize !== undefined && q.limit !== undefined && q.pageSize !== q.limit)
    throw new ValidationError('Give either pageSize or limit, not both', [
      { field: 'pageSize', value: q.pageSize, reason: `differs from limit (${q.limit})` },
    ]);
  const size = q.pageSize ?? q.limit;
  const limit = q.format === 'csv' ? (size ?? MAX_CSV_ROWS) : Math.min(size ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const offset = q.page !== undefined ? (q.page - 1) * limit : (q.offset ?? 0);
  return { limit, offset };
}

export const caseListQuery = pagingQuery.extend({
  status: z
    .enum(['open', 'closed'], { error: refusing('open or closed') })
    .optional()
    .describe('open (open, acknowledged or with an action plan) or closed (recovered or closed with reasons)'),
  body: identifier('a council’s id', 'trafford-council').optional(),
  area: z
    .string()
    .regex(/^[A-Za-z0-9]{1,32}$/, { error: refusing('an area’s GSS code') })
    .optional()
    .describe('the GSS code of the case’s area, e.g. E08000009'),
  indicator: identifier('an indicator’s code', 'NI192').optional(),
  rung: z
    .enum(['1', '2', '3'], { error: refusing('1, 2 or 3') })
    .transform((r) => Number(r) as 1 | 2 | 3)
    .optional()
    .describe('the rung of the ladder of response: 1 internal, 2 sector and partnership support, 3 central government'),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,59}$/, { error: refusing('a trigger kind such as bottom_quartile') })
    .optional()
    .describe(
      'a kind of trigger that fired into the case: off_target, red_red, bottom_quartile, series_break, data_late, satisfaction_fall, or another source’s kind',
    ),
});

export const selfAssessmentQuery = pagingQuery.extend({
  body: identifier('a council’s id', 'trafford-council').optional(),
  state: z
    .enum(SELF_ASSESSMENT_STATES, { error: refusing(SELF_ASSESSMENT_STATES.join(', ')) })
    .optional()
    .describe('filed (awaiting an assessor), agreed or challenged'),
});
