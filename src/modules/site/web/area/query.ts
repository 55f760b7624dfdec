/** The area profile's query string: which children to page through, and a theme for the CSV. */
import { z } from 'zod';
import { pageNumber, text } from '../common/query.ts';

const areaQuerySchema = z.object({ childType: text(40), page: pageNumber, theme: text(100) });

export type AreaQuery = z.infer<typeof areaQuerySchema>;

export function parseAreaQuery(raw: unknown): AreaQuery {
  return areaQuerySchema.parse(raw ?? {});
}
