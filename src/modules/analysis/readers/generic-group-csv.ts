/**
 * The generic comparator-group CSV, one row per member:
 *   group_id, group_name, kind, anchor, area_code
 * group_id: letters, digits, '.', '_' or '-' (up to 100); kind: nearest_neighbours,
 * statistical_neighbours or custom; anchor: the GSS code the group was chosen for (may be empty);
 * group_name, kind and anchor must be the same on every row of a group.
 */
import type { CsvTable } from '../../../platform/files.ts';
import type { ProblemDetail } from '../../../platform/errors.ts';
import {
  BUILT_IN_GROUPS,
  COMPARATOR_GROUP_KINDS,
  GSS_CODE,
  type ComparatorGroupKind,
  type GroupDraft,
  type GroupFileRead,
} from '../comparator-group.types.ts';

export const GENERIC_GROUP_READER = 'comparator-group-csv';
export const GENERIC_GROUP_COLUMNS = ['group_id', 'group_name', 'kind', 'anchor', 'area_code'] as const;
const GROUP_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

type Values = Record<string, string>;
const cell = (v: Values, c: string) => (v[c] ?? '').trim();

function rowProblems(v: Values, line: number): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  const id = cell(v, 'group_id');
  if (!GROUP_ID.test(id) || (BUILT_IN_GROUPS as readonly string[]).includes(id)) {
    out.push({
      line,
      field: 'group_id',
      value: id,
      reason: "must be letters, digits, '.', '_' or '-' (up to 100) and not a built-in group name",
    });
  }
  if (cell(v, 'group_name') === '') out.push({ line, field: 'group_name', reason: 'is required' });
  if (!(COMPARATOR_GROUP_KINDS as readonly string[]).includes(cell(v, 'kind'))) {
    out.push({ line, field: 'kind', value: cell(v, 'kind'), reason: `must be one of ${COMPARATOR_GROUP_KINDS.join(', ')}` });
  }
  const anchor = cell(v, 'anchor');
  if (anchor !== '' && !GSS_CODE.test(anchor))
    out.push({ line, field: 'anchor', value: anchor, reason: 'is not a GSS area code' });
  if (!GSS_CODE.test(cell(v, 'area_code')))
    out.push({ line, field: 'area_code', value: cell(v, 'area_code'), reason: 'is not a GSS area code' });
  return out;
}

function sameGroupProblems(g: GroupDraft, v: Values, line: number): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  if (g.name !== cell(v, 'group_name'))
    out.push({
      line,
      field: 'group_name',
      value: cell(v, 'group_name'),
      reason: `differs from the group's first row ("${g.name}")`,
    });
  if (g.kind !== cell(v, 'kind'))
    out.push({ line, field: 'kind', value: cell(v, 'kind'), reason: `differs from the group's first row (${g.kind})` });
  if ((g.anchorAreaCode ?? '') !== cell(v, 'anchor'))
    out.push({ line, field: 'anchor', value: cell(v, 'anchor'), reason: "differs from the group's first row" });
  return out;
}

export function readGenericGroups(fileName: string, table: CsvTable): GroupFileRead {
  const problems: ProblemDetail[] = [];
  const groups = new Map<string, GroupDraft>();
  let duplicates = 0;
  for (const { line, values } of table.records) {
    const bad = rowProblems(values, line);
    problems.push(...bad);
    if (bad.length > 0) continue;
    const id = cell(values, 'group_id');
    let g = groups.get(id);
    if (!g) {
      const anchor = cell(values, 'anchor') || null;
      g = {
        id,
        name: cell(values, 'group_name'),
        namePrefix: null,
        kind: cell(values, 'kind') as ComparatorGroupKind,
        anchorAreaCode: anchor,
        anchorLine: anchor ? line : undefined,
        source: `csv:${fileName}`,
        members: [],
      };
      groups.set(id, g);
    }
    const mismatch = sameGroupProblems(g, values, line);
    problems.push(...mismatch);
    const code = cell(values, 'area_code');
    if (mismatch.length > 0) continue;
    if (g.members.some((m) => m.code === code)) duplicates++;
    else g.members.push({ code, line });
  }
  const skipped = duplicates > 0 ? [{ count: duplicates, reason: 'a member listed twice in the same group' }] : [];
  return { reader: GENERIC_GROUP_READER, groups: [...groups.values()], rowsRead: table.records.length, problems, skipped };
}
