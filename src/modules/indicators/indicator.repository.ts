/** All SQL for the indicator catalogue (tables indicator, indicator_version, indicator_alias). */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, IndicatorVersionRow } from '../../platform/db/schema.ts';

export type Executor = Kysely<Database> | Transaction<Database>;
export type NewIndicatorVersionRow = IndicatorVersionRow;
export interface AliasRow {
  indicator_code: string;
  scheme: string;
  alias: string;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** `like` pattern matching `text` anywhere, with the wildcards in it taken literally. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function findVersion(db: Executor, code: string, version: number): Promise<IndicatorVersionRow | undefined> {
  return db
    .selectFrom('indicator_version')
    .selectAll()
    .where('indicator_code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function findCurrentVersions(db: Executor, codes: readonly string[]): Promise<IndicatorVersionRow[]> {
  const rows: IndicatorVersionRow[] = [];
  for (const part of chunks([...new Set(codes)])) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db
        .selectFrom('indicator_version as v')
        .innerJoin('indicator as i', (j) =>
          j.onRef('i.code', '=', 'v.indicator_code').onRef('i.current_version', '=', 'v.version'),
        )
        .selectAll('v')
        .where('v.indicator_code', 'in', part)
        .execute()),
    );
  }
  return rows;
}

export async function findVersions(db: Executor, code: string): Promise<IndicatorVersionRow[]> {
  return db.selectFrom('indicator_version').selectAll().where('indicator_code', '=', code).orderBy('version').execute();
}

export async function findAliases(db: Executor, codes: readonly string[]): Promise<AliasRow[]> {
  const rows: AliasRow[] = [];
  for (const part of chunks([...new Set(codes)])) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db
        .selectFrom('indicator_alias')
        .select(['indicator_code', 'scheme', 'alias'])
        .where('indicator_code', 'in', part)
        .orderBy('indicator_code')
        .orderBy('scheme')
        .orderBy('alias')
        .execute()),
    );
  }
  return rows;
}

/** Alias rows whose lower-cased alias is one of `lowerAliases` (scheme compared by the caller). */
export async function findAliasesByText(db: Executor, lowerAliases: readonly string[]): Promise<AliasRow[]> {
  const rows: AliasRow[] = [];
  for (const part of chunks([...new Set(lowerAliases)])) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db
        .selectFrom('indicator_alias')
        .select(['indicator_code', 'scheme', 'alias'])
        .where(sql<string>`lower(alias)`, 'in', part)
        .execute()),
    );
  }
  return rows;
}

/** Existing codes whose lower-case form is one of `lowerCodes`. */
export async function findCodesIgnoringCase(db: Executor, lowerCodes: readonly string[]): Promise<string[]> {
  const codes: string[] = [];
  for (const part of chunks([...new Set(lowerCodes)])) {
    if (part.length === 0) continue;
    const rows = await db
      .selectFrom('indicator')
      .select('code')
      .where(sql<string>`lower(code)`, 'in', part)
      .orderBy('code')
      .execute();
    codes.push(...rows.map((r) => r.code));
  }
  return codes;
}

export async function insertIndicator(db: Executor, code: string, createdAt: string): Promise<void> {
  await db.insertInto('indicator').values({ code, current_version: 1, created_at: createdAt }).execute();
}

export async function setCurrentVersion(db: Executor, code: string, version: number): Promise<void> {
  await db.updateTable('indicator').set({ current_version: version }).where('code', '=', code).execute();
}

export async function insertVersion(db: Executor, row: NewIndicatorVersionRow): Promise<void> {
  await db.insertInto('indicator_version').values(row).execute();
}

export async function replaceAliases(
  db: Executor,
  code: string,
  aliases: readonly { scheme: string; alias: string }[],
): Promise<void> {
  await db.deleteFrom('indicator_alias').where('indicator_code', '=', code).execute();
  if (aliases.length === 0) return;
  await db
    .insertInto('indicator_alias')
    .values(aliases.map((a) => ({ indicator_code: code, scheme: a.scheme, alias: a.alias })))
    .execute();
}

/** Current versions matching the query, ordered by code, with the total before paging. */
export async function searchCurrentVersions(
  db: Executor,
  q: { q?: string; theme?: string; owner?: string | null; limit: number; offset: number },
): Promise<{ rows: IndicatorVersionRow[]; total: number }> {
  let query = db
    .selectFrom('indicator_version as v')
    .innerJoin('indicator as i', (j) => j.onRef('i.code', '=', 'v.indicator_code').onRef('i.current_version', '=', 'v.version'));
  const text = q.q?.trim();
  if (text) {
    const pattern = containsPattern(text);
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`lower(v.indicator_code)`, 'like', sql<string>`${pattern} escape '\\'`),
        eb(sql<string>`lower(v.title)`, 'like', sql<string>`${pattern} escape '\\'`),
        eb.exists(
          eb
            .selectFrom('indicator_alias as a')
            .select('a.alias')
            .whereRef('a.indicator_code', '=', 'v.indicator_code')
            .where(sql<string>`lower(a.alias)`, 'like', sql<string>`${pattern} escape '\\'`),
        ),
      ]),
    );
  }
  if (q.theme) query = query.where(sql<string>`lower(v.theme)`, '=', q.theme.toLowerCase());
  if (q.owner === null) query = query.where('v.owner_body_id', 'is', null);
  else if (q.owner !== undefined) query = query.where('v.owner_body_id', '=', q.owner);
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query.selectAll('v').orderBy('v.indicator_code').limit(q.limit).offset(q.offset).execute();
  return { rows, total: Number(count?.n ?? 0) };
}

/** Every current version, ordered by code. */
export async function allCurrentVersions(db: Executor): Promise<IndicatorVersionRow[]> {
  return db
    .selectFrom('indicator_version as v')
    .innerJoin('indicator as i', (j) => j.onRef('i.code', '=', 'v.indicator_code').onRef('i.current_version', '=', 'v.version'))
    .selectAll('v')
    .orderBy('v.indicator_code')
    .execute();
}

export async function allAliases(db: Executor): Promise<AliasRow[]> {
  return db.selectFrom('indicator_alias').select(['indicator_code', 'scheme', 'alias']).orderBy('indicator_code').execute();
}

export async function distinctThemes(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('indicator_version as v')
    .innerJoin('indicator as i', (j) => j.onRef('i.code', '=', 'v.indicator_code').onRef('i.current_version', '=', 'v.version'))
    .select('v.theme')
    .distinct()
    .where('v.theme', 'is not', null)
    .orderBy('v.theme')
    .execute();
  return rows.map((r) => r.theme).filter((t): t is string => t !== null);
}
