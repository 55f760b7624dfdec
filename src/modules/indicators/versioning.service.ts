/**
 * Saving definitions: new code → version 1; the same definition → unchanged; a changed one → a new
 * current version (with a comparability note when the change is definitional). All or nothing. Each
 * definition created or changed is recorded in the audit log, in the same transaction, as done by
 * the actor given (the command line unless told otherwise).
 */
import type { Kysely } from 'kysely';
import { isoInstant, type Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import { ValidationError, type ProblemDetail } from '../../platform/errors.ts';
import { type Actor, auditActorOf, cliActor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  findAliases,
  findAliasesByText,
  findCodesIgnoringCase,
  findCurrentVersions,
  insertIndicator,
  insertVersion,
  replaceAliases,
  setCurrentVersion,
} from './indicator.repository.ts';
import { groupAliases, toDefinition, toVersionRow } from './indicator.mapper.ts';
import { aliasKey, indicatorInputSchema } from './indicator.schema.ts';
import type { IndicatorInput, SaveResult } from './indicator.types.ts';
import { planVersion, type VersionPlan } from './version-plan.ts';

type Db = Kysely<Database>;

/** Where a field of an entry came from, for messages: a CSV line, column and cell, or a JSON path. */
export type Locate = (path: readonly PropertyKey[]) => { line?: number; field: string; value?: unknown };

/** ['aliases', 0, 'scheme'] → "aliases[0].scheme" */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
}

const byIndex =
  (i: number): Locate =>
  (path) => ({ field: `indicators[${i}].${formatPath(path)}` });

export interface LocatedInput {
  input: IndicatorInput;
  locate: Locate;
}

/** Validate raw entries with the schema; each problem is placed by the entry's own locate. */
export function validateEntries(raws: readonly { raw: unknown; locate: Locate }[]): {
  entries: LocatedInput[];
  problems: ProblemDetail[];
} {
  const entries: LocatedInput[] = [];
  const problems: ProblemDetail[] = [];
  for (const { raw, locate } of raws) {
    const parsed = indicatorInputSchema.safeParse(raw);
    if (parsed.success) {
      entries.push({ input: parsed.data, locate });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const where = locate(issue.path.length > 0 ? issue.path : ['code']);
      const value = 'value' in where ? where.value : valueAt(raw, issue.path);
      problems.push({ line: where.line, field: where.field, value, reason: issue.message });
    }
  }
  return { entries, problems };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), raw);
}

export async function saveIndicatorDefinitions(
  db: Db,
  inputs: IndicatorInput[],
  clock: Clock,
  actor: Actor = cliActor(),
): Promise<SaveResult> {
  const { entries, problems } = validateEntries(inputs.map((raw, i) => ({ raw, locate: byIndex(i) })));
  if (problems.length > 0) throw new ValidationError('Some indicator definitions are not valid; nothing was saved', problems);
  return saveLocated(db, entries, clock, actor);
}

/** Save already-validated entries in one transaction; every problem found is reported and nothing is written. */
export async function saveLocated(
  db: Db,
  entries: readonly LocatedInput[],
  clock: Clock,
  actor: Actor = cliActor(),
): Promise<SaveResult> {
  const run = async (tx: Db): Promise<SaveResult> => {
    const plans = await planAll(tx, entries);
    const result = await apply(tx, entries, plans, isoInstant(clock.now()));
    await auditSaves(tx, entries, plans, actor, clock);
    return result;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

const SAVE_ACTIONS = { create: 'indicator.create', version: 'indicator.version', aliases: 'indicator.aliases' } as const;

/** One audit event for each definition created, versioned or given new aliases. */
async function auditSaves(
  db: Db,
  entries: readonly LocatedInput[],
  plans: readonly VersionPlan[],
  actor: Actor,
  clock: Clock,
): Promise<void> {
  for (const [i, { input }] of entries.entries()) {
    const plan = plans[i]!;
    const kind =
      plan.kind === 'create'
        ? 'create'
        : plan.kind === 'version'
          ? 'version'
          : plan.kind === 'unchanged' && plan.aliasesChanged
            ? 'aliases'
            : undefined;
    if (kind === undefined) continue;
    const version = plan.kind === 'create' || plan.kind === 'version' ? plan.version : undefined;
    const changed = plan.kind === 'version' ? plan.changed : undefined;
    const what = { create: 'Defined', version: `Version ${version} of`, aliases: 'New aliases for' }[kind];
    await recordAudit(
      db,
      {
        actor: auditActorOf(actor),
        action: SAVE_ACTIONS[kind],
        subject: { kind: 'indicator', id: input.code },
        bodyId: input.ownerBodyId,
        indicatorCode: input.code,
        before: version !== undefined && version > 1 ? { version: version - 1 } : null,
        after: { ...(version !== undefined ? { version } : {}), ...(changed ? { changed } : {}), definition: input },
        summary: `${what} indicator ${input.code}${kind === 'create' ? `: ${input.title}` : ''}`.slice(0, 1000),
      },
      clock,
    );
  }
}

async function planAll(db: Db, entries: readonly LocatedInput[]): Promise<VersionPlan[]> {
  const problems: ProblemDetail[] = [];
  const codes = entries.map((e) => e.input.code);
  const currentRows = new Map((await findCurrentVersions(db, codes)).map((r) => [r.indicator_code, r]));
  const aliases = groupAliases(await findAliases(db, codes));
  const seenCodes = new Map<string, number>();
  const plans = entries.map((e, i) => {
    const earlier = seenCodes.get(e.input.code.toLowerCase());
    if (earlier !== undefined) {
      problems.push({
        ...e.locate(['code']),
        value: e.input.code,
        reason: `code ${e.input.code} appears more than once (first as entry ${earlier + 1})`,
      });
    }
    seenCodes.set(e.input.code.toLowerCase(), i);
    const row = currentRows.get(e.input.code);
    const plan = planVersion(
      row && { definition: toDefinition(row, aliases.get(e.input.code) ?? []), fingerprint: row.fingerprint },
      e.input,
    );
    if (plan.kind === 'refused')
      problems.push({ ...e.locate([plan.field]), value: e.input.comparabilityNote, reason: plan.reason });
    return plan;
  });
  problems.push(...(await codeCaseClashes(db, entries, plans)));
  problems.push(...(await aliasConflicts(db, entries)));
  if (problems.length > 0) throw new ValidationError('Some indicator definitions cannot be saved; nothing was saved', problems);
  return plans;
}

/** A new code may not differ from an existing one only by case: look-ups ignore case. */
async function codeCaseClashes(
  db: Db,
  entries: readonly LocatedInput[],
  plans: readonly VersionPlan[],
): Promise<ProblemDetail[]> {
  const created = entries.filter((_, i) => plans[i]?.kind === 'create');
  const existing = await findCodesIgnoringCase(
    db,
    created.map((e) => e.input.code.toLowerCase()),
  );
  return created.flatMap((e) => {
    const clash = existing.find((c) => c.toLowerCase() === e.input.code.toLowerCase());
    return clash
      ? [
          {
            ...e.locate(['code']),
            value: e.input.code,
            reason: `code ${e.input.code} differs from the existing indicator ${clash} only by case`,
          },
        ]
      : [];
  });
}

/** An alias may belong to one indicator only (ignoring case), after this save. */
async function aliasConflicts(db: Db, entries: readonly LocatedInput[]): Promise<ProblemDetail[]> {
  const problems: ProblemDetail[] = [];
  const saving = new Set(entries.map((e) => e.input.code));
  const wanted = entries.flatMap((e) => e.input.aliases.map((a) => ({ entry: e, alias: a })));
  const existing = await findAliasesByText(
    db,
    wanted.map((w) => w.alias.alias.toLowerCase()),
  );
  const owner = new Map<string, string>();
  // aliases of indicators not in this save stay where they are
  for (const row of existing) if (!saving.has(row.indicator_code)) owner.set(aliasKey(row), row.indicator_code);
  for (const { entry, alias } of wanted) {
    const key = aliasKey(alias);
    const other = owner.get(key);
    if (other !== undefined && other !== entry.input.code) {
      problems.push({
        ...entry.locate(['aliases']),
        value: `${alias.scheme}:${alias.alias}`,
        reason: `alias ${alias.scheme}:${alias.alias} of ${entry.input.code} is already used by indicator ${other}`,
      });
      continue;
    }
    owner.set(key, entry.input.code);
  }
  return problems;
}

async function apply(db: Db, entries: readonly LocatedInput[], plans: readonly VersionPlan[], now: string): Promise<SaveResult> {
  const result: SaveResult = { created: 0, versioned: 0, unchanged: 0, aliasesUpdated: 0 };
  // aliases first leave the indicators that give them up, so a move between two indicators never collides
  const aliasChanges = entries.filter((_, i) => {
    const p = plans[i]!;
    return p.kind === 'create' || ((p.kind === 'version' || p.kind === 'unchanged') && p.aliasesChanged);
  });
  for (const e of aliasChanges) await replaceAliases(db, e.input.code, []);
  for (const [i, e] of entries.entries()) {
    const plan = plans[i]!;
    if (plan.kind === 'create') {
      await insertIndicator(db, e.input.code, now);
      await insertVersion(db, toVersionRow(e.input, plan.version, plan.fingerprint, now));
      result.created++;
    } else if (plan.kind === 'version') {
      await insertVersion(db, toVersionRow(e.input, plan.version, plan.fingerprint, now));
      await setCurrentVersion(db, e.input.code, plan.version);
      result.versioned++;
    } else if (plan.kind === 'unchanged') {
      if (plan.aliasesChanged) result.aliasesUpdated++;
      else result.unchanged++;
    }
  }
  for (const e of aliasChanges) await replaceAliases(db, e.input.code, e.input.aliases);
  return result;
}
