/**
 * The days each rung gives before its deadline: the defaults, overridden for every council ('*') or
 * for one council; the council's own setting wins over the general one, the newest of each over older.
 * A change adds a row with its reason (the history stays) and applies to rungs entered from then on.
 */
import { type Clock, isoInstant } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import { type ProblemDetail, ValidationError } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../accounts/index.ts';
import { getBody } from '../../bodies/index.ts';
import { ANY, DEFAULT_RUNG_DEADLINE_DAYS, type Rung, RUNGS } from '../improvement.types.ts';
import { actorLabel, audit } from './improvement-audit.ts';
import { MAX_REASON } from './rule-versions.service.ts';

/** The most days a rung may give: five years. */
export const MAX_RUNG_DAYS = 1826;

export interface RungDeadlineSetting {
  bodyId: string;
  rung: Rung;
  days: number;
  createdAt: string;
  createdBy: string;
  reason: string;
}

export async function rungDeadlines(db: Executor, bodyId: string): Promise<Record<Rung, number>> {
  const rows = await db.selectFrom('ladder_setting').selectAll().where('body_id', 'in', [ANY, bodyId]).orderBy('id').execute();
  const out: Record<Rung, number> = { ...DEFAULT_RUNG_DEADLINE_DAYS };
  for (const scope of [ANY, bodyId])
    for (const r of rows) if (r.body_id === scope && isRung(r.rung)) out[r.rung] = Number(r.days);
  return out;
}

/** Every setting recorded, oldest first (for one council and the general ones, or all). */
export async function listRungDeadlineSettings(db: Executor, bodyId?: string): Promise<RungDeadlineSetting[]> {
  let q = db.selectFrom('ladder_setting').selectAll().orderBy('id');
  if (bodyId) q = q.where('body_id', 'in', [ANY, bodyId]);
  return (await q.execute()).map((r) => ({
    bodyId: r.body_id,
    rung: isRung(r.rung) ? r.rung : 1,
    days: Number(r.days),
    createdAt: r.created_at,
    createdBy: r.created_by,
    reason: r.reason,
  }));
}

const isRung = (n: number): n is Rung => (RUNGS as readonly number[]).includes(n);

export interface RungDeadlineInput {
  /** a council's id, or '*' for every council */
  bodyId: unknown;
  rung: unknown;
  days: unknown;
  reason: unknown;
}

export async function setRungDeadline(
  db: Executor,
  actor: Actor,
  input: RungDeadlineInput,
  deps: { clock: Clock },
): Promise<Record<Rung, number>> {
  requirePermission(actor, 'configure_improvement');
  const problems: ProblemDetail[] = [];
  const bodyId = await readScope(db, input.bodyId, problems);
  const rung = Number(input.rung);
  if (!isRung(rung)) problems.push({ field: 'rung', value: input.rung, reason: 'must be 1, 2 or 3' });
  const days = Number(input.days);
  if (input.days === '' || input.days === null || !Number.isInteger(days) || days < 1 || days > MAX_RUNG_DAYS)
    problems.push({ field: 'days', value: input.days, reason: `must be a whole number of days from 1 to ${MAX_RUNG_DAYS}` });
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason === '') problems.push({ field: 'reason', value: input.reason, reason: 'say why the deadline changes' });
  else if (reason.length > MAX_REASON) problems.push({ field: 'reason', reason: `must be at most ${MAX_REASON} characters` });
  if (problems.length > 0 || bodyId === null || !isRung(rung))
    throw new ValidationError('The rung deadline cannot be set', problems);
  const before = await rungDeadlines(db, bodyId);
  if (before[rung] === days && (await hasOwnSetting(db, bodyId, rung)))
    throw new ValidationError('The rung deadline cannot be set', [
      { field: 'days', value: input.days, reason: `is already the deadline of rung ${rung}: nothing would change` },
    ]);
  return inTransaction(db, async (trx) => {
    await trx
      .insertInto('ladder_setting')
      .values({
        body_id: bodyId,
        rung,
        days,
        created_at: isoInstant(deps.clock.now()),
        created_by: actorLabel(actor),
        reason,
      })
      .execute();
    await audit(
      trx,
      actor,
      {
        action: 'ladder_setting.set',
        subject: { kind: 'ladder_setting', id: `${bodyId}:${rung}` },
        bodyId: bodyId === ANY ? null : bodyId,
        before: { days: before[rung] },
        after: { days },
        summary: `Rung ${rung} gives ${days} days before its deadline for ${bodyId === ANY ? 'every council' : bodyId} — ${reason}`,
      },
      deps.clock,
    );
    return rungDeadlines(trx, bodyId === ANY ? '' : bodyId);
  });
}

async function hasOwnSetting(db: Executor, bodyId: string, rung: Rung): Promise<boolean> {
  const row = await db
    .selectFrom('ladder_setting')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('rung', '=', rung)
    .executeTakeFirst();
  return row !== undefined;
}

async function readScope(db: Executor, raw: unknown, problems: ProblemDetail[]): Promise<string | null> {
  if (raw === ANY) return ANY;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const body = await getBody(db, raw.trim());
    if (body?.kind === 'council') return body.id;
  }
  problems.push({ field: 'bodyId', value: raw, reason: "must be a council's id, or * for every council" });
  return null;
}
