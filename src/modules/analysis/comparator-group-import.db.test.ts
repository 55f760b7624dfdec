import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { SubmittedFile } from '../../platform/files.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { analysisClock, seedAreas, type AreaSeed } from '../../../test/support/analysis-factories.ts';
import { importComparatorGroups } from './comparator-group-import.service.ts';
import { getComparatorGroup, listComparatorGroups } from './comparator-group.service.ts';

const dataFile = (name: string): SubmittedFile => ({
  name,
  content: readFileSync(resolve(import.meta.dirname, '../../../data/indicators', name)),
});
const OFLOG = 'oflog_nearest_neighbours.json';
const CIPFA = 'trafford_comparator_group_cipfa2021.csv';
const oflogJson = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/indicators', OFLOG), 'utf8')) as Record<
  string,
  string[]
>;

const TYPE_BY_PREFIX: Record<string, string> = {
  E06: 'unitary',
  E07: 'district',
  E08: 'metropolitan_district',
  E09: 'london_borough',
  E10: 'county',
};
const seedCodes = (codes: Iterable<string>, names: Record<string, string> = {}): AreaSeed[] =>
  [...new Set(codes)].map((code) => ({
    code,
    name: names[code] ?? code,
    type: TYPE_BY_PREFIX[code.slice(0, 3)] ?? 'combined_authority',
  }));

function oflogCodes(): Set<string> {
  return new Set(Object.entries(oflogJson).flatMap(([k, v]) => [k, ...v]));
}

function cipfaCodes(): string[] {
  return readFileSync(resolve(import.meta.dirname, '../../../data/indicators', CIPFA), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(',')[0]!);
}

async function groupCount(h: DatabaseHandle): Promise<number> {
  return (await listComparatorGroups(h.db, { limit: 1, offset: 0 })).total;
}

describe('importComparatorGroups', () => {
  let h: DatabaseHandle;
  beforeEach(async () => {
    h = await freshDatabase();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('the Oflog nearest-neighbours JSON', () => {
    it('creates one group per anchor, anchor included, and changes nothing the second time', async () => {
      await seedAreas(h.db, seedCodes(oflogCodes(), { E06000001: 'Hartlepool' }));
      const entries = Object.values(oflogJson).reduce((n, v) => n + v.length, 0);
      // The file repeats 42 codes within their groups (25 groups; e.g. E07000112 among E07000026's).
      const repeats = Object.values(oflogJson).reduce((n, v) => n + v.length - new Set(v).size, 0);
      expect(repeats).toBe(42);
      const first = await importComparatorGroups(h.db, dataFile(OFLOG), { clock: analysisClock() });
      expect(first).toMatchObject({
        reader: 'oflog-nearest-neighbours',
        rowsRead: entries,
        rowsWritten: entries - repeats,
        rowsUnchanged: 0,
        rowsRejected: 0,
      });
      expect(first.skipped).toEqual([{ count: repeats, reason: 'a code listed twice in the same group' }]);
      expect(await groupCount(h)).toBe(348);
      const g = await getComparatorGroup(h.db, 'oflog-nn-E06000001');
      expect(g).toMatchObject({
        name: 'Oflog nearest neighbours of Hartlepool',
        kind: 'nearest_neighbours',
        anchorAreaCode: 'E06000001',
        source: `oflog:${OFLOG}`,
      });
      expect(g?.memberCodes).toHaveLength(16);
      expect(g?.memberCodes).toContain('E06000001');

      const again = await importComparatorGroups(h.db, dataFile(OFLOG), { clock: analysisClock() });
      expect(again).toMatchObject({ rowsWritten: 0, rowsUnchanged: entries - repeats });
    });

    it('refuses codes of areas not held, naming the line, and writes nothing', async () => {
      const codes = oflogCodes();
      codes.delete('E06000004');
      await seedAreas(h.db, seedCodes(codes));
      const err = await importComparatorGroups(h.db, dataFile(OFLOG), { clock: analysisClock() }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      const details = (err as ValidationError).details;
      expect(details.every((d) => d.value === 'E06000004')).toBe(true);
      expect(details.some((d) => d.field === 'anchor')).toBe(true);
      const text = readFileSync(resolve(import.meta.dirname, '../../../data/indicators', OFLOG), 'utf8').split('\n');
      for (const d of details) expect(text[d.line! - 1]).toContain('"E06000004"');
      expect(await groupCount(h)).toBe(0);
    });

    it('can leave out codes of areas not held when asked', async () => {
      const codes = oflogCodes();
      codes.delete('E06000004');
      await seedAreas(h.db, seedCodes(codes));
      const s = await importComparatorGroups(h.db, dataFile(OFLOG), { clock: analysisClock(), unknownAreas: 'skip' });
      expect(s.skipped?.find((k) => k.reason.includes('not held'))?.reason).toContain('E06000004');
      expect(await groupCount(h)).toBe(347);
      expect((await getComparatorGroup(h.db, 'oflog-nn-E06000001'))?.memberCodes).not.toContain('E06000004');
    });

    it.each([
      ['a list that is not a list', '{"E06000001": "E06000002"}', /must be a list/],
      ['a code that is not a GSS code', '{\n  "E06000001": [\n    "E06000001",\n    "Hartlepool"\n  ]\n}', /not a GSS area code/],
      ['not an object', '[1, 2]', /not a nearest-neighbours file/],
    ])('rejects %s', async (_name, json, message) => {
      await seedAreas(h.db, seedCodes(['E06000001', 'E06000002']));
      const err = await importComparatorGroups(h.db, { name: 'nn.json', content: json }, { clock: analysisClock() }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ValidationError);
      expect(JSON.stringify([(err as ValidationError).message, (err as ValidationError).details])).toMatch(message);
    });

    it('gives the line of a bad member', async () => {
      await seedAreas(h.db, seedCodes(['E06000001']));
      const json = '{\n  "E06000001": [\n    "E06000001",\n    "Hartlepool"\n  ]\n}';
      const err = (await importComparatorGroups(h.db, { name: 'nn.json', content: json }, { clock: analysisClock() }).catch(
        (e: unknown) => e,
      )) as ValidationError;
      expect(err.details).toEqual([expect.objectContaining({ line: 4, value: 'Hartlepool' })]);
    });
  });

  describe('the CIPFA CSV', () => {
    beforeEach(async () => {
      await seedAreas(h.db, [
        { code: 'E08000009', name: 'Trafford', type: 'metropolitan_district' },
        { code: 'E05000001', name: 'Trafford Park', type: 'ward' },
        ...seedCodes(cipfaCodes()),
      ]);
    });

    it('takes the anchor from the file name and includes it as a member', async () => {
      const s = await importComparatorGroups(h.db, dataFile(CIPFA), { clock: analysisClock() });
      expect(s).toMatchObject({ reader: 'cipfa-nearest-neighbours', rowsRead: 15, rowsWritten: 15 });
      const g = await getComparatorGroup(h.db, 'cipfa-2021-E08000009');
      expect(g).toMatchObject({
        name: 'CIPFA nearest neighbours (2021) of Trafford',
        anchorAreaCode: 'E08000009',
        kind: 'nearest_neighbours',
      });
      expect(g?.memberCodes).toHaveLength(16);
      expect(g?.memberCodes).toEqual(expect.arrayContaining(['E08000009', 'E06000030', 'E06000035']));
      expect(await importComparatorGroups(h.db, dataFile(CIPFA), { clock: analysisClock() })).toMatchObject({
        rowsWritten: 0,
        rowsUnchanged: 15,
      });
    });

    it('takes the anchor and vintage from options', async () => {
      const file = { ...dataFile(CIPFA), name: 'neighbours.csv' };
      await importComparatorGroups(h.db, file, { clock: analysisClock(), anchor: 'E08000009', vintage: '2019' });
      expect((await getComparatorGroup(h.db, 'cipfa-2019-E08000009'))?.memberCodes).toHaveLength(16);
    });

    it('asks for the anchor when the file name does not say', async () => {
      const file = { ...dataFile(CIPFA), name: 'neighbours_cipfa2021.csv' };
      await expect(importComparatorGroups(h.db, file, { clock: analysisClock() })).rejects.toThrow(/which council/);
    });

    it('reports an unknown code with its line', async () => {
      const file = { name: CIPFA, content: 'area_code,area_name\nE06000030,Swindon\nE06099999,Nowhere\n' };
      const err = (await importComparatorGroups(h.db, file, { clock: analysisClock() }).catch(
        (e: unknown) => e,
      )) as ValidationError;
      expect(err.details).toEqual([expect.objectContaining({ line: 3, field: 'area_code', value: 'E06099999' })]);
      expect(await groupCount(h)).toBe(0);
    });
  });

  describe('the generic CSV', () => {
    const csv = (rows: string[]) => ({
      name: 'groups.csv',
      content: ['group_id,group_name,kind,anchor,area_code', ...rows].join('\n'),
    });

    beforeEach(async () => {
      await seedAreas(h.db, seedCodes(['E08000009', 'E08000007', 'E08000002', 'E06000030']));
    });

    it('creates groups, adds the anchor, and replaces a changed group', async () => {
      const s = await importComparatorGroups(
        h.db,
        csv([
          'gm-trio,Greater Manchester trio,custom,E08000009,E08000007',
          'gm-trio,Greater Manchester trio,custom,E08000009,E08000002',
          'pair,A pair,statistical_neighbours,,E06000030',
        ]),
        { clock: analysisClock() },
      );
      expect(s).toMatchObject({ reader: 'comparator-group-csv', rowsRead: 3, rowsWritten: 3 });
      expect((await getComparatorGroup(h.db, 'gm-trio'))?.memberCodes).toEqual(['E08000002', 'E08000007', 'E08000009']);
      expect(await getComparatorGroup(h.db, 'pair')).toMatchObject({ anchorAreaCode: null, memberCodes: ['E06000030'] });

      const changed = await importComparatorGroups(
        h.db,
        csv(['gm-trio,Greater Manchester trio,custom,E08000009,E08000007', 'pair,A pair,statistical_neighbours,,E06000030']),
        { clock: analysisClock() },
      );
      expect(changed).toMatchObject({ rowsWritten: 1, rowsUnchanged: 1 });
      expect((await getComparatorGroup(h.db, 'gm-trio'))?.memberCodes).toEqual(['E08000007', 'E08000009']);
    });

    it.each([
      ['a kind not known', 'g1,G,family,,E08000007', 'kind'],
      ['a name differing within a group', 'g1,G,custom,,E08000007\ng1,H,custom,,E08000002', 'group_name'],
      ['a built-in group name as id', 'nearest,G,custom,,E08000007', 'group_id'],
      ['an unknown area', 'g1,G,custom,,E08099999', 'area_code'],
      ['an unknown anchor', 'g1,G,custom,E08099999,E08000007', 'anchor'],
    ])('rejects %s', async (_name, rows, field) => {
      const err = (await importComparatorGroups(h.db, csv(rows.split('\n')), { clock: analysisClock() }).catch(
        (e: unknown) => e,
      )) as ValidationError;
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.details.map((d) => d.field)).toContain(field);
      expect(await groupCount(h)).toBe(0);
    });

    it('rejects a CSV it does not know', async () => {
      await expect(
        importComparatorGroups(h.db, { name: 'x.csv', content: 'a,b\n1,2\n' }, { clock: analysisClock() }),
      ).rejects.toThrow(/not a comparator-group file/);
    });
  });
});
