/**
 * The documented bodies format (README.md) for partners, Local Strategic Partnerships,
 * neighbourhood bodies and parishes, as JSON ({"bodies": [...]}) or CSV.
 */
import { restoreFormulaGuarded } from '../../../platform/formula-guard.ts';
import type { ProblemDetail } from '../../../platform/errors.ts';
import type { CsvTable } from '../../../platform/files.ts';
import { BODY_KINDS, isBodyKind } from '../body.types.ts';
import {
  BODY_ID_PATTERN,
  type BodyAreaRecord,
  type BodyFacts,
  type BodyFileContent,
  type BodyRecord,
  type BodyRef,
  type MemberRecord,
  type Origin,
  problemAt,
} from './body-file.ts';

export const GENERIC_BODY_COLUMNS = [
  'id',
  'name',
  'kind',
  'short_name',
  'council_type',
  'website',
  'valid_from',
  'valid_to',
  'replaced_by',
  'identifiers',
  'areas',
  'members',
] as const;
const ENTRY_KEYS = new Set<string>([...GENERIC_BODY_COLUMNS, 'note']);
const AREA_KEYS = new Set(['code', 'role', 'tier', 'valid_from', 'valid_to']);
const MEMBER_KEYS = new Set(['body', 'role', 'valid_from', 'valid_to']);
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isGenericBodyJson(json: unknown): boolean {
  return isObject(json) && Array.isArray(json.bodies);
}

export function isGenericBodyCsv(columns: readonly string[]): boolean {
  return ['id', 'name', 'kind'].every((c) => columns.includes(c));
}

/** Reads one entry's fields, recording each problem against the entry. */
class EntryReader {
  constructor(
    private readonly origin: Origin,
    private readonly problems: ProblemDetail[],
  ) {}
  fail(field: string, value: unknown, reason: string): void {
    this.problems.push(problemAt(this.origin, field, value, reason));
  }
  text(field: string, value: unknown, required = false): string | null | undefined {
    if (value === undefined) {
      if (required) this.fail(field, undefined, 'is required');
      return undefined;
    }
    if (value === null || value === '') {
      if (required) this.fail(field, value, 'is required');
      return null;
    }
    if (typeof value !== 'string') {
      this.fail(field, value, 'must be text');
      return undefined;
    }
    return value.trim();
  }
  date(field: string, value: unknown): string | null | undefined {
    const v = this.text(field, value);
    if (v && !DATE.test(v)) {
      this.fail(field, v, 'is not a date in the form YYYY-MM-DD');
      return undefined;
    }
    return v;
  }
  keys(prefix: string, obj: Json, allowed: Set<string>): void {
    for (const k of Object.keys(obj))
      if (!allowed.has(k)) this.fail(`${prefix}${k}`, k, `is not a known field (${[...allowed].join(', ')})`);
  }
}

export function readGenericBodyJson(json: unknown, fileName: string): BodyFileContent {
  const entries = isObject(json) && Array.isArray(json.bodies) ? json.bodies : [];
  const content: BodyFileContent = {
    reader: 'generic-body-json',
    source: `body file ${fileName}`,
    rowsRead: entries.length,
    bodies: [],
    skipped: [],
    problems: [],
  };
  entries.forEach((entry: unknown, i) => {
    const origin = { line: i + 1, path: `bodies[${i}].` };
    const before = content.problems.length;
    const record = readEntry(isObject(entry) ? entry : {}, new EntryReader(origin, content.problems), origin);
    if (!isObject(entry)) content.problems.push(problemAt(origin, '', entry, 'each body must be an object'));
    if (content.problems.length === before && record) content.bodies.push(record);
  });
  return content;
}

function readEntry(e: Json, r: EntryReader, origin: Origin): BodyRecord | undefined {
  r.keys('', e, ENTRY_KEYS);
  const id = r.text('id', e.id, true);
  if (id && !BODY_ID_PATTERN.test(id)) r.fail('id', id, 'may hold only lower-case letters, digits and hyphens (at most 100)');
  const facts = readFacts(e, r);
  const areas = e.areas === undefined ? undefined : list(r, 'areas', e.areas).map((a, j) => areaEntry(r, `areas[${j}].`, a));
  const members =
    e.members === undefined ? undefined : list(r, 'members', e.members).map((m, j) => memberEntry(r, `members[${j}].`, m));
  const identifiers =
    e.identifiers === undefined
      ? []
      : list(r, 'identifiers', e.identifiers).map((x, j) => identifierEntry(r, `identifiers[${j}].`, x));
  if (!id || !facts) return undefined;
  return {
    ...origin,
    id,
    identifiers: identifiers.filter((x): x is { scheme: string; identifier: string } => x !== undefined),
    facts,
    ...(areas ? { areas: areas.filter((a): a is BodyAreaRecord => a !== undefined), areaRoles: 'all' as const } : {}),
    ...(members ? { members: members.filter((m): m is MemberRecord => m !== undefined) } : {}),
  };
}

function readFacts(e: Json, r: EntryReader): BodyFacts | undefined {
  const name = r.text('name', e.name, true);
  const kind = r.text('kind', e.kind, true);
  if (kind && !isBodyKind(kind)) r.fail('kind', kind, `is not one of ${BODY_KINDS.join(', ')}`);
  const website = r.text('website', e.website);
  if (website && !/^https?:\/\/\S+$/.test(website)) r.fail('website', website, 'is not a web address (http:// or https://)');
  const replacedBy = readReplacedBy(e.replaced_by, r);
  if (!name || !kind || !isBodyKind(kind)) return undefined;
  return {
    name,
    kind,
    ...defined('shortName', r.text('short_name', e.short_name)),
    ...defined('councilType', r.text('council_type', e.council_type)),
    ...defined('website', website),
    ...defined('validFrom', r.date('valid_from', e.valid_from)),
    ...defined('validTo', r.date('valid_to', e.valid_to)),
    ...defined('replacedBy', replacedBy),
  };
}

/** A list of body ids; null or [] says "replaced by none". */
function readReplacedBy(value: unknown, r: EntryReader): BodyRef[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) return [];
  return list(r, 'replaced_by', value, 'text').flatMap((v, j) => {
    const id = r.text(`replaced_by[${j}]`, v, true);
    return id ? [{ id }] : [];
  });
}

function defined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function list(r: EntryReader, field: string, value: unknown): Json[];
function list(r: EntryReader, field: string, value: unknown, of: 'text'): unknown[];
function list(r: EntryReader, field: string, value: unknown, of: 'object' | 'text' = 'object'): unknown[] {
  if (!Array.isArray(value)) {
    r.fail(field, undefined, 'must be a list');
    return [];
  }
  if (of === 'text') return value;
  return value.map((v, i) => {
    if (!isObject(v)) r.fail(`${field}[${i}]`, v, 'must be an object');
    return isObject(v) ? v : {};
  });
}

function areaEntry(r: EntryReader, at: string, a: Json): BodyAreaRecord | undefined {
  r.keys(at, a, AREA_KEYS);
  const code = r.text(`${at}code`, a.code, true);
  const role = r.text(`${at}role`, a.role) ?? 'serves';
  const tier = r.text(`${at}tier`, a.tier) ?? null;
  const validFrom = r.date(`${at}valid_from`, a.valid_from) ?? null;
  const validTo = r.date(`${at}valid_to`, a.valid_to) ?? null;
  return code ? { field: `${at}code`, code, role, tier, validFrom, validTo } : undefined;
}

function memberEntry(r: EntryReader, at: string, m: Json): MemberRecord | undefined {
  r.keys(at, m, MEMBER_KEYS);
  const body = r.text(`${at}body`, m.body, true);
  const role = r.text(`${at}role`, m.role) ?? null;
  const validFrom = r.date(`${at}valid_from`, m.valid_from) ?? null;
  const validTo = r.date(`${at}valid_to`, m.valid_to) ?? null;
  return body ? { field: `${at}body`, body: { id: body }, role, validFrom, validTo } : undefined;
}

function identifierEntry(r: EntryReader, at: string, x: Json): { scheme: string; identifier: string } | undefined {
  const scheme = r.text(`${at}scheme`, x.scheme, true);
  const identifier = r.text(`${at}identifier`, x.identifier, true);
  return scheme && identifier ? { scheme, identifier } : undefined;
}

/**
 * CSV: one body per row. List cells hold items separated by semicolons, parts of an item by colons:
 * areas "code:role[:tier[:valid_from[:valid_to]]]", members "body-id[:role[:valid_from[:valid_to]]]",
 * identifiers "scheme:identifier", replaced_by "body-id". An empty list cell keeps what is recorded.
 */
export function readGenericBodyCsv(table: CsvTable, fileName: string): BodyFileContent {
  const content: BodyFileContent = {
    reader: 'generic-body-csv',
    source: `body file ${fileName}`,
    rowsRead: table.records.length,
    bodies: [],
    skipped: [],
    problems: [],
  };
  for (const { line, values } of table.records) {
    const origin = { line };
    const before = content.problems.length;
    const record = readEntry(csvEntry(values), new EntryReader(origin, content.problems), origin);
    if (content.problems.length === before && record) content.bodies.push(record);
  }
  return content;
}

const LIST_COLUMNS = new Set(['replaced_by', 'identifiers', 'areas', 'members']);

/** A CSV row as the JSON entry it stands for. */
function csvEntry(cells: Record<string, string>): Json {
  // cells lose the formula guard the export put on them (src/platform/formula-guard.ts)
  const values = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, restoreFormulaGuarded(v.trim())]));
  const entry: Json = {};
  for (const c of GENERIC_BODY_COLUMNS) if (values[c] !== undefined && !LIST_COLUMNS.has(c)) entry[c] = values[c]!.trim();
  const items = (c: string) =>
    (values[c] ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split(':').map((p) => p.trim()));
  const part = (key: string, v: string | undefined) => (v ? { [key]: v } : {});
  if (items('replaced_by').length > 0) entry.replaced_by = items('replaced_by').map(([id]) => id);
  if (items('identifiers').length > 0)
    entry.identifiers = items('identifiers').map(([scheme, ...rest]) => ({ scheme, identifier: rest.join(':') }));
  if (items('areas').length > 0) {
    entry.areas = items('areas').map(([code, role, tier, from, to]) => ({
      code,
      ...part('role', role),
      ...part('tier', tier),
      ...part('valid_from', from),
      ...part('valid_to', to),
    }));
  }
  if (items('members').length > 0) {
    entry.members = items('members').map(([body, role, from, to]) => ({
      body,
      ...part('role', role),
      ...part('valid_from', from),
      ...part('valid_to', to),
    }));
  }
  return entry;
}
