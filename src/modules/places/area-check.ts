/**
 * Checking what a file refers to against what is recorded, before anything is written: every
 * parent, child and area must be known (in the database or created by the same file), and an
 * area's type never changes.
 */
import type { ProblemDetail } from '../../platform/errors.ts';
import type { AreaRow } from '../../platform/db/schema.ts';
import type { AreaFileContent, ParentLinkRecord, RecordOrigin, SkippedRow } from './readers/area-file.ts';

export function problemAt(origin: RecordOrigin, field: string, value: unknown, reason: string): ProblemDetail {
  return origin.path !== undefined
    ? { field: `${origin.path}${field}`, value, reason }
    : { line: origin.line, field, value, reason };
}

/** A council-level GSS code: the local authorities file is where it comes from. */
function isCouncilCode(code: string): boolean {
  return /^(E0[6-9]|E10|E47|W06|S12|N09)\d{6}$/.test(code);
}

/** "parent E08000009 is not a known area; import the local authorities first (…)" */
export function unknownAreaReason(code: string, role = ''): string {
  const what = `${role ? `${role} ` : ''}${code} is not a known area`;
  return isCouncilCode(code)
    ? `${what}; import the local authorities first (uk_local_authorities_current.csv)`
    : `${what}; import it first or add it to this file`;
}

function roleIn(link: ParentLinkRecord, code: string): string {
  if (link.field === 'building_blocks') return code === link.childCode ? 'building block' : '';
  return code === link.parentCode ? 'parent' : '';
}

export interface CheckedContent {
  problems: ProblemDetail[];
  /** the links to apply (links to unknown areas marked ifKnown are dropped) */
  links: ParentLinkRecord[];
  skipped: SkippedRow[];
}

export function checkAreaReferences(content: AreaFileContent, recorded: ReadonlyMap<string, AreaRow>): CheckedContent {
  const problems: ProblemDetail[] = [];
  const created = new Set(
    content.areas.filter((a) => a.facts.name !== undefined && a.facts.type !== undefined).map((a) => a.code),
  );
  const known = (code: string) => created.has(code) || recorded.has(code);
  for (const a of content.areas) {
    const row = recorded.get(a.code);
    if (!row && !created.has(a.code)) problems.push(problemAt(a, 'code', a.code, unknownAreaReason(a.code)));
    if (row && a.facts.type !== undefined && row.type !== a.facts.type) {
      problems.push(
        problemAt(
          a,
          'type',
          a.facts.type,
          `${a.code} is recorded as a ${row.type}; an area's type does not change (give the new area a new code)`,
        ),
      );
    }
  }
  const links: ParentLinkRecord[] = [];
  const skipped: SkippedRow[] = [];
  for (const link of content.links) {
    const missing = [link.childCode, link.parentCode].filter((c) => !known(c));
    if (missing.length === 0) links.push(link);
    else if (link.ifKnown)
      skipped.push({
        line: link.line,
        reason: `not recorded: ${missing.join(' and ')} ${missing.length > 1 ? 'are not known areas' : 'is not a known area'}`,
      });
    else
      for (const code of missing) problems.push(problemAt(link, link.field, code, unknownAreaReason(code, roleIn(link, code))));
  }
  for (const id of content.identifiers) {
    if (!known(id.areaCode)) problems.push(problemAt(id, id.field, id.areaCode, unknownAreaReason(id.areaCode)));
  }
  return { problems, links, skipped };
}
