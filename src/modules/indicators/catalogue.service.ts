/** Reading the catalogue. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import {
  allAliases,
  allCurrentVersions,
  distinctThemes,
  findAliases,
  findAliasesByText,
  findCodesIgnoringCase,
  findCurrentVersions,
  findVersion,
  findVersions,
  searchCurrentVersions,
} from './indicator.repository.ts';
import { groupAliases, toDefinition } from './indicator.mapper.ts';
import type { IndicatorDefinition, IndicatorQuery } from './indicator.types.ts';

type Db = Kysely<Database>;

/** The current version, or the version asked for. */
export async function getIndicator(db: Db, code: string, version?: number): Promise<IndicatorDefinition | undefined> {
  const row = version === undefined ? (await findCurrentVersions(db, [code]))[0] : await findVersion(db, code, version);
  if (!row) return undefined;
  const aliases = await findAliases(db, [code]);
  return toDefinition(row, aliases);
}

/** Current versions of the codes that exist, keyed by code. */
export async function getIndicators(db: Db, codes: readonly string[]): Promise<Map<string, IndicatorDefinition>> {
  const rows = await findCurrentVersions(db, codes);
  const aliases = groupAliases(
    await findAliases(
      db,
      rows.map((r) => r.indicator_code),
    ),
  );
  return new Map(rows.map((r) => [r.indicator_code, toDefinition(r, aliases.get(r.indicator_code) ?? [])]));
}

export async function listIndicators(db: Db, q: IndicatorQuery): Promise<{ items: IndicatorDefinition[]; total: number }> {
  const { rows, total } = await searchCurrentVersions(db, q);
  const aliases = groupAliases(
    await findAliases(
      db,
      rows.map((r) => r.indicator_code),
    ),
  );
  return { items: rows.map((r) => toDefinition(r, aliases.get(r.indicator_code) ?? [])), total };
}

/** Every version of one indicator, oldest first; values keep the version they were collected under. */
export async function listIndicatorVersions(db: Db, code: string): Promise<IndicatorDefinition[]> {
  const rows = await findVersions(db, code);
  const aliases = await findAliases(db, [code]);
  return rows.map((r) => toDefinition(r, aliases));
}

/** Every current definition, ordered by code (for export). */
export async function allIndicators(db: Db): Promise<IndicatorDefinition[]> {
  const aliases = groupAliases(await allAliases(db));
  return (await allCurrentVersions(db)).map((r) => toDefinition(r, aliases.get(r.indicator_code) ?? []));
}

export async function listThemes(db: Db): Promise<string[]> {
  return distinctThemes(db);
}

/**
 * The catalogue code for a code or an alias. With a scheme, only that scheme's aliases are searched.
 * Without: the exact code, then the code ignoring case, then an alias in any scheme (ignoring case).
 * An answer that would be a guess (two indicators match) is undefined.
 */
export async function resolveIndicatorCode(db: Db, codeOrAlias: string, scheme?: string): Promise<string | undefined> {
  const text = codeOrAlias.trim();
  if (!text) return undefined;
  if (scheme === undefined) {
    const codes = await findCodesIgnoringCase(db, [text.toLowerCase()]);
    if (codes.includes(text)) return text;
    if (codes.length === 1) return codes[0];
    if (codes.length > 1) return undefined;
  }
  const matches = (await findAliasesByText(db, [text.toLowerCase()])).filter(
    (a) => scheme === undefined || a.scheme.toLowerCase() === scheme.trim().toLowerCase(),
  );
  const owners = [...new Set(matches.map((m) => m.indicator_code))];
  return owners.length === 1 ? owners[0] : undefined;
}
