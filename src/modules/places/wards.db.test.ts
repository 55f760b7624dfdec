import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  headOf,
  importRealAreas,
  placesTableCounts,
  realAreaFile,
  testClock,
  withLine,
} from '../../../test/support/places-factories.ts';
import {
  getAncestors,
  getArea,
  getChildren,
  getDescendantCodes,
  getDescendantCodesMany,
  getParents,
  importAreaFile,
  listAreaCodesByType,
} from './index.ts';

describe('importing wards', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
    await importRealAreas(h.db, ['localAuthorities', 'twoTierWards2019', 'wards2019', 'gmWards2023']);
  });
  afterAll(() => h.close());

  it('gives a Kent ward its district and, through it, its county', async () => {
    // Ashford's Aylesford and East Stour ward
    const ward = (await getChildren(h.db, 'E07000105', 'ward'))[0]!;
    expect(ward).toMatchObject({ type: 'ward', countryCode: 'E92000001', validFrom: '2019-05-01' });
    const ancestors = await getAncestors(h.db, ward.code);
    expect(ancestors.map((a) => [a.code, a.type, a.depth])).toEqual([
      ['E07000105', 'district', 1],
      ['E10000016', 'county', 2],
      ['E12000008', 'region', 2],
      ['E92000001', 'country', 3],
    ]);
    expect(await getDescendantCodes(h.db, 'E10000016', ['ward'])).toContain(ward.code);
  });

  it("gives many ancestors' descendants in one go, as getDescendantCodes gives each", async () => {
    const ancestors = ['E08000009', 'E10000016', 'E12000002', 'E05015239', 'E99999999'];
    const many = await getDescendantCodesMany(h.db, [...ancestors, 'E08000009'], ['ward']);
    expect([...many.keys()]).toEqual(ancestors);
    for (const code of ancestors) expect(many.get(code)).toEqual(await getDescendantCodes(h.db, code, ['ward']));
    expect(many.get('E08000009')).toHaveLength(21);
    expect(many.get('E05015239')).toEqual([]);
    const anyType = await getDescendantCodesMany(h.db, ['E08000009']);
    expect(anyType.get('E08000009')).toEqual(await getDescendantCodes(h.db, 'E08000009'));
  });

  it('imports every UK ward of December 2019 once', async () => {
    expect((await listAreaCodesByType(h.db, ['ward'])).length).toBeGreaterThan(8800);
    expect(await getArea(h.db, 'S13002516')).toMatchObject({ type: 'ward', countryCode: 'S92000003' });
  });

  it('links a ward whose 2019 district has since been retired to that district', async () => {
    expect((await getParents(h.db, 'E05010364')).map((p) => p.code)).toEqual(['E07000004']);
    expect((await getArea(h.db, 'E07000004'))?.validTo).toBe('2020-03-31');
  });

  it("takes Trafford's 2023 wards from the Greater Manchester boundary file and retires the 2019 ones", async () => {
    const wards = await getChildren(h.db, 'E08000009', 'ward');
    expect(wards).toHaveLength(21);
    expect(wards.map((w) => w.code)).toContain('E05015239');
    expect(await getArea(h.db, 'E05015239')).toMatchObject({ name: 'Altrincham', validFrom: '2023-05-01', validTo: null });
    expect(await getArea(h.db, 'E05000819')).toMatchObject({ validTo: '2023-04-30' });
    expect(await getParents(h.db, 'E05000819')).toEqual([]);
    const ancestors = (await getAncestors(h.db, 'E05015239')).map((a) => a.code);
    expect(ancestors).toEqual(['E08000009', 'E12000002', 'E47000001', 'E92000001']);
  });

  it('changes nothing when a ward file is imported again', async () => {
    const before = await placesTableCounts(h.db);
    const [again] = await importRealAreas(h.db, ['gmWards2023']);
    expect(again).toMatchObject({ rowsRead: 215, rowsWritten: 0, rowsUnchanged: 215 });
    const [lookup] = await importRealAreas(h.db, ['wards2019']);
    expect(lookup).toMatchObject({ rowsRead: 8887, rowsWritten: 0, rowsUnchanged: 8887 });
    expect(await placesTableCounts(h.db)).toEqual(before);
    // the 2019 lookup does not bring Trafford's retired wards back
    expect(await getChildren(h.db, 'E08000009', 'ward')).toHaveLength(21);
  });

  it('refuses a ward file whose line 5 has an unknown parent, naming the line, and changes nothing', async () => {
    const before = await placesTableCounts(h.db);
    const file = withLine(realAreaFile('wards2019'), 5, (l) => l.replace('E06000018', 'E06999999'));
    const refused = await importAreaFile(h.db, file, { clock: testClock() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).details).toEqual([
      {
        line: 5,
        field: 'LAD19CD',
        value: 'E06999999',
        reason: expect.stringMatching(/^parent E06999999 is not a known area; import the local authorities first/),
      },
    ]);
    expect(await placesTableCounts(h.db)).toEqual(before);
  });
});

describe('importing wards before the councils', () => {
  it('is refused with a clear error for every ward', async () => {
    const h = await freshDatabase();
    try {
      const wards = headOf(realAreaFile('wards2019'), 3);
      const refused = await importAreaFile(h.db, wards, { clock: testClock() }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).message).toMatch(/3 rows have problems; nothing was imported/);
      expect((refused as ValidationError).details.map((d) => [d.line, d.reason.replace(/;.*/, '')])).toEqual([
        [2, 'parent E06000001 is not a known area'],
        [3, 'parent E06000018 is not a known area'],
        [4, 'parent E06000001 is not a known area'],
      ]);
      expect((await placesTableCounts(h.db)).area).toBe(0);
    } finally {
      await h.close();
    }
  });
});
