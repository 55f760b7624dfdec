/**
 * The triggers as a job after each write the server answers (following the judging of targets): a
 * run is skipped when nothing it reads has changed since the last — the published data (the data
 * version), the newest target judgement, the newest rule version, the collection deadlines, the newest
 * case event (the risk profiles count open cases by rung), the risk model's version (every council is
 * scored again under a new one) and the date (a figure becomes late with the day). Runs as the system.
 */
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { latestRiskModelVersion } from '../assurance/index.ts';
import type { TriggerRun, TriggerSource } from './cases.types.ts';
import { latestRuleId, triggerInputMarks } from './rule.repository.ts';
import { runTriggers, TRIGGER_ACTOR } from './trigger-engine.service.ts';

export interface TriggersAfterWrites {
  db: Executor;
  clock: Clock;
  /** a stamp that changes whenever published data may have changed */
  dataVersion: () => Promise<string>;
  sources?: readonly TriggerSource[];
  onRun?: (run: TriggerRun) => void;
}

/** The job: runs the triggers when their inputs have changed since its last run; null when skipped. */
export function triggersAfterWrites(deps: TriggersAfterWrites): () => Promise<TriggerRun | null> {
  let last: string | null = null;
  return async () => {
    const stamp = await inputStamp(deps);
    if (stamp === last) return null;
    const run = await runTriggers(deps.db, TRIGGER_ACTOR, {
      clock: deps.clock,
      ...(deps.sources ? { sources: deps.sources } : {}),
    });
    // the run's own writes (rules stored the first time) are part of what it has seen
    last = await inputStamp(deps);
    deps.onRun?.(run);
    return run;
  };
}

async function inputStamp(deps: TriggersAfterWrites): Promise<string> {
  const marks = await triggerInputMarks(deps.db);
  return [
    await deps.dataVersion(),
    marks.assessment,
    marks.deadlines,
    marks.caseEvent,
    await latestRuleId(deps.db),
    await latestRiskModelVersion(deps.db),
    deps.clock.now().toISOString().slice(0, 10),
  ].join('|');
}
