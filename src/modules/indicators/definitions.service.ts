/**
 * Definitions changed by people, with the rule of who may change what: a council's performance
 * officer defines the council's own local indicators (owned by the council: `ownerBodyId`);
 * administrators maintain the national ones (owned by no body). Changing a definition makes a new
 * version, as any save does (versioning.service.ts); the owner never changes.
 */
import type { Clock } from '../../platform/clock.ts';
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import { ForbiddenError, NotFoundError, type ProblemDetail, ValidationError } from '../../platform/errors.ts';
import { type Actor, can, requirePermission } from '../accounts/index.ts';
import { type Body, getBody } from '../bodies/index.ts';
import { getIndicator } from './catalogue.service.ts';
import type { IndicatorDefinition, IndicatorInput, SaveResult } from './indicator.types.ts';
import { formatPath, saveLocated, validateEntries, type LocatedInput } from './versioning.service.ts';

export type DefinitionOutcome = 'created' | 'versioned' | 'unchanged' | 'aliases_updated';

export interface DefinitionSaved {
  definition: IndicatorDefinition;
  outcome: DefinitionOutcome;
}

/**
 * Whether the actor may define indicators of this owner (a council's body id, or null for the
 * national catalogue), before any definition is at hand: for the pages that offer the form. A
 * ForbiddenError when not, a NotFoundError for an unknown body; the owning body when it is one.
 */
export async function requireMayDefine(db: Executor, actor: Actor, ownerBodyId: string | null): Promise<Body | null> {
  if (ownerBodyId === null) {
    requirePermission(actor, 'maintain_national_indicator');
    return null;
  }
  const body = await getBody(db, ownerBodyId);
  if (!body) throw new NotFoundError(`No body ${ownerBodyId}`);
  requirePermission(actor, 'define_local_indicator', { bodyId: body.id, bodyKind: body.kind });
  return body;
}

/** The councils whose local indicators the actor may define, by name. */
export async function councilsDefinableBy(db: Executor, actor: Actor): Promise<Body[]> {
  if (actor.kind !== 'person') return [];
  const bodyIds = [...new Set(actor.grants.flatMap((g) => (g.bodyId === null ? [] : [g.bodyId])))];
  const bodies = await Promise.all(bodyIds.map((id) => getBody(db, id)));
  return bodies
    .filter((b): b is Body => b !== undefined && can(actor, 'define_local_indicator', { bodyId: b.id, bodyKind: b.kind }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Creates or changes a council's own indicator. Its aliases use the council's body id as their
 * scheme, so a council cannot take over an alias the national importers look indicators up by.
 */
export async function defineLocalIndicator(
  db: Executor,
  actor: Actor,
  input: IndicatorInput,
  deps: { clock: Clock },
): Promise<DefinitionSaved> {
  const bodyId = input.ownerBodyId?.trim() ?? '';
  if (bodyId === '') {
    throw new ValidationError('A local indicator names the council that owns it', [
      { field: 'ownerBodyId', reason: 'choose the council whose indicator this is' },
    ]);
  }
  const body = await getBody(db, bodyId);
  if (!body)
    throw new ValidationError(`No body ${bodyId}`, [{ field: 'ownerBodyId', value: bodyId, reason: 'is not a known body' }]);
  requirePermission(actor, 'define_local_indicator', { bodyId, bodyKind: body.kind });
  const entry = validated(input);
  const foreign = entry.input.aliases.filter((a) => a.scheme !== bodyId);
  if (foreign.length > 0) {
    throw new ValidationError(
      `The aliases of ${body.name}'s indicators use the scheme ${bodyId}`,
      foreign.map((a) => ({
        field: 'aliases',
        value: `${a.scheme}:${a.alias}`,
        reason: `write it as ${bodyId}:${a.alias}`,
      })),
    );
  }
  return save(db, actor, entry, deps, (current) => {
    if (current.ownerBodyId === bodyId) return;
    throw new ForbiddenError(
      current.ownerBodyId === null
        ? `${current.code} is a national indicator: administrators maintain it`
        : `${current.code} is a local indicator of ${current.ownerBodyId}, not of ${body.name}`,
    );
  });
}

/** Creates or changes a national indicator (owned by no body): administrators only. */
export async function maintainNationalIndicator(
  db: Executor,
  actor: Actor,
  input: IndicatorInput,
  deps: { clock: Clock },
): Promise<DefinitionSaved> {
  requirePermission(actor, 'maintain_national_indicator');
  const entry = validated(input);
  if (entry.input.ownerBodyId !== null) {
    throw new ValidationError('A national indicator is owned by no body', [
      {
        field: 'ownerBodyId',
        value: entry.input.ownerBodyId,
        reason: 'leave it empty; a council’s own indicators are defined by its performance officers',
      },
    ]);
  }
  return save(db, actor, entry, deps, (current) => {
    if (current.ownerBodyId === null) return;
    throw new ForbiddenError(`${current.code} is a local indicator of ${current.ownerBodyId}: that council maintains it`);
  });
}

function validated(input: IndicatorInput): LocatedInput {
  const { entries, problems } = validateEntries([{ raw: input, locate: (path) => ({ field: formatPath(path) }) }]);
  const entry = entries[0];
  if (problems.length > 0 || !entry)
    throw new ValidationError('The indicator definition is not valid; nothing was saved', problems as ProblemDetail[]);
  return entry;
}

/** Saves in one transaction, after `mayChange` has seen the current definition (if there is one). */
async function save(
  db: Executor,
  actor: Actor,
  entry: LocatedInput,
  deps: { clock: Clock },
  mayChange: (current: IndicatorDefinition) => void,
): Promise<DefinitionSaved> {
  return inTransaction(db, async (trx) => {
    const current = await getIndicator(trx, entry.input.code);
    if (current) mayChange(current);
    const result = await saveLocated(trx, [entry], deps.clock, actor);
    const definition = await getIndicator(trx, entry.input.code);
    if (!definition) throw new Error(`indicator ${entry.input.code} was not saved`);
    return { definition, outcome: outcomeOf(result) };
  });
}

function outcomeOf(r: SaveResult): DefinitionOutcome {
  if (r.created > 0) return 'created';
  if (r.versioned > 0) return 'versioned';
  return r.aliasesUpdated > 0 ? 'aliases_updated' : 'unchanged';
}
