/** The indicator page's query string: period, area type, a name filter and the page of the ranked table. */
import { z } from 'zod';
import { normaliseCode, pageNumber, text } from '../common/query.ts';

/** `area`: the area the reader came from, outlined on the map and marked in the table. */
const indicatorQuerySchema = z.object({
  period: text(40),
  type: text(40),
  q: text(100),
  page: pageNumber,
  table: text(20),
  area: text(64).transform(normaliseCode),
});

export type IndicatorQuery = z.infer<typeof indicatorQuerySchema>;

export function parseIndicatorQuery(raw: unknown): IndicatorQuery {
  return indicatorQuerySchema.parse(raw ?? {});
}
