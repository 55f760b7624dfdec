/**
 * The risk, inspection and partnership pages' test world: three councils (Trafford, Stockport, Bury)
 * on 1 June 2025, Trafford with an open case on rung 2, and risk profiles stored from facts written
 * here — Trafford high risk (its target off track, recycling in the bottom quartile and falling),
 * Stockport low risk (on track, top quartile, improving); Bury has no figures, so no profile.
 */
import { cliActor } from '../../src/modules/accounts/index.ts';
import { importPartnerships, refreshRiskProfiles } from '../../src/modules/improvement/index.ts';
import type { CouncilFacts } from '../../src/modules/improvement/index.ts';
import { indicator, target } from '../../src/modules/improvement/rules/test-facts.ts';
import { COUNCILS, jsonFile, partnershipFile, seedAssuranceWorld, seedCase } from './assurance-factories.ts';
import { freshApp, type TestApp } from './app.ts';

export const ASSURANCE_NOW = '2025-06-01T09:00:00.000Z';

function councilFacts(c: (typeof COUNCILS)['trafford'], shape: 'failing' | 'thriving'): CouncilFacts {
  const failing = shape === 'failing';
  const rec = indicator({
    title: 'Household waste recycled',
    figures: failing
      ? [
          ['FY2022', 45],
          ['FY2023', 41],
        ]
      : [
          ['FY2022', 50],
          ['FY2023', 53],
        ],
    quartiles: failing ? { FY2022: 4, FY2023: 4 } : { FY2022: 1, FY2023: 1 },
  });
  const plan = target(failing ? [['FY2023', 'off_track']] : [['FY2023', 'on_track']]);
  return {
    bodyId: c.id,
    bodyName: c.name,
    areaCode: c.area,
    areaName: c.name.replace(' Council', ''),
    indicators: [{ ...rec, theme: 'Environment' }],
    targets: [{ ...plan, indicatorCode: rec.indicatorCode, areaCode: c.area, ownerBodyId: c.id }],
    deadlines: [],
  };
}

export interface AssuranceWorld extends TestApp {
  /** Trafford's open case on rung 2 */
  caseId: number;
}

export async function assurancePagesApp(opts: { partnerships?: boolean } = {}): Promise<AssuranceWorld> {
  const t = await freshApp(ASSURANCE_NOW);
  const db = t.database.db;
  await seedAssuranceWorld(db);
  const caseId = await seedCase(db, {
    bodyId: COUNCILS.trafford.id,
    areaCode: COUNCILS.trafford.area,
    rung: 2,
    title: 'Household waste recycled: bottom quartile of comparators',
  });
  await refreshRiskProfiles(db, {
    clock: t.clock,
    facts: [councilFacts(COUNCILS.trafford, 'failing'), councilFacts(COUNCILS.stockport, 'thriving')],
  });
  if (opts.partnerships ?? true) await importPartnerships(db, jsonFile(partnershipFile()), { clock: t.clock, actor: cliActor() });
  return Object.assign(t, { caseId });
}
