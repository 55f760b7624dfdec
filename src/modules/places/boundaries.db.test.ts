import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { dataFile, placesTableCounts, testClock } from '../../../test/support/places-factories.ts';
import { getBoundarySet, importBoundaryFile, listBoundarySets } from './index.ts';

const GM_WARDS = 'boundaries/trafford_lab_gm_ward_2023_super_generalised.geojson';
const UK_TOPO = 'boundaries/ons_uk_topo_2014_2025.json';

describe('boundary sets', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
  });
  afterAll(() => h.close());

  it('keeps a GeoJSON file and gives it back unchanged', async () => {
    const file = dataFile(GM_WARDS);
    const summary = await importBoundaryFile(h.db, file, {
      clock: testClock(),
      attribution: 'Trafford Data Lab; contains OS data © Crown copyright and database right',
    });
    expect(summary).toMatchObject({ reader: 'geojson', rowsRead: 215, rowsWritten: 215 });
    const set = await getBoundarySet(h.db, 'trafford-lab-gm-ward-2023-super-generalised');
    expect(set).toMatchObject({
      format: 'geojson',
      areaType: 'ward',
      vintage: '2023',
      title: 'gm_ward_super_generalised',
      licence: 'Open Government Licence v3.0',
    });
    expect(set?.content).toBe(file.content.toString());
  });

  it('keeps a TopoJSON file', async () => {
    const summary = await importBoundaryFile(h.db, dataFile(UK_TOPO), {
      clock: testClock(),
      id: 'uk-local-authorities',
      title: 'UK local authorities 2014–2025',
    });
    expect(summary).toMatchObject({ reader: 'topojson', rowsRead: 707 });
    expect(await getBoundarySet(h.db, 'uk-local-authorities')).toMatchObject({
      format: 'topojson',
      areaType: null,
      title: 'UK local authorities 2014–2025',
    });
  });

  it('lists boundary sets without their content', async () => {
    const list = await listBoundarySets(h.db);
    expect(list.total).toBe(2);
    expect(list.items.map((s) => s.id)).toEqual(['trafford-lab-gm-ward-2023-super-generalised', 'uk-local-authorities']);
    expect(list.items[0]).not.toHaveProperty('content');
  });

  it('changes nothing when the same file is imported again', async () => {
    const summary = await importBoundaryFile(h.db, dataFile(GM_WARDS), {
      clock: testClock(),
      attribution: 'Trafford Data Lab; contains OS data © Crown copyright and database right',
    });
    expect(summary).toMatchObject({ rowsWritten: 0, rowsUnchanged: 215 });
  });

  it('refuses a file that is not GeoJSON or TopoJSON', async () => {
    const before = await placesTableCounts(h.db);
    const bad = {
      name: 'wards.geojson',
      content: JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Circle' } }] }),
    };
    await expect(importBoundaryFile(h.db, bad, { clock: testClock() })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      importBoundaryFile(h.db, { name: 'x.json', content: '{"type":"Topology"' }, { clock: testClock() }),
    ).rejects.toThrow(/not valid JSON/);
    expect(await placesTableCounts(h.db)).toEqual(before);
  });
});
