/**
 * ONSvisual uk-topojson changes.csv: year-by-year local authority changes (oldcd → newcd).
 * - merger, new_code and new_geo (a new code with new boundaries) are successions, effective
 *   1 April of the start year;
 * - new_geo into a combined authority (E47…) is not a succession: the council joined the
 *   combined authority, recorded as a parent link from 1 April of that year (when both are known);
 * - termination names no successor and is skipped (the end date comes from the local authorities file).
 */
import type { CsvTable } from '../../../platform/files.ts';
import { isGssCode } from '../gss.ts';
import { type AreaFileContent, emptyContent } from './area-file.ts';
import { csvSource, rowCells } from './values.ts';

export const LA_CHANGES_COLUMNS = ['oldcd', 'newcd', 'type', 'start'] as const;
export const LA_CHANGE_TYPES = ['merger', 'new_code', 'new_geo', 'termination'] as const;

export function isLaChangesFile(columns: readonly string[]): boolean {
  return LA_CHANGES_COLUMNS.every((c) => columns.includes(c));
}

export function readLaChanges(table: CsvTable): AreaFileContent {
  const content = emptyContent('ons-la-changes', 'ONS local authority changes', table.records.length);
  for (const record of table.records) {
    const cells = rowCells(csvSource(record), content.problems);
    const oldCode = cells.required('oldcd');
    const newCode = cells.text('newcd');
    const type = cells.required('type');
    const start = cells.required('start');
    if (oldCode !== '' && !isGssCode(oldCode)) cells.fail('oldcd', oldCode, 'is not a GSS code');
    if (type !== '' && !(LA_CHANGE_TYPES as readonly string[]).includes(type))
      cells.fail('type', type, `is not one of ${LA_CHANGE_TYPES.join(', ')}`);
    if (start !== '' && !/^(19|20)\d{2}$/.test(start)) cells.fail('start', start, 'is not a year');
    if (type !== 'termination' && !isGssCode(newCode))
      cells.fail('newcd', newCode, type === '' ? 'is not a GSS code' : `is not a GSS code (a ${type} needs the new code)`);
    if (cells.bad) continue;
    const effectiveDate = `${start}-04-01`;
    if (type === 'termination') {
      content.skipped.push({
        line: record.line,
        reason: 'a termination names no successor (the end date comes from the local authorities file)',
      });
    } else if (type === 'new_geo' && newCode.startsWith('E47')) {
      content.links.push({
        line: record.line,
        field: 'newcd',
        childCode: oldCode,
        parentCode: newCode,
        validFrom: effectiveDate,
        ifKnown: true,
      });
    } else {
      content.successions.push({ line: record.line, oldCode, newCode, changeType: type, effectiveDate });
    }
  }
  return content;
}
