/** The indicator page's query string: period, area type, a name filter and the page of the ranked table. */
import { z } from 'zod';
import { pageNumber, text } from '../shared/query.ts';

const indicatorQuerySchema = z.object({ period: text(40), type: text(40), q: text(100), page: pageNumber, table: text(20) });

export type IndicatorQuery = z.infer<typeof indicatorQuerySchema>;

export function parseIndicatorQuery(raw: unknown): IndicatorQuery {
  return indicatorQuerySchema.parse(raw ?? {});
}
