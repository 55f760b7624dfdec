/**
 * A CIPFA nearest-neighbours CSV for one council: columns area_code, area_name; the council's
 * neighbours without the council itself. The anchor (the council) comes from an option or the file
 * name; the group (id cipfa-<vintage>-<anchor>) includes the anchor as a member.
 */
import type { CsvTable } from '../../../platform/files.ts';
import type { ProblemDetail } from '../../../platform/errors.ts';
import { GSS_CODE, type GroupDraft, type GroupFileRead } from '../comparator-group.types.ts';

export const CIPFA_READER = 'cipfa-nearest-neighbours';
export const CIPFA_COLUMNS = ['area_code', 'area_name'] as const;

/** What the file name says about the anchor and the vintage: trafford_comparator_group_cipfa2021.csv. */
export function cipfaHintsFromFileName(fileName: string): {
  anchorCode: string | null;
  anchorName: string | null;
  vintage: string | null;
} {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  const code = /[EWSN]\d{8}/.exec(base)?.[0] ?? null;
  const vintage = /cipfa[_-]?(\d{4})/i.exec(base)?.[1] ?? null;
  const namePart = /^(.+?)_(?:comparator|nearest|cipfa)/i.exec(base)?.[1] ?? null;
  const anchorName = code || !namePart ? null : namePart.replace(/[_-]+/g, ' ').trim();
  return { anchorCode: code, anchorName, vintage };
}

export function readCipfaGroup(
  fileName: string,
  table: CsvTable,
  anchor: { code: string; line?: number },
  vintage: string,
): GroupFileRead {
  const problems: ProblemDetail[] = [];
  const seen = new Set<string>([anchor.code]);
  const members: GroupDraft['members'] = [{ code: anchor.code, line: anchor.line, implicit: true }];
  let duplicates = 0;
  for (const r of table.records) {
    const code = (r.values.area_code ?? '').trim();
    if (!GSS_CODE.test(code))
      problems.push({
        line: r.line,
        field: 'area_code',
        value: code,
        reason: 'is not a GSS area code (a letter and eight digits)',
      });
    else if (seen.has(code)) duplicates++;
    else {
      seen.add(code);
      members.push({ code, line: r.line });
    }
  }
  const group: GroupDraft = {
    id: `cipfa-${vintage}-${anchor.code}`,
    name: `CIPFA nearest neighbours (${vintage}) of ${anchor.code}`,
    namePrefix: `CIPFA nearest neighbours (${vintage}) of `,
    kind: 'nearest_neighbours',
    anchorAreaCode: anchor.code,
    anchorLine: anchor.line,
    source: `cipfa:${fileName}`,
    members,
  };
  const skipped = duplicates > 0 ? [{ count: duplicates, reason: 'a code listed twice (or the anchor itself listed)' }] : [];
  return { reader: CIPFA_READER, groups: [group], rowsRead: table.records.length, problems, skipped };
}
