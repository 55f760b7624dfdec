/**
 * Importing comparator groups from a file (see README.md for the three shapes). Every bad row is
 * reported and nothing is written; a good file is applied in one transaction; the same file again
 * changes nothing.
 */
import { getAreas, searchAreas, type Area } from '../places/index.ts';
import { COUNCIL_TYPES } from './area-types.ts';
import type { Clock } from '../../platform/clock.ts';
import { ValidationError, type ProblemDetail } from '../../platform/errors.ts';
import { decodeUtf8, isJsonFile, readCsv, readJson, type SubmittedFile } from '../../platform/files.ts';
import type { ImportSummary } from '../../platform/import-summary.ts';
import type { GroupDraft, GroupFileRead } from './comparator-group.types.ts';
import {
  findGroupRows,
  findMembers,
  replaceMembers,
  upsertGroupRow,
  type ComparatorGroupRow,
} from './comparator-group.repository.ts';
import type { Executor } from './executor.ts';
import { CIPFA_COLUMNS, cipfaHintsFromFileName, readCipfaGroup } from './readers/cipfa-group-csv.ts';
import { GENERIC_GROUP_COLUMNS, readGenericGroups } from './readers/generic-group-csv.ts';
import { looksLikeOflogNearestNeighbours, readOflogNearestNeighbours } from './readers/oflog-nearest-neighbours.ts';

export interface ComparatorGroupImportOptions {
  clock: Clock;
  /** CIPFA CSV only: the GSS code of the council the neighbours are for (else taken from the file name) */
  anchor?: string;
  /** CIPFA CSV only: the model's year, e.g. "2021" (else taken from the file name, "…cipfa2021…") */
  vintage?: string;
  /**
   * 'reject' (default): a code of an area not held is a bad row and nothing is imported.
   * 'skip': leave such codes out (and groups anchored on them), counted in the summary's skipped.
   */
  unknownAreas?: 'reject' | 'skip';
}

export async function importComparatorGroups(
  db: Executor,
  file: SubmittedFile,
  opts: ComparatorGroupImportOptions,
): Promise<ImportSummary> {
  const read = await readGroupFile(db, file, opts);
  const areas = await getAreas(db, codesOf(read.groups));
  const skipUnknown = opts.unknownAreas === 'skip';
  const problems = [...read.problems, ...(skipUnknown ? [] : unknownAreaProblems(read.groups, areas))];
  if (problems.length > 0) {
    throw new ValidationError(
      `${file.name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`,
      problems,
    );
  }
  const known = skipUnknown ? withoutUnknownAreas(read, areas) : read;
  const groups = known.groups.map((g) => withAnchorName(g, areas));
  const run = (tx: Executor) => applyGroups(tx, groups, opts.clock.now().toISOString());
  const counts = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  return {
    reader: read.reader,
    rowsRead: read.rowsRead,
    rowsWritten: counts.written,
    rowsUnchanged: counts.unchanged,
    rowsRejected: 0,
    ...(known.skipped.length > 0 ? { skipped: known.skipped } : {}),
    problems: [],
  };
}

async function readGroupFile(db: Executor, file: SubmittedFile, opts: ComparatorGroupImportOptions): Promise<GroupFileRead> {
  if (isJsonFile(file)) {
    const json = readJson(file);
    if (!looksLikeOflogNearestNeighbours(json)) {
      throw new ValidationError(`${file.name} is not a nearest-neighbours file`, [
        { line: 1, reason: 'expected an object of GSS code → list of GSS codes' },
      ]);
    }
    return readOflogNearestNeighbours(file.name, decodeUtf8(file), json);
  }
  const table = readCsv(file);
  if (table.columns.includes('group_id')) return readGenericGroups(file.name, readCsv(file, GENERIC_GROUP_COLUMNS));
  if (table.columns.includes('area_code')) {
    const hints = cipfaHintsFromFileName(file.name);
    const vintage = opts.vintage ?? hints.vintage;
    if (!vintage || !/^\d{4}$/.test(vintage)) {
      throw new ValidationError(`${file.name}: the CIPFA model year is unknown`, [
        {
          field: 'vintage',
          value: vintage,
          reason: 'give the year (e.g. 2021) as an option or in the file name ("…cipfa2021…")',
        },
      ]);
    }
    const anchor = await resolveAnchor(db, file.name, opts.anchor ?? hints.anchorCode, hints.anchorName);
    return readCipfaGroup(file.name, readCsv(file, CIPFA_COLUMNS), { code: anchor }, vintage);
  }
  throw new ValidationError(`${file.name} is not a comparator-group file`, [
    {
      line: 1,
      reason: `expected the columns ${GENERIC_GROUP_COLUMNS.join(', ')} (or ${CIPFA_COLUMNS.join(', ')} for a CIPFA group)`,
    },
  ]);
}

/** The council a CIPFA file is for: a code given or in the file name, else a council named in the file name. */
async function resolveAnchor(db: Executor, fileName: string, code: string | null, name: string | null): Promise<string> {
  if (code) return code;
  if (name) {
    const found = await searchAreas(db, { q: name, limit: 100, offset: 0 });
    const exact = found.items.filter((a) => a.name.toLowerCase() === name.toLowerCase() && COUNCIL_TYPES.includes(a.type));
    if (exact.length === 1) return exact[0]!.code;
  }
  throw new ValidationError(`${fileName}: cannot tell which council the group is for`, [
    {
      field: 'anchor',
      value: name ?? undefined,
      reason:
        'give the council\u2019s GSS code as the anchor option (or put it, or the council\u2019s exact name, first in the file name)',
    },
  ]);
}

function codesOf(groups: readonly GroupDraft[]): string[] {
  const codes = new Set<string>();
  for (const g of groups) {
    if (g.anchorAreaCode) codes.add(g.anchorAreaCode);
    for (const m of g.members) codes.add(m.code);
  }
  return [...codes];
}

function unknownAreaProblems(groups: readonly GroupDraft[], areas: Map<string, Area>): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  const reason = 'no area has this code (import the areas first, or correct the code)';
  for (const g of groups) {
    const anchor = g.anchorAreaCode;
    if (anchor && !areas.has(anchor))
      out.push({ line: g.anchorLine, field: 'anchor', value: anchor, reason: `${reason}; group ${g.id}` });
    for (const m of g.members) {
      if (m.code !== anchor && !areas.has(m.code))
        out.push({ line: m.line, field: 'area_code', value: m.code, reason: `${reason}; group ${g.id}` });
    }
  }
  return out;
}

/** Leave out codes of areas not held, and groups anchored on one; say how many and which. */
function withoutUnknownAreas(read: GroupFileRead, areas: Map<string, Area>): GroupFileRead {
  const unknown = new Set<string>();
  let rows = 0;
  const groups = read.groups.flatMap((g) => {
    if (g.anchorAreaCode && !areas.has(g.anchorAreaCode)) {
      unknown.add(g.anchorAreaCode);
      rows += g.members.filter((m) => !m.implicit).length;
      return [];
    }
    const missing = g.members.filter((m) => !areas.has(m.code));
    for (const m of missing) unknown.add(m.code);
    rows += missing.filter((m) => !m.implicit).length;
    return [{ ...g, members: g.members.filter((m) => areas.has(m.code)) }];
  });
  if (rows === 0) return read;
  const codes = [...unknown].sort();
  const reason = `codes of areas not held, left out (${codes.slice(0, 10).join(', ')}${codes.length > 10 ? ', …' : ''}), with any group anchored on one`;
  return { ...read, groups, skipped: [...read.skipped, { count: rows, reason }] };
}

function withAnchorName(g: GroupDraft, areas: Map<string, Area>): GroupDraft {
  const anchorArea = g.anchorAreaCode ? areas.get(g.anchorAreaCode) : undefined;
  const name = g.namePrefix && anchorArea ? `${g.namePrefix}${anchorArea.name}` : g.name;
  const members =
    g.anchorAreaCode && !g.members.some((m) => m.code === g.anchorAreaCode)
      ? [{ code: g.anchorAreaCode, line: g.anchorLine, implicit: true }, ...g.members]
      : g.members;
  return { ...g, name, members };
}

async function applyGroups(
  db: Executor,
  groups: readonly GroupDraft[],
  now: string,
): Promise<{ written: number; unchanged: number }> {
  const ids = groups.map((g) => g.id);
  const existing = new Map((await findGroupRows(db, ids)).map((r) => [r.id, r]));
  const members = await findMembers(db, ids);
  let written = 0;
  let unchanged = 0;
  for (const g of groups) {
    const codes = [...new Set(g.members.map((m) => m.code))].sort();
    const before = existing.get(g.id);
    if (before && sameGroup(before, g) && sameCodes(members.get(g.id) ?? [], codes)) {
      unchanged += listed(g);
      continue;
    }
    const row: ComparatorGroupRow = {
      id: g.id,
      name: g.name,
      kind: g.kind,
      anchor_area_code: g.anchorAreaCode,
      source: g.source,
      imported_at: now,
    };
    await upsertGroupRow(db, row, before !== undefined);
    await replaceMembers(db, g.id, codes);
    written += listed(g);
  }
  return { written, unchanged };
}

function sameGroup(row: ComparatorGroupRow, g: GroupDraft): boolean {
  return row.name === g.name && row.kind === g.kind && row.anchor_area_code === g.anchorAreaCode && row.source === g.source;
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** Members the file itself lists (the summary counts file rows, not the anchors added). */
function listed(g: GroupDraft): number {
  return g.members.filter((m) => !m.implicit).length;
}
