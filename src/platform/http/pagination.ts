import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
/** A CSV download carries the whole filtered list, up to this many rows. */
export const MAX_CSV_ROWS = 100_000;

export const formatQuery = z.enum(['json', 'csv']).default('json').describe('json (default) or csv');

export const pageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_CSV_ROWS)
    .optional()
    .describe(`rows per page (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}; CSV: all rows up to ${MAX_CSV_ROWS})`),
  offset: z.coerce.number().int().min(0).default(0),
  format: formatQuery,
});

export interface Page {
  limit: number;
  offset: number;
}

export function pageOf(q: { limit?: number | undefined; offset: number; format: 'json' | 'csv' }): Page {
  if (q.format === 'csv') return { limit: q.limit ?? MAX_CSV_ROWS, offset: q.offset };
  return { limit: Math.min(q.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE), offset: q.offset };
}

export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    links: z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable(), csv: z.string() }),
  });
}

/** Links for a page, keeping the request's other query parameters. */
export function pageLinks(url: string, page: Page, total: number) {
  const u = new URL(url, 'http://local');
  const at = (offset: number) => {
    const v = new URL(u);
    v.searchParams.set('offset', String(offset));
    v.searchParams.set('limit', String(page.limit));
    v.searchParams.delete('format');
    return v.pathname + v.search;
  };
  const csv = new URL(u);
  csv.searchParams.set('format', 'csv');
  csv.searchParams.delete('offset');
  csv.searchParams.delete('limit');
  return {
    self: at(page.offset),
    next: page.offset + page.limit < total ? at(page.offset + page.limit) : null,
    prev: page.offset > 0 ? at(Math.max(0, page.offset - page.limit)) : null,
    csv: csv.pathname + csv.search,
  };
}
