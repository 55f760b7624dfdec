/**
 * The trigger engine: asks each source for its firings over the gathered facts, records each new
 * firing once (by its fingerprint), opens a case for a subject without an open one or adds the
 * firings to the open case as evidence, then asks the sources of each other open case whether it
 * has recovered and closes it when every source says so. Each case's change is one transaction.
 * Running again with nothing new changes nothing. It escalates nothing: that is `escalateOverdue`.
 */
import { type Clock, isoInstant } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { type Actor, systemActor } from '../../accounts/index.ts';
import { refreshRiskProfiles } from '../assurance/index.ts';
import type { Case, CaseSubject, CouncilFacts, RecoveryCheck, TriggerFiring } from '../improvement.types.ts';
import { transition } from '../rules/index.ts';
import {
  findOpenCaseSources,
  findOpenCaseFor,
  findOpenCaseRows,
  findRecordedFingerprints,
  insertFiring,
  setEventDetail,
} from './case.repository.ts';
import { insertOpenedCase, transitionFacts, writeTransition } from './case-store.ts';
import { snapshotOf, toCase } from './cases.mapper.ts';
import type { TriggerRun, TriggerSource, TriggerSourceContext } from './cases.types.ts';
import { gatherCouncilFacts } from './facts.service.ts';
import { audit } from './improvement-audit.ts';
import { BUILT_IN_SOURCES, comparatorsInUse } from './indicator-rules.source.ts';
import { listRuleVersions, storeDefaultRules } from './rule-versions.service.ts';
import { caseTitle } from './case-title.ts';

export const TRIGGER_ACTOR = systemActor('system: triggers');

export async function runTriggers(
  db: Executor,
  actor: Actor,
  options: { clock: Clock; sources?: readonly TriggerSource[] },
): Promise<TriggerRun> {
  const sources = options.sources ?? BUILT_IN_SOURCES;
  const clock = options.clock;
  await storeDefaultRules(db, clock);
  const rules = await listRuleVersions(db);
  const facts = await gatherCouncilFacts(db, { clock, comparators: comparatorsInUse(rules) });
  const ctx: TriggerSourceContext = { clock, facts, rules };
  const run: TriggerRun = { firingsRecorded: 0, casesOpened: [], casesAddedTo: [], casesRecovered: [], riskProfilesChanged: 0 };
  const fresh = await newFirings(db, sources, ctx);
  for (const firings of bySubject(fresh).values()) await recordFirings(db, firings, facts, clock, run);
  const touched = new Set([...run.casesOpened, ...run.casesAddedTo]);
  const firedBy = await findOpenCaseSources(db);
  for (const row of await findOpenCaseRows(db)) {
    const c = toCase(row);
    if (touched.has(c.id)) continue;
    const check = await recoveryOf(db, c, firedBy.get(c.id) ?? [], sources, ctx);
    if (check && check.clearPeriods >= check.needed) {
      await closeRecovered(db, c, check, clock);
      run.casesRecovered.push(c.id);
    }
  }
  run.riskProfilesChanged = (await refreshRiskProfiles(db, { clock, facts })).changed;
  if (run.firingsRecorded > 0 || run.casesRecovered.length > 0) await auditRun(db, actor, run, clock);
  return run;
}

async function newFirings(db: Executor, sources: readonly TriggerSource[], ctx: TriggerSourceContext): Promise<TriggerFiring[]> {
  const all = (await Promise.all(sources.map((s) => s.fire(db, ctx)))).flat();
  const recorded = await findRecordedFingerprints(
    db,
    all.map((f) => f.fingerprint),
  );
  const seen = new Set<string>();
  return all.filter((f) => {
    if (recorded.has(f.fingerprint) || seen.has(f.fingerprint)) return false;
    seen.add(f.fingerprint);
    return true;
  });
}

const subjectKey = (s: CaseSubject) => `${s.bodyId}\u0000${s.areaCode}\u0000${s.indicatorCode ?? ''}`;

function bySubject(firings: readonly TriggerFiring[]): Map<string, TriggerFiring[]> {
  const out = new Map<string, TriggerFiring[]>();
  for (const f of firings) {
    const key = subjectKey(f);
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
}

/** One subject's new firings: a new case, or evidence added to its open case; one transaction. */
/** A firing's summary as a sentence, so that several read one after another. */
const asSentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

async function recordFirings(
  db: Executor,
  firings: TriggerFiring[],
  facts: readonly CouncilFacts[],
  clock: Clock,
  run: TriggerRun,
): Promise<void> {
  const first = firings[0]!;
  const subject: CaseSubject = { bodyId: first.bodyId, areaCode: first.areaCode, indicatorCode: first.indicatorCode };
  await inTransaction(db, async (trx) => {
    const open = await findOpenCaseFor(trx, subject);
    const current = open ? toCase(open) : null;
    const kinds = [...new Set([...(current?.kinds ?? []), ...firings.map((f) => f.kind)])];
    const tf = await transitionFacts(trx, current, subject, clock);
    const summary = firings.map((f) => asSentence(f.summary)).join(' ');
    if (!current) {
      const rung = Math.max(...firings.map((f) => f.openAtRung)) as 1 | 2 | 3;
      const request = { action: 'open' as const, rung, automatic: true, reason: summary };
      const result = transition(null, request, tf);
      if (!result.ok) throw new ValidationError(result.message);
      const title = caseTitle(subject, firings, facts);
      const c = await insertOpenedCase(trx, subject, title, kinds, { request, result, actor: TRIGGER_ACTOR, clock });
      const ids = await insertFirings(trx, firings, c.id, clock);
      await noteFiringIds(trx, c.id, ids);
      run.casesOpened.push(c.id);
    } else {
      const ids = await insertFirings(trx, firings, current.id, clock);
      const request = { action: 'add_evidence' as const, automatic: true, reason: summary };
      const result = transition(snapshotOf(current), request, tf);
      if (!result.ok) throw new ValidationError(result.message);
      await writeTransition(trx, current, { request, result, actor: TRIGGER_ACTOR, clock, detail: { firingIds: ids } }, kinds);
      run.casesAddedTo.push(current.id);
    }
    run.firingsRecorded += firings.length;
  });
}

async function insertFirings(trx: Executor, firings: TriggerFiring[], caseId: number, clock: Clock): Promise<number[]> {
  const ids: number[] = [];
  for (const f of firings)
    ids.push(
      await insertFiring(trx, {
        source: f.source,
        kind: f.kind,
        rule_id: f.ruleId,
        rule_version: f.ruleVersion,
        body_id: f.bodyId,
        area_code: f.areaCode,
        indicator_code: f.indicatorCode,
        period: f.period,
        fingerprint: f.fingerprint,
        summary: f.summary,
        evidence: JSON.stringify(f.evidence),
        open_at_rung: f.openAtRung,
        case_id: caseId,
        fired_at: isoInstant(clock.now()),
      }),
    );
  return ids;
}

/** The opening event names the firings that opened the case (they are written after it). */
async function noteFiringIds(trx: Executor, caseId: number, ids: number[]): Promise<void> {
  await setEventDetail(trx, caseId, 1, { automatic: true, firingIds: ids });
}

/** Every source that fired into the case must say it has recovered; the combined check. */
async function recoveryOf(
  db: Executor,
  c: Case,
  fired: readonly string[],
  sources: readonly TriggerSource[],
  ctx: TriggerSourceContext,
): Promise<RecoveryCheck | null> {
  const checks: RecoveryCheck[] = [];
  for (const id of fired) {
    const source = sources.find((s) => s.id === id);
    if (!source) return null;
    const check = await source.recovery(db, c, ctx);
    if (!check) return null;
    checks.push(check);
  }
  if (checks.length === 0) return null;
  const needed = Math.max(...checks.map((k) => k.needed));
  const waiting = checks.filter((k) => k.clearPeriods < k.needed);
  // recovered only when every source says so; otherwise the clear periods of the ones still waiting
  const clearPeriods =
    waiting.length === 0
      ? Math.max(needed, ...checks.map((k) => k.clearPeriods))
      : Math.min(...waiting.map((k) => k.clearPeriods));
  return { clearPeriods, needed, summary: checks.map((k) => k.summary).join(' ') };
}

async function closeRecovered(db: Executor, c: Case, check: RecoveryCheck, clock: Clock): Promise<void> {
  await inTransaction(db, async (trx) => {
    const request = { action: 'close_recovered' as const, automatic: true };
    const result = transition(snapshotOf(c), request, await transitionFacts(trx, c, c.subject, clock, check));
    if (!result.ok) throw new ValidationError(result.message);
    await writeTransition(trx, c, { request, result, actor: TRIGGER_ACTOR, clock, detail: { recovery: check } });
  });
}

async function auditRun(db: Executor, actor: Actor, run: TriggerRun, clock: Clock): Promise<void> {
  await inTransaction(db, (trx) =>
    audit(
      trx,
      actor,
      {
        action: 'triggers.run',
        subject: { kind: 'trigger_run', id: isoInstant(clock.now()) },
        after: {
          firingsRecorded: run.firingsRecorded,
          casesOpened: run.casesOpened,
          casesAddedTo: run.casesAddedTo,
          casesRecovered: run.casesRecovered,
        },
        summary: `Ran the triggers: ${run.firingsRecorded} firing${run.firingsRecorded === 1 ? '' : 's'} recorded, ${run.casesOpened.length} case${run.casesOpened.length === 1 ? '' : 's'} opened, ${run.casesAddedTo.length} added to, ${run.casesRecovered.length} closed as recovered`,
      },
      clock,
    ),
  );
}
