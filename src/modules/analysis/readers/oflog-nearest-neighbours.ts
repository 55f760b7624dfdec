/**
 * Oflog's nearest-neighbours JSON: { "<GSS code>": ["<GSS code>", …] }, each list including the
 * anchor itself. One group per anchor: id oflog-nn-<code>, kind nearest_neighbours.
 */
import type { ProblemDetail } from '../../../platform/errors.ts';
import { GSS_CODE, type GroupDraft, type GroupFileRead } from '../comparator-group.types.ts';
import { lineLocator } from './line-locator.ts';

export const OFLOG_NN_READER = 'oflog-nearest-neighbours';

export function looksLikeOflogNearestNeighbours(json: unknown): json is Record<string, unknown> {
  return typeof json === 'object' && json !== null && !Array.isArray(json);
}

export function readOflogNearestNeighbours(fileName: string, text: string, json: Record<string, unknown>): GroupFileRead {
  const locate = lineLocator(text);
  const problems: ProblemDetail[] = [];
  const groups: GroupDraft[] = [];
  let rowsRead = 0;
  let duplicates = 0;
  for (const [anchor, list] of Object.entries(json)) {
    const anchorLine = locate.next(`"${anchor}"`);
    if (!GSS_CODE.test(anchor))
      problems.push({
        line: anchorLine,
        field: 'anchor',
        value: anchor,
        reason: 'is not a GSS area code (a letter and eight digits)',
      });
    if (!Array.isArray(list)) {
      problems.push({ line: anchorLine, field: anchor, reason: 'must be a list of GSS area codes' });
      continue;
    }
    const seen = new Set<string>();
    const members: GroupDraft['members'] = [];
    for (const member of list as unknown[]) {
      rowsRead++;
      const line = typeof member === 'string' ? locate.next(`"${member}"`) : anchorLine;
      if (typeof member !== 'string' || !GSS_CODE.test(member)) {
        problems.push({ line, field: anchor, value: member, reason: 'is not a GSS area code (a letter and eight digits)' });
      } else if (seen.has(member)) duplicates++;
      else {
        seen.add(member);
        members.push({ code: member, line });
      }
    }
    if (!seen.has(anchor)) members.unshift({ code: anchor, line: anchorLine, implicit: true });
    groups.push({
      id: `oflog-nn-${anchor}`,
      name: `Oflog nearest neighbours of ${anchor}`,
      namePrefix: 'Oflog nearest neighbours of ',
      kind: 'nearest_neighbours',
      anchorAreaCode: anchor,
      anchorLine,
      source: `oflog:${fileName}`,
      members,
    });
  }
  const skipped = duplicates > 0 ? [{ count: duplicates, reason: 'a code listed twice in the same group' }] : [];
  return { reader: OFLOG_NN_READER, groups, rowsRead, problems, skipped };
}
