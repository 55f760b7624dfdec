/**
 * The matrix's entries for the case pages' forms. A case form acts on a new case of Trafford's opened
 * on rung 3 (central government's) by a trigger source of the matrix's own: an assessor may act on
 * it; Trafford's own officer may not on that rung, nor Stockport's officer on Trafford's case. A new
 * version of a trigger rule is an administrator's or an assessor's to add, never a council's.
 */
import { cliActor } from '../../src/modules/accounts/index.ts';
import { caseUrls, runTriggers, type TriggerSource } from '../../src/modules/improvement/index.ts';
import { TRAFFORD, TRAFFORD_AREA } from '../support/submission-factories.ts';
import type { Guard, PageEntry } from './entry.ts';
import { pageForm } from './requests.ts';
import type { World } from './world.ts';

let made = 0;

/** Fires once for Trafford on an indicator of its own, opening a new case on rung 3. */
function onceOnRung3(n: number): TriggerSource {
  return {
    id: 'matrix',
    name: 'The authorisation matrix',
    fire: async () => [
      {
        source: 'matrix',
        kind: 'matrix',
        ruleId: null,
        ruleVersion: null,
        bodyId: TRAFFORD,
        areaCode: TRAFFORD_AREA,
        indicatorCode: `MATRIX${n}`,
        period: null,
        fingerprint: `matrix-${n}`,
        summary: `The matrix’s case ${n}`,
        evidence: { n },
        openAtRung: 3,
      },
    ],
    recovery: async () => null,
  };
}

/** A new open case of Trafford's on rung 3; its id. */
async function caseOnRung3(w: World): Promise<number> {
  const run = await runTriggers(w.db, cliActor(), { clock: w.clock, sources: [onceOnRung3(++made)] });
  const id = run.casesOpened[0];
  if (id === undefined) throw new Error('the matrix’s trigger source opened no case');
  return id;
}

/** Central government's rung: assessors act; the council's own officer and another council's are refused. */
const CASE_ON_RUNG_3: Guard = {
  rightRole: 'assessor',
  wrongBody: 'stockportOfficer',
  withoutRole: 'traffordOfficer',
  names: { wrongBody: 'another council’s officer', withoutRole: 'the council’s own officer, on central government’s rung' },
};

/** Configuring the triggers: administrators and assessors; a council does not switch off the triggers on itself. */
const CONFIGURES_TRIGGERS: Guard = {
  rightRole: 'administrator',
  wrongBody: 'traffordOfficer',
  withoutRole: 'traffordCouncillor',
  names: { wrongBody: 'a council’s performance officer', withoutRole: 'a council’s executive councillor' },
};

export const IMPROVEMENT_CASE_ENTRIES: readonly PageEntry[] = [
  {
    route: 'POST /cases/:id/actions',
    kind: 'page',
    guard: CASE_ON_RUNG_3,
    seed: async (w) =>
      pageForm(caseUrls.actions(await caseOnRung3(w)), { action: 'acknowledge', ownerName: 'Intervention team' }),
    success: /^\/cases\/\d+\?done=acknowledge$/,
  },
  {
    route: 'POST /triggers/versions',
    kind: 'page',
    guard: CONFIGURES_TRIGGERS,
    // each version changes the days of grace, so that none is the same as the one before
    seed: async () =>
      pageForm(caseUrls.addVersion(), {
        kind: 'data_late',
        body: '',
        indicator: '',
        enabled: 'yes',
        'param-graceDays': String(++made % 300),
        reason: 'The matrix asks',
      }),
    success: /^\/triggers\?done=version-added#kind-data_late$/,
  },
];
