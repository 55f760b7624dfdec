/**
 * National priorities (PSA targets and standards) given in a plan file: a new code is recorded; one
 * recorded with other wording is changed only by those who maintain national definitions
 * (administrators, the command line); the same as recorded changes nothing.
 */
import type { Clock } from '../../platform/clock.ts';
import { isoInstant } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { ProblemDetail } from '../../platform/errors.ts';
import type { Actor } from '../accounts/index.ts';
import { audit } from './plans-audit.ts';
import { toNationalPriority } from './plans.mapper.ts';
import type { NationalPriority } from './plans.types.ts';
import { findNationalPriorityRows, upsertNationalPriority } from './status.repository.ts';

export type PriorityOutcome = 'created' | 'updated' | 'unchanged';

export interface PriorityDecision {
  priority: NationalPriority;
  before: NationalPriority | null;
  outcome: PriorityOutcome;
}

export async function checkNationalPriorities(
  db: Executor,
  given: readonly NationalPriority[],
  mayChange: boolean,
  problems: ProblemDetail[],
): Promise<PriorityDecision[]> {
  const recorded = new Map(
    (
      await findNationalPriorityRows(
        db,
        given.map((p) => p.code),
      )
    ).map((r) => [r.code, toNationalPriority(r)]),
  );
  return given.map((priority) => {
    const before = recorded.get(priority.code) ?? null;
    const same =
      before && before.wording === priority.wording && before.department === priority.department && before.kind === priority.kind;
    if (before && !same && !mayChange)
      problems.push({
        field: 'nationalPriorities',
        value: priority.code,
        reason: `${priority.code} is recorded with other wording ("${before.wording}"); only an administrator may change a national priority`,
      });
    return { priority, before, outcome: !before ? 'created' : same ? 'unchanged' : 'updated' };
  });
}

export async function saveNationalPriorities(
  trx: Executor,
  actor: Actor,
  decisions: readonly PriorityDecision[],
  clock: Clock,
): Promise<void> {
  for (const d of decisions) {
    if (d.outcome === 'unchanged') continue;
    await upsertNationalPriority(trx, { ...toRow(d.priority), updated_at: isoInstant(clock.now()) });
    await audit(
      trx,
      actor,
      {
        action: 'national_priority.save',
        subject: { kind: 'national_priority', id: d.priority.code },
        before: d.before,
        after: d.priority,
        summary: `${d.outcome === 'created' ? 'Recorded' : 'Changed'} the national priority ${d.priority.code}: ${d.priority.wording}`,
      },
      clock,
    );
  }
}

function toRow(p: NationalPriority) {
  return { code: p.code, wording: p.wording, department: p.department, kind: p.kind };
}
