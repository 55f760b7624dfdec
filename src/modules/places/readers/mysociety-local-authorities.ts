/**
 * mySociety's uk_local_authorities_current.csv: one row per council, past and present, keyed by
 * a three-letter code. Gives each council's area (by GSS code), its dates, population, region,
 * county and combined authority, and which councils replaced it. Regions and countries are added.
 */
import type { CsvTable } from '../../../platform/files.ts';
import type { AreaType } from '../area.types.ts';
import { COUNTRIES, ENGLAND, ENGLISH_REGIONS, countryCodeForName, isGssCode, regionCodeForName } from '../gss.ts';
import {
  type AreaFacts,
  type AreaFileContent,
  type AreaRecord,
  type ParentLinkRecord,
  type SuccessionRecord,
  emptyContent,
} from './area-file.ts';
import { csvSource, nextDay, rowCells, splitList, type RowCells } from './values.ts';

export const LOCAL_AUTHORITY_COLUMNS = [
  'local-authority-code',
  'nice-name',
  'gss-code',
  'start-date',
  'end-date',
  'replaced-by',
  'nation',
  'region',
  'local-authority-type',
  'county-la',
  'combined-authority',
  'former-gss-codes',
] as const;

export const MYSOCIETY_SCHEME = 'mysociety-la';
const LONDON = 'E12000007';

/** mySociety's local-authority-type → our area type; null: the authority has no area of its own. */
export const LOCAL_AUTHORITY_AREA_TYPES: Readonly<Record<string, AreaType | null>> = {
  NMD: 'district',
  MD: 'metropolitan_district',
  LBO: 'london_borough',
  CC: 'london_borough',
  UA: 'unitary',
  WPA: 'unitary',
  SCO: 'unitary',
  NID: 'district',
  CTY: 'county',
  COMB: 'combined_authority',
  SRA: null,
};

/** The parent types this file is the authority for: other current links of these types are ended. */
const PARENT_SCOPE: readonly AreaType[] = ['country', 'region', 'county', 'combined_authority'];

interface Council {
  line: number;
  code: string;
  gss: string;
  laType: string;
  startDate: string | null;
  endDate: string | null;
}

export function isLocalAuthoritiesFile(columns: readonly string[]): boolean {
  return ['local-authority-code', 'gss-code', 'local-authority-type'].every((c) => columns.includes(c));
}

interface FileIndex {
  councils: Map<string, Council>;
  successorsOf: Map<string, string[]>;
  predecessorCount: Map<string, number>;
}

export function readLocalAuthorities(table: CsvTable): AreaFileContent {
  const content = emptyContent('mysociety-local-authorities', 'mySociety uk_local_authorities_current', table.records.length);
  content.areas.push(...nationsAndRegions());
  content.links.push(...ENGLISH_REGIONS.map((r) => link(0, 'region', r.code, ENGLAND)));
  const councils = indexCouncils(table);
  const index = { councils, ...successorMap(table, councils) };
  for (const record of table.records) {
    const cells = rowCells(csvSource(record), content.problems);
    const council = councils.get(cells.text('local-authority-code'));
    if (!council || council.line !== record.line) {
      cells.fail('local-authority-code', cells.text('local-authority-code'), 'is empty or repeats an earlier row');
      continue;
    }
    readCouncil(cells, council, index, content);
  }
  return content;
}

function nationsAndRegions(): AreaRecord[] {
  return [
    ...COUNTRIES.map((c) => ({ line: 0, code: c.code, facts: { name: c.name, type: 'country' as const, countryCode: c.code } })),
    ...ENGLISH_REGIONS.map((r) => ({
      line: 0,
      code: r.code,
      facts: { name: r.name, type: 'region' as const, countryCode: ENGLAND },
    })),
  ];
}

function indexCouncils(table: CsvTable): Map<string, Council> {
  const councils = new Map<string, Council>();
  for (const { line, values } of table.records) {
    const cell = (c: string) => (values[c] ?? '').trim();
    const code = cell('local-authority-code');
    if (code === '' || councils.has(code)) continue;
    councils.set(code, {
      line,
      code,
      gss: cell('gss-code'),
      laType: cell('local-authority-type'),
      startDate: cell('start-date') || null,
      endDate: cell('end-date') || null,
    });
  }
  return councils;
}

/** Which councils replaced each council, and how many councils each successor replaced. */
function successorMap(table: CsvTable, councils: Map<string, Council>): Omit<FileIndex, 'councils'> {
  const successorsOf = new Map<string, string[]>();
  const predecessorCount = new Map<string, number>();
  for (const { values } of table.records) {
    const next = splitList(values['replaced-by'] ?? '', ',');
    successorsOf.set((values['local-authority-code'] ?? '').trim(), next);
    for (const n of next) if (councils.has(n)) predecessorCount.set(n, (predecessorCount.get(n) ?? 0) + 1);
  }
  return { successorsOf, predecessorCount };
}

function readCouncil(cells: RowCells, council: Council, index: FileIndex, content: AreaFileContent): void {
  const { line, gss } = council;
  const type = areaTypeOf(cells, council, content);
  if (!type) return;
  const facts = councilFacts(cells, type);
  const parents = parentLinks(cells, council, index.councils, facts.countryCode ?? ENGLAND);
  const successions = councilSuccessions(cells, council, index, facts.validTo ?? null);
  if (cells.bad) return;
  content.areas.push({ line, code: gss, facts, parentScope: PARENT_SCOPE });
  content.links.push(...parents.map((p) => ({ ...p, validFrom: facts.validFrom ?? null, validTo: facts.validTo ?? null })));
  content.identifiers.push({
    line,
    field: 'local-authority-code',
    areaCode: gss,
    scheme: MYSOCIETY_SCHEME,
    identifier: council.code,
  });
  content.successions.push(...successions);
}

/** The council's area type; undefined (with a problem, a skip or the GLA's identifier) when it has no area here. */
function areaTypeOf(cells: RowCells, council: Council, content: AreaFileContent): AreaType | undefined {
  const { line, gss, laType } = council;
  const type = LOCAL_AUTHORITY_AREA_TYPES[laType];
  if (type === undefined)
    cells.fail('local-authority-type', laType, `is not a known type (${Object.keys(LOCAL_AUTHORITY_AREA_TYPES).join(', ')})`);
  else if (type === null) {
    // The Greater London Authority's area is the London region: its code finds that area.
    content.identifiers.push({
      line,
      field: 'local-authority-code',
      areaCode: LONDON,
      scheme: MYSOCIETY_SCHEME,
      identifier: council.code,
    });
  } else if (gss === '')
    content.skipped.push({ line, reason: 'a council with no GSS code (abolished before GSS codes were issued)' });
  else if (!isGssCode(gss)) cells.fail('gss-code', gss, 'is not a GSS code (a letter and eight digits)');
  else return type;
  return undefined;
}

function councilFacts(cells: RowCells, type: AreaType): AreaFacts {
  const name = cells.required('nice-name');
  const startDate = cells.date('start-date');
  const endDate = cells.date('end-date');
  const population = cells.whole('pop-2020', { min: 0 });
  const countryCode = countryCodeForName(cells.text('nation'));
  if (countryCode === undefined)
    cells.fail('nation', cells.text('nation'), 'is not England, Wales, Scotland or Northern Ireland');
  return {
    name,
    type,
    countryCode: countryCode ?? null,
    ...(startDate ? { validFrom: startDate } : {}),
    validTo: endDate ?? null,
    ...(population === null || population === undefined ? {} : { population, populationYear: 2020 }),
  };
}

/**
 * Former GSS codes (a new code, date unknown) and the councils that replaced this one: a split when
 * it had several successors, a merger when its successor replaced several councils, effective on
 * the successor's start date.
 */
function councilSuccessions(cells: RowCells, council: Council, index: FileIndex, endDate: string | null): SuccessionRecord[] {
  const { line, gss } = council;
  const out: SuccessionRecord[] = [];
  for (const old of splitList(cells.text('former-gss-codes'), ',')) {
    if (isGssCode(old)) out.push({ line, oldCode: old, newCode: gss, changeType: 'new_code', effectiveDate: '' });
    else cells.fail('former-gss-codes', old, 'is not a GSS code');
  }
  const next = index.successorsOf.get(council.code) ?? [];
  for (const code of next) {
    const successor = index.councils.get(code);
    if (!successor?.gss) {
      cells.fail('replaced-by', code, 'is not a council with a GSS code in this file');
      continue;
    }
    const changeType = next.length > 1 ? 'split' : (index.predecessorCount.get(code) ?? 0) > 1 ? 'merger' : 'replaced';
    out.push({
      line,
      oldCode: gss,
      newCode: successor.gss,
      changeType,
      effectiveDate: successor.startDate ?? (endDate ? nextDay(endDate) : ''),
    });
  }
  return out;
}

/** Region (or country outside England), county and combined authority. */
function parentLinks(cells: RowCells, council: Council, councils: Map<string, Council>, countryCode: string): ParentLinkRecord[] {
  const links: ParentLinkRecord[] = [];
  const { line, gss } = council;
  const region = cells.text('region');
  if (countryCode !== ENGLAND || region === '') links.push(link(line, 'nation', gss, countryCode));
  else {
    const regionCode = regionCodeForName(region);
    if (regionCode) links.push(link(line, 'region', gss, regionCode));
    else cells.fail('region', region, 'is not the name of an English region');
  }
  for (const field of ['county-la', 'combined-authority'] as const) {
    const code = cells.text(field);
    if (code === '') continue;
    const parent = councils.get(code);
    if (!parent) cells.fail(field, code, 'is not a council code in this file');
    else if (LOCAL_AUTHORITY_AREA_TYPES[parent.laType] === null)
      continue; // the GLA: London boroughs are already in the London region
    else if (!isGssCode(parent.gss)) cells.fail(field, code, 'names a council with no GSS code');
    else links.push(link(line, field, gss, parent.gss));
  }
  return links;
}

function link(line: number, field: string, childCode: string, parentCode: string): ParentLinkRecord {
  return { line, field, childCode, parentCode, validFrom: null, validTo: null };
}
