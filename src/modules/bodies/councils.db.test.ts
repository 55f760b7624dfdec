import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { bodiesTableCounts, importRealAreas, realAreaFile, testClock, withLine } from '../../../test/support/places-factories.ts';
import { getChildren } from '../places/index.ts';
import { councilsForArea, findBodyByIdentifier, getBody, getBodyAreas, importBodyFile, listBodies } from './index.ts';

const opts = { clock: testClock() };

describe('councils from mySociety local authorities', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
    await importRealAreas(h.db, ['localAuthorities', 'twoTierWards2019', 'gmWards2023']);
    await importBodyFile(h.db, realAreaFile('localAuthorities'), opts);
  });
  afterAll(() => h.close());

  it('makes one council per row, with readable ids and the mySociety code', async () => {
    expect((await listBodies(h.db, { kind: 'council', limit: 1, offset: 0 })).total).toBe(470);
    expect(await getBody(h.db, 'trafford-council')).toEqual({
      id: 'trafford-council',
      name: 'Trafford Metropolitan Borough Council',
      kind: 'council',
      councilType: 'Metropolitan district',
      shortName: 'Trafford',
      validFrom: '1974-04-01',
      validTo: null,
      replacedBy: null,
      website: null,
    });
    expect((await findBodyByIdentifier(h.db, 'mysociety-la', 'KEN'))?.id).toBe('kent-county-council');
    expect(await getBodyAreas(h.db, 'greater-london-authority')).toEqual([
      { areaCode: 'E12000007', role: 'governs', tier: 'combined', validFrom: '2005-06-22', validTo: null },
    ]);
  });

  it('records which council replaced a retired one', async () => {
    expect(await getBody(h.db, 'aylesbury-vale-council')).toMatchObject({
      validTo: '2020-03-31',
      replacedBy: 'buckinghamshire-council',
    });
    expect((await getBody(h.db, 'cumbria-county-council'))?.replacedBy).toBe(
      'cumberland-council,westmorland-and-furness-council',
    );
  });

  it('gives both tiers for a two-tier ward', async () => {
    const ward = (await getChildren(h.db, 'E07000105', 'ward'))[0]!;
    const councils = await councilsForArea(h.db, ward.code);
    expect(councils.map((c) => [c.id, c.tier])).toEqual([
      ['ashford-council', 'lower'],
      ['kent-county-council', 'upper'],
    ]);
    expect(councils[0]?.name).toBe('Ashford Borough Council');
  });

  it('gives the council and combined authority for a Trafford ward', async () => {
    const councils = await councilsForArea(h.db, 'E05015239');
    expect(councils.map((c) => [c.id, c.tier])).toEqual([
      ['trafford-council', 'single'],
      ['greater-manchester-combined-authority', 'combined'],
    ]);
  });

  it('gives the borough and the GLA for a London borough', async () => {
    expect((await councilsForArea(h.db, 'E09000001')).map((c) => [c.id, c.tier])).toEqual([
      ['city-of-london-council', 'single'],
      ['greater-london-authority', 'combined'],
    ]);
    expect(await councilsForArea(h.db, 'E99999999')).toEqual([]);
  });

  it('changes nothing when imported again', async () => {
    const before = await bodiesTableCounts(h.db);
    expect(await importBodyFile(h.db, realAreaFile('localAuthorities'), opts)).toMatchObject({
      rowsRead: 470,
      rowsWritten: 0,
      rowsUnchanged: 470,
    });
    expect(await bodiesTableCounts(h.db)).toEqual(before);
  });

  it('keeps a council’s id when its name changes', async () => {
    const renamed = withLine(realAreaFile('localAuthorities'), 5, (l) => l.replace('Adur District Council', 'Adur Town Council'));
    expect(await importBodyFile(h.db, renamed, opts)).toMatchObject({ rowsWritten: 1 });
    expect(await getBody(h.db, 'adur-council')).toMatchObject({ name: 'Adur Town Council' });
    await importBodyFile(h.db, realAreaFile('localAuthorities'), opts);
  });
});

describe('councils before their areas', () => {
  it('are refused with the line of each unknown area', async () => {
    const h = await freshDatabase();
    try {
      const refused = await importBodyFile(h.db, realAreaFile('localAuthorities'), opts).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      const details = (refused as ValidationError).details;
      expect(details[0]).toEqual({
        line: 2,
        field: 'gss-code',
        value: 'N09000002',
        reason: 'area N09000002 is not a known area; import this file as areas first',
      });
      expect(await bodiesTableCounts(h.db)).toEqual({ body: 0, body_area: 0, body_membership: 0, body_identifier: 0 });
    } finally {
      await h.close();
    }
  });
});
