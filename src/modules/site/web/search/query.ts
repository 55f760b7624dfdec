/** The search page's query string, checked with zod: `q` (at most 100 characters) and `page`. */
import { z } from 'zod';

export const MAX_QUERY_LENGTH = 100;
export const SEARCH_LABEL = 'Search for a place, ward, council or GSS code';

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const searchQuerySchema = z.object({
  q: z.preprocess(
    firstOf,
    z.string().trim().max(MAX_QUERY_LENGTH, `${SEARCH_LABEL} must be ${MAX_QUERY_LENGTH} characters or fewer`).default(''),
  ),
  page: z.preprocess(firstOf, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
});

export interface FieldError {
  field: 'q';
  message: string;
}

export type SearchQuery = { ok: true; q: string; page: number } | { ok: false; q: string; errors: FieldError[] };

/** A GSS code typed in lower case is still a GSS code. */
function normalise(q: string): string {
  return /^[a-z]\d{8}$/i.test(q) ? q.toUpperCase() : q;
}

export function parseSearchQuery(raw: unknown): SearchQuery {
  const parsed = searchQuerySchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, q: normalise(parsed.data.q), page: parsed.data.page };
  const typed = firstOf((raw as { q?: unknown } | null)?.q);
  return {
    ok: false,
    q: typeof typed === 'string' ? typed : '',
    errors: parsed.error.issues.map((issue) => ({ field: 'q', message: issue.message })),
  };
}
