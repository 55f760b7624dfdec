import type { FastifyReply, FastifyRequest } from 'fastify';
import { itemsToCsv, type CsvColumn } from './csv.ts';
import { pageLinks, type Page } from './pagination.ts';

export interface ListResult<T> {
  items: T[];
  total: number;
}

/**
 * Answer a list request as JSON ({ items, total, limit, offset, links }) or, with format=csv,
 * as a CSV download of the same rows.
 */
export function sendList<T, P>(
  request: FastifyRequest,
  reply: FastifyReply,
  result: ListResult<T>,
  page: Page,
  view: { present: (item: T) => P; csv: readonly CsvColumn<T>[]; fileName: string },
  format: 'json' | 'csv',
) {
  if (format === 'csv') {
    const safeName = view.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${safeName}.csv"`)
      .send(itemsToCsv(view.csv, result.items));
    return reply;
  }
  return {
    items: result.items.map(view.present),
    total: result.total,
    limit: page.limit,
    offset: page.offset,
    links: pageLinks(request.url, page, result.total),
  };
}
