/** Sending a page's table as a CSV download (cells a spreadsheet would run as a formula neutralised by platform/http/csv). */
import type { FastifyReply } from 'fastify';
import { itemsToCsv, type CsvColumn } from '../http/csv.ts';
import { PUBLIC_PAGE_CACHE } from './pages.ts';

/** A safe file name: letters, digits, dots, dashes and underscores only. */
export function csvFileName(...parts: string[]): string {
  const base = parts
    .filter((p) => p !== '')
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${base || 'table'}.csv`;
}

export function sendCsv<T>(
  reply: FastifyReply,
  fileName: string,
  columns: readonly CsvColumn<T>[],
  items: readonly T[],
): FastifyReply {
  return reply
    .code(200)
    .header('cache-control', PUBLIC_PAGE_CACHE)
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]+/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .type('text/csv; charset=utf-8')
    .send(itemsToCsv(columns, items));
}
