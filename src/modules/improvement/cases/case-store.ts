/**
 * Writing a case's transitions: the case row and its event in the caller's transaction, the
 * baseline figure taken afresh whenever the case enters a rung, and the facts a transition needs
 * (the council's rung deadlines, whether the indicator has improved since the rung was entered).
 */
import { type Clock, isoInstant } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { type Actor, personIdOf } from '../../accounts/index.ts';
import { getSeries } from '../../data/index.ts';
import { getIndicator } from '../../indicators/index.ts';
import type {
  Case,
  CaseSubject,
  Polarity,
  RecoveryCheck,
  TransitionFacts,
  TransitionRequest,
  TransitionResult,
} from '../improvement.types.ts';
import { improvedSince } from '../rules/index.ts';
import { findCaseRow, insertCase, insertEvent, nextEventSeq, updateCase } from './case.repository.ts';
import { toCase } from './cases.mapper.ts';
import { actorLabel } from './improvement-audit.ts';
import { rungDeadlines } from './rung-deadlines.service.ts';

export type Transitioned = Extract<TransitionResult, { ok: true }>;

/** The latest published figure of the subject's indicator for its area, and the indicator's direction. */
export async function latestFigure(
  db: Executor,
  subject: CaseSubject,
): Promise<{ value: number; period: string; polarity: Polarity; decimalPlaces: number } | null> {
  if (!subject.indicatorCode) return null;
  const def = await getIndicator(db, subject.indicatorCode);
  if (!def) return null;
  const series = (await getSeries(db, subject.indicatorCode, subject.areaCode)).filter(
    (o) => o.value !== null && Number.isFinite(o.value),
  );
  const last = series[series.length - 1];
  if (!last) return null;
  const polarity: Polarity = def.polarity === 'higher_is_better' || def.polarity === 'lower_is_better' ? def.polarity : 'none';
  return { value: last.value!, period: last.period, polarity, decimalPlaces: def.decimalPlaces };
}

export async function transitionFacts(
  db: Executor,
  c: Pick<Case, 'subject' | 'baselineValue'> | null,
  subject: CaseSubject,
  clock: Clock,
  recovery: RecoveryCheck | null = null,
): Promise<TransitionFacts> {
  const latest = await latestFigure(db, subject);
  return {
    now: clock.now(),
    deadlineDays: await rungDeadlines(db, subject.bodyId),
    improvedSinceRungEntered:
      c && latest ? improvedSince(latest.polarity, c.baselineValue, latest.value, latest.decimalPlaces) : null,
    recovery,
  };
}

interface EventWrite {
  request: TransitionRequest;
  result: Transitioned;
  actor: Actor;
  clock: Clock;
  detail?: Record<string, unknown>;
}

async function insertEventFor(trx: Executor, caseId: number, w: EventWrite): Promise<void> {
  await insertEvent(trx, {
    case_id: caseId,
    seq: await nextEventSeq(trx, caseId),
    action: w.request.action,
    from_state: w.request.action === 'open' ? null : w.result.fromState,
    to_state: w.result.toState,
    from_rung: w.request.action === 'open' ? null : w.result.fromRung,
    to_rung: w.result.toRung,
    reason: w.request.reason?.trim() || null,
    detail: JSON.stringify({
      ...(w.request.ownerName ? { ownerName: w.request.ownerName.trim() } : {}),
      ...(w.request.actionPlan ? { actionPlan: w.request.actionPlan.trim() } : {}),
      ...(w.request.automatic ? { automatic: true } : {}),
      ...w.detail,
    }),
    actor: actorLabel(w.actor),
    actor_person_id: personIdOf(w.actor),
    at: isoInstant(w.clock.now()),
  });
}

/** Writes a new case from an 'open' transition; its baseline is the subject's latest figure. */
export async function insertOpenedCase(
  trx: Executor,
  subject: CaseSubject,
  title: string,
  kinds: string[],
  w: EventWrite,
): Promise<Case> {
  const latest = await latestFigure(trx, subject);
  const next = w.result.next;
  const id = await insertCase(trx, {
    body_id: subject.bodyId,
    area_code: subject.areaCode,
    indicator_code: subject.indicatorCode,
    title,
    state: next.state,
    rung: next.rung,
    owner_name: next.ownerName,
    action_plan: next.actionPlan,
    deadline: next.deadline,
    rung_entered_at: next.rungEnteredAt,
    baseline_value: latest?.value ?? null,
    baseline_period: latest?.period ?? null,
    opened_at: isoInstant(w.clock.now()),
    closed_at: null,
    closed_reason: next.closedReason,
    kinds: JSON.stringify(kinds),
  });
  await insertEventFor(trx, id, w);
  return toCase((await findCaseRow(trx, id))!);
}

/** Writes a transition of an existing case and its event; entering a rung takes a new baseline. */
export async function writeTransition(trx: Executor, c: Case, w: EventWrite, kinds?: string[]): Promise<Case> {
  const next = w.result.next;
  const enteredRung = next.rungEnteredAt !== c.rungEnteredAt;
  const closing = !['open', 'acknowledged', 'action_planned'].includes(next.state);
  const latest = enteredRung ? await latestFigure(trx, c.subject) : null;
  await updateCase(trx, c.id, {
    state: next.state,
    rung: next.rung,
    owner_name: next.ownerName,
    action_plan: next.actionPlan,
    deadline: next.deadline,
    rung_entered_at: next.rungEnteredAt,
    closed_reason: next.closedReason,
    ...(closing ? { closed_at: isoInstant(w.clock.now()) } : {}),
    ...(enteredRung ? { baseline_value: latest?.value ?? null, baseline_period: latest?.period ?? null } : {}),
    ...(kinds ? { kinds: JSON.stringify(kinds) } : {}),
  });
  await insertEventFor(trx, c.id, w);
  return toCase((await findCaseRow(trx, c.id))!);
}
