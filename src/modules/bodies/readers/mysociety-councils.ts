/**
 * Councils from mySociety's uk_local_authorities_current.csv: one council body per row, past and
 * present, governing the area of its GSS code (the GLA governs the London region). The body id is
 * made once, from the council's short name ("trafford-council", "kent-county-council"); later
 * imports find the body by its mySociety code, so the id never changes.
 */
import type { CsvTable } from '../../../platform/files.ts';
import type { CouncilTier } from '../body.types.ts';
import { type BodyFileContent, type BodyRecord, slug } from './body-file.ts';

export const MYSOCIETY_SCHEME = 'mysociety-la';
const LONDON_REGION = 'E12000007';

export const COUNCIL_COLUMNS = [
  'local-authority-code',
  'official-name',
  'nice-name',
  'gss-code',
  'start-date',
  'end-date',
  'replaced-by',
  'local-authority-type',
  'local-authority-type-name',
] as const;

/** mySociety's local-authority-type → the council's tier over its area. */
export const COUNCIL_TIER_OF_TYPE: Readonly<Record<string, CouncilTier>> = {
  CTY: 'upper',
  NMD: 'lower',
  MD: 'single',
  LBO: 'single',
  CC: 'single',
  UA: 'single',
  WPA: 'single',
  SCO: 'single',
  NID: 'single',
  COMB: 'combined',
  SRA: 'combined',
};

export function isLocalAuthoritiesFile(columns: readonly string[]): boolean {
  return ['local-authority-code', 'gss-code', 'local-authority-type'].every((c) => columns.includes(c));
}

/** "Trafford" → trafford-council; a county "Kent" → kent-county-council; combined and strategic authorities by their official name. */
export function councilBodyId(laType: string, niceName: string, officialName: string): string {
  if (laType === 'COMB' || laType === 'SRA') return slug(officialName);
  if (laType === 'CTY') return `${slug(niceName.replace(/\s+county$/i, ''))}-county-council`;
  return `${slug(niceName)}-council`;
}

export function readCouncils(table: CsvTable): BodyFileContent {
  const content: BodyFileContent = {
    reader: 'mysociety-local-authorities',
    source: 'mySociety uk_local_authorities_current',
    rowsRead: table.records.length,
    bodies: [],
    skipped: [],
    problems: [],
  };
  const codes = new Set(table.records.map((r) => (r.values['local-authority-code'] ?? '').trim()));
  const seen = new Set<string>();
  for (const { line, values } of table.records) {
    const cell = (c: string) => (values[c] ?? '').trim();
    const fail = (field: string, value: string, reason: string) => content.problems.push({ line, field, value, reason });
    const before = content.problems.length;
    const code = cell('local-authority-code');
    const laType = cell('local-authority-type');
    const tier = COUNCIL_TIER_OF_TYPE[laType];
    if (code === '' || seen.has(code)) fail('local-authority-code', code, 'is empty or repeats an earlier row');
    if (cell('official-name') === '') fail('official-name', '', 'is required');
    if (!tier) fail('local-authority-type', laType, `is not a known type (${Object.keys(COUNCIL_TIER_OF_TYPE).join(', ')})`);
    for (const field of ['start-date', 'end-date'])
      if (cell(field) !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(cell(field)))
        fail(field, cell(field), 'is not a date in the form YYYY-MM-DD');
    const next = cell('replaced-by')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const n of next) if (!codes.has(n)) fail('replaced-by', n, 'is not a council code in this file');
    if (content.problems.length > before || !tier) continue;
    seen.add(code);
    content.bodies.push(councilRecord(line, cell, tier, next));
  }
  return content;
}

function councilRecord(line: number, cell: (c: string) => string, tier: CouncilTier, next: string[]): BodyRecord {
  const code = cell('local-authority-code');
  const laType = cell('local-authority-type');
  const area = laType === 'SRA' ? LONDON_REGION : cell('gss-code');
  const validFrom = cell('start-date') || null;
  const validTo = cell('end-date') || null;
  return {
    line,
    proposedId: councilBodyId(laType, cell('nice-name') || cell('official-name'), cell('official-name')),
    identifiers: [{ scheme: MYSOCIETY_SCHEME, identifier: code }],
    facts: {
      name: cell('official-name'),
      kind: 'council',
      councilType: cell('local-authority-type-name') || null,
      shortName: cell('nice-name') || null,
      ...(validFrom ? { validFrom } : {}),
      validTo,
      replacedBy: next.map((identifier) => ({ scheme: MYSOCIETY_SCHEME, identifier })),
    },
    areas: area
      ? [{ field: laType === 'SRA' ? 'local-authority-type' : 'gss-code', code: area, role: 'governs', tier, validFrom, validTo }]
      : [],
    areaRoles: ['governs'],
  };
}
