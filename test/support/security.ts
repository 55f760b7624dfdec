/**
 * Attack tests' shared pieces: a small data set whose names and texts are hostile (markup, script
 * URLs, spreadsheet formulas), imported through the same service functions the CLI's import
 * commands run; the database's row counts, to show an attack changed nothing; the GET and write routes of
 * the app's route table; and checks of a parsed page for anything a browser would run.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import type { SubmittedFile } from '../../src/platform/files.ts';
import { importAreaFile, importBoundaryFile } from '../../src/modules/places/index.ts';
import { importBodyFile } from '../../src/modules/bodies/index.ts';
import { importIndicatorFile } from '../../src/modules/indicators/index.ts';
import { importObservations } from '../../src/modules/data/index.ts';
import { importComparatorGroups } from '../../src/modules/analysis/index.ts';
import { cliActor } from '../../src/modules/accounts/index.ts';
import { importPlans } from '../../src/modules/plans/index.ts';
import { seedAreas } from './analysis-factories.ts';
import { parsePage, type HTMLElement } from './site-dom.ts';

type Db = Kysely<Database>;

/** Markup and script URLs people put in names and texts, hoping a page will run them. */
export const SCRIPT_TAG = '<script>alert(1)</script>';
export const IMG_ONERROR = '"><img src=x onerror=alert(1)>';
export const SVG_ONLOAD = '<svg onload=alert(1)>';
export const JS_URL = 'javascript:alert(1)';
export const LINK_JS_URL = '<a href="javascript:alert(1)">click me</a>';

/** Text cells a spreadsheet would run as a formula. */
export const FORMULAS = {
  equals: '=HYPERLINK("http://evil.example","Bury")',
  plus: '+1+1 Manchester',
  minus: '-2+3 Wigan',
  at: '@SUM(1,1) Salford',
  tab: '\t=1+1 Bolton',
  carriageReturn: '\r=1+1 Oldham',
} as const;
/** A carriage return inside a text: a spreadsheet that ends the row there would run what follows. */
export const CR_INSIDE = "Survey\r=1+1*cmd|' /C calc'!A0";

export const ENGLAND = 'E92000001';
export const NORTH_WEST = 'E12000002';
export const TRAFFORD = 'E08000009';
export const STOCKPORT = 'E08000007';
export const TRAFFORD_WARD = 'E05000001';

/** The areas, their names hostile. Tab and carriage return cannot come through an import (cells are trimmed). */
export const HOSTILE_AREAS = [
  { code: TRAFFORD, name: `Trafford ${SCRIPT_TAG}`, type: 'metropolitan_district' },
  { code: STOCKPORT, name: `${IMG_ONERROR} Stockport`, type: 'metropolitan_district' },
  { code: 'E08000002', name: FORMULAS.equals, type: 'metropolitan_district' },
  { code: 'E08000003', name: FORMULAS.plus, type: 'metropolitan_district' },
  { code: 'E08000010', name: FORMULAS.minus, type: 'metropolitan_district' },
  { code: 'E08000006', name: FORMULAS.at, type: 'metropolitan_district' },
] as const;
export const WRITTEN_AREAS = [
  { code: 'E08000001', name: FORMULAS.tab, type: 'metropolitan_district' },
  { code: 'E08000004', name: FORMULAS.carriageReturn, type: 'metropolitan_district' },
] as const;
export const HOSTILE_WARDS = [
  { code: TRAFFORD_WARD, name: `${SVG_ONLOAD} Ward`, type: 'ward', imdRank: 100 },
  { code: 'E05000002', name: `${JS_URL} Ward`, type: 'ward', imdRank: 20000 },
] as const;

export const XSS_INDICATOR = 'XSS1';
export const FORMULA_INDICATOR = 'FORMULA1';

/** Trafford's XSS1 figure in 2023/24: a real negative number, which must stay a number in every CSV. */
export const NEGATIVE_VALUE = -3.5;

export const XSS_DEFINITION = {
  code: XSS_INDICATOR,
  title: `${SCRIPT_TAG} Recycling`,
  description: `${IMG_ONERROR} The change in waste recycled. See ${JS_URL}`,
  rationale: LINK_JS_URL,
  unit: 'score',
  decimalPlaces: 1,
  polarity: 'higher_is_better',
  areaAggregation: 'none',
  timeAggregation: 'latest',
  frequency: 'annual',
  periodType: 'financial_year',
  areaTypes: ['country', 'region', 'metropolitan_district', 'ward'],
  theme: `${SVG_ONLOAD} environment`,
  source: JS_URL,
  comparabilityNote: LINK_JS_URL,
};

export const FORMULA_DEFINITION = {
  ...XSS_DEFINITION,
  code: FORMULA_INDICATOR,
  title: FORMULAS.equals,
  description: FORMULAS.at,
  rationale: FORMULAS.plus,
  theme: FORMULAS.minus,
  source: CR_INSIDE,
  comparabilityNote: null,
};

export const HOSTILE_BODY = {
  id: 'evil-partner',
  name: `${FORMULAS.equals} ${SCRIPT_TAG}`,
  kind: 'partner',
  short_name: FORMULAS.at,
  website: 'https://example.org/',
};

export const HOSTILE_GROUP = { id: 'evil-group', name: `${FORMULAS.at} ${IMG_ONERROR}` };

/** A Local Area Agreement of the hostile body's: its title, purpose, theme, outcome, target and action hostile too. */
export const HOSTILE_PLAN = {
  id: 'evil-plan',
  kind: 'laa',
  owner: HOSTILE_BODY.id,
  area: TRAFFORD,
  title: `${FORMULAS.equals} ${SCRIPT_TAG}`,
  vision: `${IMG_ONERROR} ${LINK_JS_URL}`,
  disclaimer: FORMULAS.at,
  inForceFrom: '2024-04-01',
  publish: true,
  items: [
    { kind: 'theme', key: 'evil', title: `${FORMULAS.plus} ${SVG_ONLOAD}` },
    { kind: 'priority', key: 'worse', parent: 'evil', title: FORMULAS.minus, description: JS_URL },
    {
      kind: 'target',
      key: 'T1',
      parent: 'worse',
      title: `${FORMULAS.equals} ${IMG_ONERROR}`,
      indicator: XSS_INDICATOR,
      baseline: { period: '2022/23', value: 10 },
      target: { period: '2025/26', value: 20 },
      lead: FORMULAS.at,
    },
    { kind: 'action', key: 'A1', parent: 'worse', title: `${FORMULAS.at} ${SCRIPT_TAG}`, due: '2026-03-31', lead: CR_INSIDE },
  ],
} as const;

/** The observations file's name, kept in the import log (and its CSV). */
export const HOSTILE_FILE_NAME = `${FORMULAS.equals}.csv`;

const clock = () => fixedClock('2025-06-01T09:00:00.000Z');

function csvFile(name: string, rows: readonly (readonly (string | number)[])[]): SubmittedFile {
  return { name, content: Buffer.from(stringify(rows as (string | number)[][])) };
}

/** The districts' figures, 2022/23 and 2023/24 (Trafford's latest is the negative one). */
function hostileObservationRows(): (string | number)[][] {
  const districts = [...HOSTILE_AREAS, ...WRITTEN_AREAS].map((a) => a.code);
  const rows: (string | number)[][] = [];
  districts.forEach((code, i) => {
    rows.push([XSS_INDICATOR, code, '2022/23', 10 + i]);
    rows.push([XSS_INDICATOR, code, '2023/24', code === TRAFFORD ? NEGATIVE_VALUE : 12 + i]);
    rows.push([FORMULA_INDICATOR, code, '2023/24', code === TRAFFORD ? NEGATIVE_VALUE : 5 + i]);
  });
  for (const [code, value] of [
    [ENGLAND, 1.5],
    [NORTH_WEST, 0.5],
    [TRAFFORD_WARD, -1.25],
    ['E05000002', 4],
  ] as const) {
    rows.push([XSS_INDICATOR, code, '2022/23', value + 1]);
    rows.push([XSS_INDICATOR, code, '2023/24', value]);
  }
  return rows;
}

/** Boundaries for the districts' map: a square each, named as hostile as the areas. */
export function hostileBoundaries(): SubmittedFile {
  const districts = [...HOSTILE_AREAS, ...WRITTEN_AREAS];
  return {
    name: 'hostile-districts.geojson',
    content: JSON.stringify({
      type: 'FeatureCollection',
      name: `${SCRIPT_TAG} districts`,
      features: districts.map((d, i) => {
        const x = -2.8 + (i % 4) * 0.2;
        const y = 53.3 + Math.floor(i / 4) * 0.15;
        return {
          type: 'Feature',
          properties: { area_code: d.code, area_name: d.name },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [x, y],
                [x + 0.2, y],
                [x + 0.2, y + 0.15],
                [x, y + 0.15],
                [x, y],
              ],
            ],
          },
        };
      }),
    }),
  };
}

/**
 * The hostile data set, through the importers the CLI runs (places, bodies, indicators, data,
 * analysis, plans): England, the North West, eight metropolitan districts and two wards with hostile
 * names, two indicators with hostile texts and their figures, a boundary set, a partner body, a
 * comparator group and a Local Area Agreement.
 */
export async function seedHostileData(db: Db): Promise<void> {
  await importAreaFile(
    db,
    csvFile('areas.csv', [
      ['code', 'name', 'type', 'parent_codes', 'imd_rank'],
      [ENGLAND, 'England', 'country', '', ''],
      [NORTH_WEST, 'North West', 'region', ENGLAND, ''],
      ...HOSTILE_AREAS.map((a) => [a.code, a.name, a.type, NORTH_WEST, '']),
      ...HOSTILE_WARDS.map((a) => [a.code, a.name, a.type, TRAFFORD, a.imdRank]),
    ]),
    { clock: clock() },
  );
  // Names that start with a tab or a carriage return, as a later upload path might store them.
  await seedAreas(
    db,
    WRITTEN_AREAS.map((a) => ({ ...a, parents: [NORTH_WEST] })),
  );
  await importIndicatorFile(
    db,
    { name: 'indicators.json', content: JSON.stringify({ indicators: [XSS_DEFINITION, FORMULA_DEFINITION] }) },
    { clock: clock() },
  );
  await importObservations(
    db,
    csvFile(HOSTILE_FILE_NAME, [['indicator', 'area', 'period', 'value'], ...hostileObservationRows()]),
    {
      clock: clock(),
    },
  );
  await importBoundaryFile(db, hostileBoundaries(), { clock: clock() });
  await importBodyFile(
    db,
    { name: 'bodies.json', content: JSON.stringify({ bodies: [{ ...HOSTILE_BODY, areas: [{ code: TRAFFORD }] }] }) },
    { clock: clock() },
  );
  await importComparatorGroups(
    db,
    csvFile('groups.csv', [
      ['group_id', 'group_name', 'kind', 'anchor', 'area_code'],
      ...[STOCKPORT, 'E08000002', 'E08000003'].map((m) => [HOSTILE_GROUP.id, HOSTILE_GROUP.name, 'custom', TRAFFORD, m]),
    ]),
    { clock: clock() },
  );
  await importPlans(
    db,
    cliActor(),
    { name: 'plans.json', content: JSON.stringify({ plans: [HOSTILE_PLAN] }) },
    { clock: clock() },
  );
}

/** Rows in every table of the database, by table name. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const counts: Record<string, number> = {};
  for (const name of tables) {
    const row = await (db as unknown as Kysely<Record<string, object>>)
      .selectFrom(name)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[name] = Number(row.n);
  }
  return counts;
}

/**
 * Each route of the app's route table with its methods, read from `printRoutes` (one path segment a
 * line, indented four characters a level under its parent); `method` keeps only that method's part
 * of the tree.
 */
function printedRoutes(app: FastifyInstance, method?: string): { path: string; methods: string[] }[] {
  const tree = app.printRoutes({ commonPrefix: false, ...(method ? { method } : {}) });
  const stack: { depth: number; path: string }[] = [];
  const routes: { path: string; methods: string[] }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│]*)(?:├── |└── )(.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const path = (stack[stack.length - 1]?.path ?? '') + m[2]!;
    stack.push({ depth, path });
    routes.push({ path: path.replace(/^\/\//, '/'), methods: m[3]!.split(',').map((one) => one.trim()) });
  }
  return routes;
}

/** Every GET route of the app's route table. */
export function getRoutes(app: FastifyInstance): string[] {
  const routes = new Set<string>();
  for (const { path, methods } of printedRoutes(app, 'GET')) if (methods.includes('GET')) routes.add(path);
  return [...routes].sort();
}

export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every write route of the app's route table (POST, PUT, PATCH, DELETE), as `METHOD /path`. */
export function getWriteRoutes(app: FastifyInstance): string[] {
  const routes = new Set<string>();
  for (const { path, methods } of printedRoutes(app))
    for (const method of methods) if ((WRITE_METHODS as readonly string[]).includes(method)) routes.add(`${method} ${path}`);
  return [...routes].sort();
}

const SCRIPT_URL = /^(javascript|vbscript|data):/;
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'srcdoc'];
const EMBEDDING_ELEMENTS = 'iframe,object,embed,foreignObject,foreignobject,base,meta[http-equiv]';

export interface ScriptPolicy {
  /** the policy's script-src names this site ('self') */
  self: boolean;
  nonce: string | undefined;
  /** the inline scripts it allows by hash: `sha256-…` */
  hashes: string[];
  unsafeInline: boolean;
  unsafeEval: boolean;
}

/** The script sources of a Content Security Policy. */
export function scriptPolicy(csp: string): ScriptPolicy {
  const scriptSrc = csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src '));
  const words = scriptSrc?.split(/\s+/).slice(1) ?? [];
  return {
    self: words.includes("'self'"),
    nonce: words.map((w) => /^'nonce-([^']+)'$/.exec(w)?.[1]).find((n) => n !== undefined),
    hashes: words.map((w) => /^'(sha256-[^']+)'$/.exec(w)?.[1]).filter((h): h is string => h !== undefined),
    unsafeInline: words.includes("'unsafe-inline'"),
    unsafeEval: words.includes("'unsafe-eval'"),
  };
}

/** Would this policy let the script run? From this site, or inline with the policy's nonce or hash. */
function scriptAllowed(script: HTMLElement, policy: ScriptPolicy): boolean {
  const src = script.getAttribute('src');
  if (src !== undefined) return policy.self && src.startsWith('/') && !src.startsWith('//');
  if (policy.nonce !== undefined && script.getAttribute('nonce') === policy.nonce) return true;
  const hash = `sha256-${createHash('sha256').update(script.rawText, 'utf8').digest('base64')}`;
  return policy.hashes.includes(hash);
}

/**
 * What in a parsed page a browser would run that the page did not mean to: a script the page's
 * policy would not allow or that calls alert, an event-handler attribute, a script URL, an
 * embedding element. An empty list means none.
 */
export function runnableMarkup(document: HTMLElement, csp: string): string[] {
  const found: string[] = [];
  const policy = scriptPolicy(csp);
  for (const script of document.querySelectorAll('script')) {
    if (!scriptAllowed(script, policy)) found.push(`a script the policy does not allow: ${script.outerHTML}`);
    if (/alert\(/.test(script.rawText)) found.push(`an injected script: ${script.outerHTML}`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const [name, value] of Object.entries(el.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push(`an event handler ${name} on <${el.tagName.toLowerCase()}>`);
      // Browsers ignore whitespace and control characters inside a URL's scheme.
      const scheme = [...value]
        .filter((c) => c.charCodeAt(0) > 0x20)
        .join('')
        .toLowerCase();
      if (URL_ATTRIBUTES.includes(lower) && SCRIPT_URL.test(scheme) && !scheme.startsWith('data:image/'))
        found.push(`a script URL in ${name} on <${el.tagName.toLowerCase()}>: ${value}`);
    }
  }
  for (const el of document.querySelectorAll(EMBEDDING_ELEMENTS))
    found.push(`an embedding element <${el.tagName.toLowerCase()}>`);
  return found;
}

export interface CrawledPage {
  url: string;
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

/**
 * The site's pages reachable from `start` by following links, as a person would: same-site page
 * links only (not the API, downloads, assets or in-page anchors), at most `limit` pages.
 */
export async function crawlPages(app: FastifyInstance, start: readonly string[], limit = 150): Promise<Map<string, CrawledPage>> {
  const pages = new Map<string, CrawledPage>();
  const queue = [...start];
  while (queue.length > 0 && pages.size < limit) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const response = await app.inject({ method: 'GET', url });
    pages.set(url, { url, status: response.statusCode, headers: response.headers, body: response.body });
    if (!String(response.headers['content-type']).startsWith('text/html')) continue;
    for (const a of parsePage(response.body).querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') ?? '';
      if (!href.startsWith('/') || href.startsWith('//') || /^\/(api|static|assets)\b/.test(href)) continue;
      if (href.includes('format=csv') || href.startsWith('/#') || a.hasAttribute('download')) continue;
      const target = href.split('#')[0]!;
      if (!pages.has(target) && !queue.includes(target)) queue.push(target);
    }
  }
  return pages;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEGATIVE_NUMBER = /^-\d[\d,]*(\.\d+)?$/;

/** A carriage return outside quotes, where a spreadsheet would end the row. */
export function hasBareCarriageReturn(csv: string): boolean {
  let quoted = false;
  for (const c of csv) {
    if (c === '"') quoted = !quoted;
    else if (c === '\r' && !quoted) return true;
  }
  return false;
}

/** A CSV's rows (header first), as a spreadsheet would split them. */
export function csvRows(csv: string): string[][] {
  return parse(csv, { relax_column_count: false }) as string[][];
}

/**
 * What in a CSV download a spreadsheet would run: a cell starting with = + - @, tab or carriage
 * return that is not a plain negative number, and a bare carriage return; and a negative number
 * spoilt by the apostrophe that guards formulas.
 */
export function formulaProblems(name: string, csv: string): string[] {
  const problems: string[] = [];
  if (hasBareCarriageReturn(csv)) problems.push(`${name}: a carriage return outside quotes`);
  const [header = [], ...rows] = csvRows(csv);
  rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      const where = `${name} row ${i + 2}, column ${header[j] ?? j}`;
      if (FORMULA_START.test(cell) && !NEGATIVE_NUMBER.test(cell)) problems.push(`${where}: ${JSON.stringify(cell)} would run`);
      if (/^'-\d[\d,]*(\.\d+)?$/.test(cell)) problems.push(`${where}: the number ${cell.slice(1)} is written as text`);
    }),
  );
  return problems;
}
