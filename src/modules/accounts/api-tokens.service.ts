/**
 * API tokens for machine uploads: each acts for one body, is shown once when issued, is stored
 * only as a hash, and can be revoked.
 */
import { randomUUID } from 'node:crypto';
import { isoInstant } from '../../platform/clock.ts';
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import { ConflictError, NotFoundError, type ProblemDetail, ValidationError } from '../../platform/errors.ts';
import { getBody } from '../bodies/index.ts';
import { audit } from './accounts-audit.ts';
import { toApiTokenSummary } from './accounts.mapper.ts';
import type { ApiTokenSummary, ClockDeps } from './accounts.types.ts';
import { type Actor, type ApiTokenActor, personIdOf } from './actor.ts';
import * as tokens from './api-token.repository.ts';
import { requirePermission } from './permissions.ts';
import { findDisplayNames } from './person.repository.ts';
import { apiTokenHash, MAX_PRESENTED_SECRET_LENGTH, newApiToken } from './secrets.ts';
import { needsTouch } from './session-expiry.ts';

export const MAX_TOKEN_NAME_LENGTH = 100;

function checkName(name: string): ProblemDetail[] {
  const trimmed = name.trim();
  if (trimmed === '') return [{ field: 'name', value: name, reason: 'enter a name that says what the token is for' }];
  if ([...trimmed].length > MAX_TOKEN_NAME_LENGTH)
    return [{ field: 'name', value: name, reason: `must be at most ${MAX_TOKEN_NAME_LENGTH} characters` }];
  return [];
}

/** A new token for a body. `plaintext` is given here once and can never be read again. */
export async function issueApiToken(
  db: Executor,
  actor: Actor,
  input: { bodyId: string; name: string },
  deps: ClockDeps,
): Promise<{ token: ApiTokenSummary; plaintext: string }> {
  requirePermission(actor, 'issue_api_tokens', { bodyId: input.bodyId });
  const problems = checkName(input.name);
  const body = await getBody(db, input.bodyId);
  if (!body) problems.push({ field: 'bodyId', value: input.bodyId, reason: 'is not a known body' });
  if (problems.length > 0) throw new ValidationError('The token cannot be issued as asked; nothing was changed', problems);
  const { plaintext, prefix, hash } = newApiToken();
  const row = {
    id: randomUUID(),
    body_id: input.bodyId,
    name: input.name.trim(),
    prefix,
    token_hash: hash,
    created_by: personIdOf(actor),
    created_at: isoInstant(deps.clock.now()),
    last_used_at: null,
    revoked_at: null,
    revoked_by: null,
  };
  const token = toApiTokenSummary(row);
  await inTransaction(db, async (trx) => {
    await tokens.insertApiToken(trx, row);
    const summary = `Issued API token ${prefix} (${row.name}) for ${body!.name}`;
    await audit(
      trx,
      actor,
      { action: 'api_token.issue', subject: { kind: 'api_token', id: row.id }, bodyId: row.body_id, after: token, summary },
      deps.clock,
    );
  });
  return { token, plaintext };
}

export async function revokeApiToken(db: Executor, actor: Actor, tokenId: string, deps: ClockDeps): Promise<ApiTokenSummary> {
  return inTransaction(db, async (trx) => {
    const row = await tokens.findApiToken(trx, tokenId);
    if (!row)
      throw new NotFoundError(`No API token ${tokenId}`, [
        { field: 'tokenId', value: tokenId, reason: 'is not a known API token' },
      ]);
    requirePermission(actor, 'issue_api_tokens', { bodyId: row.body_id });
    const at = isoInstant(deps.clock.now());
    if ((await tokens.revokeApiTokenRow(trx, tokenId, at, personIdOf(actor))) === 0)
      throw new ConflictError(`API token ${row.prefix} was already revoked`, [
        { field: 'tokenId', value: tokenId, reason: `was revoked at ${row.revoked_at ?? at}` },
      ]);
    const revoked = { ...row, revoked_at: at, revoked_by: personIdOf(actor) };
    await audit(
      trx,
      actor,
      {
        action: 'api_token.revoke',
        subject: { kind: 'api_token', id: tokenId },
        bodyId: row.body_id,
        before: toApiTokenSummary(row),
        after: toApiTokenSummary(revoked),
        summary: `Revoked API token ${row.prefix} (${row.name})`,
      },
      deps.clock,
    );
    return toApiTokenSummary(revoked);
  });
}

/**
 * The body a presented token acts for; null when it is malformed, unknown or revoked. Found by its
 * SHA-256: a lookup by a hash of 32 random bytes gives an attacker nothing to time.
 */
export async function resolveApiToken(db: Executor, presented: string, deps: ClockDeps): Promise<ApiTokenActor | null> {
  const hash = presented.length <= MAX_PRESENTED_SECRET_LENGTH ? apiTokenHash(presented) : undefined;
  const row = hash ? await tokens.findApiTokenByHash(db, hash) : undefined;
  if (!row || row.revoked_at !== null) return null;
  const now = deps.clock.now();
  // Bookkeeping, not a change anyone made: no audit event; at most once a minute.
  if (row.last_used_at === null || needsTouch(row.last_used_at, now)) await tokens.touchApiToken(db, row.id, isoInstant(now));
  return { kind: 'api_token', tokenId: row.id, bodyId: row.body_id, label: `${row.prefix} (${row.name})` };
}

/** A body's tokens, newest first, without their hashes. */
export async function listApiTokens(
  db: Executor,
  actor: Actor,
  bodyId: string,
  options: { includeRevoked?: boolean } = {},
): Promise<ApiTokenSummary[]> {
  requirePermission(actor, 'issue_api_tokens', { bodyId });
  return (await tokens.findApiTokensOfBody(db, bodyId, options.includeRevoked ?? false)).map(toApiTokenSummary);
}

/** A token as the tokens page lists it: who issued it, by name. */
export interface ApiTokenListing extends ApiTokenSummary {
  createdByName: string | null;
}

/** A body's tokens, revoked ones too, newest first, with the names of the people who issued them. */
export async function apiTokensOfBody(db: Executor, actor: Actor, bodyId: string): Promise<ApiTokenListing[]> {
  const listed = await listApiTokens(db, actor, bodyId, { includeRevoked: true });
  const names = await findDisplayNames(
    db,
    listed.flatMap((t) => (t.createdBy === null ? [] : [t.createdBy])),
  );
  return listed.map((t) => ({ ...t, createdByName: t.createdBy === null ? null : (names.get(t.createdBy) ?? null) }));
}

/** One of a body's tokens; undefined when there is no such token, or it is another body's. */
export async function findApiTokenOfBody(
  db: Executor,
  actor: Actor,
  bodyId: string,
  tokenId: string,
): Promise<ApiTokenSummary | undefined> {
  requirePermission(actor, 'issue_api_tokens', { bodyId });
  const row = await tokens.findApiToken(db, tokenId);
  return row && row.body_id === bodyId ? toApiTokenSummary(row) : undefined;
}
