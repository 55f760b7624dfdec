/** Which requests ask for a page's table as CSV; the download itself is platform/web's. */
export { csvFileName, sendCsv } from '../../../../platform/web/index.ts';

/** Does the query ask for CSV (`format=csv`)? */
export function wantsCsv(query: unknown): boolean {
  const format = (query as { format?: unknown } | null)?.format;
  return (Array.isArray(format) ? format[0] : format) === 'csv';
}
