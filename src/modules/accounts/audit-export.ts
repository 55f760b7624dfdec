/** An audit export as a file: CSV (formula cells guarded) or JSON, one object per event with the export columns. */
import { toCsv } from '../../platform/http/csv.ts';
import { AUDIT_EXPORT_COLUMNS, type AuditExportRow } from '../audit/index.ts';

export type AuditExportFormat = 'csv' | 'json';

export function auditExportText(rows: readonly AuditExportRow[], format: AuditExportFormat): string {
  if (format === 'json') return `${JSON.stringify(rows.map(inColumnOrder), null, 2)}\n`;
  return toCsv(
    AUDIT_EXPORT_COLUMNS,
    rows.map((r) => AUDIT_EXPORT_COLUMNS.map((c) => r[c])),
  );
}

function inColumnOrder(row: AuditExportRow): Record<string, unknown> {
  return Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c) => [c, row[c]]));
}

export const AUDIT_EXPORT_CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
