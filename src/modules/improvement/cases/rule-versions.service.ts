/**
 * Trigger rule versions: listing them, the ones in force, and adding one for a scope (general, one
 * council, one indicator, or both) with a reason. A version is never changed; the defaults are stored
 * as version 1 of each general rule (and the survey indicators' satisfaction rules) the first time.
 */
import { type Clock, isoInstant } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import { type ProblemDetail, ValidationError } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../accounts/index.ts';
import { getBody } from '../../bodies/index.ts';
import { getIndicator } from '../../indicators/index.ts';
import { ANY, TRIGGER_KINDS, type TriggerKind, type TriggerRuleVersion } from '../improvement.types.ts';
import { checkParams, DEFAULT_RULES, ruleInForce } from '../rules/index.ts';
import { toRuleVersion } from './cases.mapper.ts';
import { actorLabel, audit, ruleSubject } from './improvement-audit.ts';
import { findRuleRows, insertRule } from './rule.repository.ts';

export const DEFAULT_RULES_AUTHOR = 'system: default rules';
export const MAX_REASON = 2000;

export async function listRuleVersions(db: Executor): Promise<TriggerRuleVersion[]> {
  return (await findRuleRows(db)).map(toRuleVersion);
}

/** The newest version of every scope that has one: what is in force where it is the most specific. */
export async function rulesInForce(db: Executor): Promise<TriggerRuleVersion[]> {
  const newest = new Map<string, TriggerRuleVersion>();
  for (const v of await listRuleVersions(db)) {
    const key = `${v.kind}\u0000${v.bodyId}\u0000${v.indicatorCode}`;
    const seen = newest.get(key);
    if (!seen || v.version > seen.version) newest.set(key, v);
  }
  return [...newest.values()];
}

/** Stores the defaults as version 1 of each default scope that has no version yet; returns how many. */
export async function storeDefaultRules(db: Executor, clock: Clock): Promise<number> {
  return inTransaction(db, async (trx) => {
    const existing = new Set((await findRuleRows(trx)).map((r) => `${r.kind}\u0000${r.body_id}\u0000${r.indicator_code}`));
    let stored = 0;
    for (const d of DEFAULT_RULES) {
      if (existing.has(`${d.kind}\u0000${d.bodyId}\u0000${d.indicatorCode}`)) continue;
      await insertRule(trx, {
        kind: d.kind,
        body_id: d.bodyId,
        indicator_code: d.indicatorCode,
        version: 1,
        enabled: d.enabled ? 1 : 0,
        params: JSON.stringify(d.params),
        created_at: isoInstant(clock.now()),
        created_by: DEFAULT_RULES_AUTHOR,
        reason: 'The default rules, stored the first time the triggers ran',
      });
      stored += 1;
    }
    return stored;
  });
}

export interface RuleVersionInput {
  kind: unknown;
  /** a council's body id, or '*' (the default) for every council */
  bodyId?: unknown;
  /** an indicator code, or '*' (the default) for every indicator */
  indicatorCode?: unknown;
  enabled?: unknown;
  /** only the parameters that change; the rest carry over from the rule in force for the scope */
  params?: unknown;
  reason: unknown;
}

export async function addRuleVersion(
  db: Executor,
  actor: Actor,
  input: RuleVersionInput,
  deps: { clock: Clock },
): Promise<TriggerRuleVersion> {
  requirePermission(actor, 'configure_improvement');
  const problems: ProblemDetail[] = [];
  const kind = readKind(input.kind, problems);
  const bodyId = await readBody(db, input.bodyId, problems);
  const indicatorCode = await readIndicator(db, input.indicatorCode, problems);
  const reason = readReason(input.reason, problems);
  const enabled = readEnabled(input.enabled, problems);
  if (problems.length > 0 || kind === null || bodyId === null || indicatorCode === null)
    throw new ValidationError('The trigger rule cannot be changed', problems);
  const versions = withDefaults(await listRuleVersions(db));
  const current = ruleInForce(versions, kind, bodyId, indicatorCode);
  const checked = checkParams(kind, input.params ?? {}, current?.params);
  if ('problems' in checked) throw new ValidationError('The trigger rule cannot be changed', checked.problems);
  const nextEnabled = enabled ?? current?.enabled ?? true;
  const sameScope = versions.filter((v) => v.kind === kind && v.bodyId === bodyId && v.indicatorCode === indicatorCode);
  const latest = sameScope[sameScope.length - 1];
  if (latest && latest.enabled === nextEnabled && JSON.stringify(latest.params) === JSON.stringify(checked.params))
    throw new ValidationError(`Version ${latest.version} of the rule is already so: nothing would change`, [
      {
        field: 'params',
        value: input.params ?? {},
        reason: `are those of version ${latest.version} already: nothing would change`,
      },
    ]);
  const version = (latest?.version ?? 0) + 1;
  return inTransaction(db, async (trx) => {
    await storeDefaultRules(trx, deps.clock);
    const id = await insertRule(trx, {
      kind,
      body_id: bodyId,
      indicator_code: indicatorCode,
      version,
      enabled: nextEnabled ? 1 : 0,
      params: JSON.stringify(checked.params),
      created_at: isoInstant(deps.clock.now()),
      created_by: actorLabel(actor),
      reason,
    });
    await audit(
      trx,
      actor,
      {
        action: 'trigger_rule.add_version',
        subject: ruleSubject(kind, bodyId, indicatorCode),
        bodyId: bodyId === ANY ? null : bodyId,
        indicatorCode: indicatorCode === ANY ? null : indicatorCode,
        before: current ? { version: current.version, enabled: current.enabled, params: current.params } : null,
        after: { version, enabled: nextEnabled, params: checked.params },
        summary: `Rule ${kind} for ${bodyId === ANY ? 'every council' : bodyId} and ${indicatorCode === ANY ? 'every indicator' : indicatorCode}: version ${version}${nextEnabled ? '' : ' (switched off)'} — ${reason}`,
      },
      deps.clock,
    );
    return (await listRuleVersions(trx)).find((v) => v.id === id)!;
  });
}

/** The stored versions, with the defaults not yet stored as the version 1 they will be. */
function withDefaults(versions: TriggerRuleVersion[]): TriggerRuleVersion[] {
  const stored = new Set(versions.map((v) => `${v.kind}\u0000${v.bodyId}\u0000${v.indicatorCode}`));
  const unsaved = DEFAULT_RULES.filter((d) => !stored.has(`${d.kind}\u0000${d.bodyId}\u0000${d.indicatorCode}`)).map(
    (d): TriggerRuleVersion => ({
      id: 0,
      kind: d.kind,
      bodyId: d.bodyId,
      indicatorCode: d.indicatorCode,
      version: 1,
      enabled: d.enabled,
      params: d.params,
      createdAt: '',
      createdBy: DEFAULT_RULES_AUTHOR,
      reason: null,
    }),
  );
  return [...unsaved, ...versions];
}

function readKind(raw: unknown, problems: ProblemDetail[]): TriggerKind | null {
  if (typeof raw === 'string' && (TRIGGER_KINDS as readonly string[]).includes(raw)) return raw as TriggerKind;
  problems.push({ field: 'kind', value: raw, reason: `must be one of ${TRIGGER_KINDS.join(', ')}` });
  return null;
}

async function readBody(db: Executor, raw: unknown, problems: ProblemDetail[]): Promise<string | null> {
  if (raw === undefined || raw === null || raw === '' || raw === ANY) return ANY;
  if (typeof raw === 'string') {
    const body = await getBody(db, raw.trim());
    if (body?.kind === 'council') return body.id;
  }
  problems.push({ field: 'bodyId', value: raw, reason: "must be a council's id, or * for every council" });
  return null;
}

async function readIndicator(db: Executor, raw: unknown, problems: ProblemDetail[]): Promise<string | null> {
  if (raw === undefined || raw === null || raw === '' || raw === ANY) return ANY;
  if (typeof raw === 'string') {
    const def = await getIndicator(db, raw.trim());
    if (def) return def.code;
  }
  problems.push({ field: 'indicatorCode', value: raw, reason: 'must be an indicator code, or * for every indicator' });
  return null;
}

function readReason(raw: unknown, problems: ProblemDetail[]): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') problems.push({ field: 'reason', value: raw, reason: 'say why the rule changes' });
  else if (text.length > MAX_REASON)
    problems.push({ field: 'reason', value: `${text.slice(0, 40)}…`, reason: `must be at most ${MAX_REASON} characters` });
  return text;
}

function readEnabled(raw: unknown, problems: ProblemDetail[]): boolean | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (raw === true || raw === 'true' || raw === 'on' || raw === 'yes') return true;
  if (raw === false || raw === 'false' || raw === 'off' || raw === 'no') return false;
  problems.push({ field: 'enabled', value: raw, reason: 'must be true or false' });
  return null;
}
