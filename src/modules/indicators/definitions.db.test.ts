import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { personWithRole, seedAccountsBodies, TEST_BODIES } from '../../../test/support/accounts-factories.ts';
import { dataFile } from '../../../test/support/data-factories.ts';
import { indicatorInput } from '../../../test/support/indicator-factories.ts';
import type { PersonActor } from '../accounts/index.ts';
import { auditForIndicator, listAuditEvents } from '../audit/index.ts';
import {
  councilsDefinableBy,
  defineLocalIndicator,
  importIndicatorFile,
  listIndicators,
  listIndicatorVersions,
  maintainNationalIndicator,
  requireMayDefine,
  saveIndicatorDefinitions,
} from './index.ts';

const TRAFFORD = TEST_BODIES.council.id;
const POLICE = TEST_BODIES.partner.id;

let h: DatabaseHandle;
const clock = fixedClock('2025-06-01T09:00:00.000Z');
const deps = { clock };
let officer: PersonActor;
let stockportOfficer: PersonActor;
let partnerOfficer: PersonActor;
let administrator: PersonActor;

beforeEach(async () => {
  h = await freshDatabase();
  await seedAccountsBodies(h.db);
  officer = (await personWithRole(h.db, 'performance_officer', { bodyId: TRAFFORD })).actor;
  stockportOfficer = (await personWithRole(h.db, 'performance_officer', { bodyId: TEST_BODIES.otherCouncil.id })).actor;
  partnerOfficer = (await personWithRole(h.db, 'partner_data_officer', { bodyId: POLICE })).actor;
  administrator = (await personWithRole(h.db, 'administrator', { bodyId: null })).actor;
  await saveIndicatorDefinitions(h.db, [indicatorInput({ code: 'NI192' })], clock);
});
afterEach(async () => {
  await h.close();
});

const local = (overrides: Parameters<typeof indicatorInput>[0] = {}) =>
  indicatorInput({ code: 'TRF-STREETS', title: 'Streets judged clean', ownerBodyId: TRAFFORD, ...overrides });

describe('local indicators', () => {
  it('are defined by the council’s performance officer; a change makes a new version; each is audited', async () => {
    const created = await defineLocalIndicator(h.db, officer, local(), deps);
    expect(created).toMatchObject({ outcome: 'created', definition: { code: 'TRF-STREETS', version: 1, ownerBodyId: TRAFFORD } });
    clock.advance(60_000);
    const changed = await defineLocalIndicator(h.db, officer, local({ title: 'Streets and open land judged clean' }), deps);
    expect(changed).toMatchObject({
      outcome: 'versioned',
      definition: { version: 2, title: 'Streets and open land judged clean' },
    });
    expect(await defineLocalIndicator(h.db, officer, local({ title: 'Streets and open land judged clean' }), deps)).toMatchObject(
      {
        outcome: 'unchanged',
      },
    );
    expect((await listIndicatorVersions(h.db, 'TRF-STREETS')).map((v) => v.version)).toEqual([1, 2]);
    const events = (await auditForIndicator(h.db, 'TRF-STREETS')).items.reverse();
    expect(events.map((e) => [e.action, e.actorPersonId, e.bodyId, e.before, (e.after as { version: number }).version])).toEqual([
      ['indicator.create', officer.personId, TRAFFORD, null, 1],
      ['indicator.version', officer.personId, TRAFFORD, { version: 1 }, 2],
    ]);
    expect(events[1]!.after).toMatchObject({ changed: ['title'] });
  });

  it('are refused to a partner body, to another council and to people without the role', async () => {
    await expect(defineLocalIndicator(h.db, partnerOfficer, local({ ownerBodyId: POLICE }), deps)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(defineLocalIndicator(h.db, partnerOfficer, local(), deps)).rejects.toThrow(ForbiddenError);
    await expect(defineLocalIndicator(h.db, stockportOfficer, local(), deps)).rejects.toThrow(ForbiddenError);
    await expect(defineLocalIndicator(h.db, administrator, local(), deps)).rejects.toThrow(ForbiddenError);
    await defineLocalIndicator(h.db, officer, local(), deps);
    const stockport = TEST_BODIES.otherCouncil.id;
    const error = await defineLocalIndicator(h.db, stockportOfficer, local({ ownerBodyId: stockport }), deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toBe(`TRF-STREETS is a local indicator of ${TRAFFORD}, not of Stockport Council`);
  });

  it('may not change a national indicator, nor take aliases outside the council’s own scheme', async () => {
    const error = await defineLocalIndicator(h.db, officer, local({ code: 'NI192' }), deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toBe('NI192 is a national indicator: administrators maintain it');
    await expect(
      maintainNationalIndicator(h.db, officer, indicatorInput({ code: 'NI192', title: 'Mine now' }), deps),
    ).rejects.toThrow(ForbiddenError);
    const aliases = [{ scheme: 'label', alias: 'Waste Reused/Recycled/Composted' }];
    const refused = await defineLocalIndicator(h.db, officer, local({ aliases }), deps).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).details).toEqual([
      {
        field: 'aliases',
        value: 'label:Waste Reused/Recycled/Composted',
        reason: `write it as ${TRAFFORD}:Waste Reused/Recycled/Composted`,
      },
    ]);
    await defineLocalIndicator(h.db, officer, local({ aliases: [{ scheme: TRAFFORD, alias: 'CP01' }] }), deps);
  });

  it('need an owning council', async () => {
    await expect(defineLocalIndicator(h.db, officer, local({ ownerBodyId: null }), deps)).rejects.toThrow(ValidationError);
    await expect(defineLocalIndicator(h.db, officer, local({ ownerBodyId: 'nobody' }), deps)).rejects.toThrow(ValidationError);
  });
});

describe('national indicators', () => {
  it('are maintained by administrators, in versions, audited', async () => {
    const saved = await maintainNationalIndicator(
      h.db,
      administrator,
      indicatorInput({ code: 'NI192', title: 'Household waste recycled (%)' }),
      deps,
    );
    expect(saved).toMatchObject({ outcome: 'versioned', definition: { version: 2, ownerBodyId: null } });
    const [latest] = (await auditForIndicator(h.db, 'NI192')).items;
    expect(latest).toMatchObject({ action: 'indicator.version', actorPersonId: administrator.personId });
  });

  it('are owned by no body, and an administrator does not change a council’s own', async () => {
    await expect(maintainNationalIndicator(h.db, administrator, local(), deps)).rejects.toThrow(ValidationError);
    await defineLocalIndicator(h.db, officer, local(), deps);
    await expect(
      maintainNationalIndicator(h.db, administrator, indicatorInput({ code: 'TRF-STREETS', ownerBodyId: null }), deps),
    ).rejects.toThrow(`TRF-STREETS is a local indicator of ${TRAFFORD}: that council maintains it`);
  });
});

describe('who may define, before a definition is at hand', () => {
  it('the council’s performance officer for the council, administrators for the national catalogue', async () => {
    expect((await requireMayDefine(h.db, officer, TRAFFORD))?.name).toBe('Trafford Council');
    expect(await requireMayDefine(h.db, administrator, null)).toBeNull();
    for (const [actor, owner] of [
      [officer, null],
      [stockportOfficer, TRAFFORD],
      [partnerOfficer, POLICE],
      [partnerOfficer, TRAFFORD],
      [administrator, TRAFFORD],
    ] as const)
      await expect(requireMayDefine(h.db, actor, owner)).rejects.toThrow(ForbiddenError);
    await expect(requireMayDefine(h.db, officer, 'nobody')).rejects.toThrow(NotFoundError);
  });

  it('names the councils a person defines local indicators for', async () => {
    expect((await councilsDefinableBy(h.db, officer)).map((b) => b.id)).toEqual([TRAFFORD]);
    expect(await councilsDefinableBy(h.db, partnerOfficer)).toEqual([]);
    expect(await councilsDefinableBy(h.db, administrator)).toEqual([]);
  });

  it('lists a council’s own indicators, or the national ones', async () => {
    await defineLocalIndicator(h.db, officer, local(), deps);
    const page = { limit: 10, offset: 0 };
    const codes = async (owner: string | null) => (await listIndicators(h.db, { ...page, owner })).items.map((d) => d.code);
    expect(await codes(TRAFFORD)).toEqual(['TRF-STREETS']);
    expect(await codes(null)).toEqual(['NI192']);
    expect(await codes(POLICE)).toEqual([]);
    expect((await listIndicators(h.db, page)).total).toBe(2);
  });
});

describe('imported definitions', () => {
  it('are audited as the command line', async () => {
    await importIndicatorFile(h.db, dataFile('src/modules/indicators/demo/indicators.json'), { clock });
    const created = (await listAuditEvents(h.db, { action: 'indicator.create' }, { limit: 100, offset: 0 })).items;
    expect(created.length).toBeGreaterThanOrEqual(9);
    expect(created.every((e) => e.viaKind === 'cli' && e.actorLabel === 'command line')).toBe(true);
  });
});
