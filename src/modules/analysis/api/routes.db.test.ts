import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { createHttpApp } from '../../../platform/http/app.ts';
import { silentLogger } from '../../../platform/logging.ts';
import { freshDatabase } from '../../../../test/support/database.ts';
import {
  analysisClock,
  seedAreas,
  seedIndicator,
  seedObservations,
  SMALL_WORLD,
} from '../../../../test/support/analysis-factories.ts';
import { importComparatorGroups } from '../comparator-group-import.service.ts';
import { analysisApi } from './routes.ts';

describe('analysis API', () => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  beforeEach(async () => {
    h = await freshDatabase();
    await seedAreas(h.db, SMALL_WORLD);
    await seedIndicator(h.db, { code: 'RATE', areaAggregation: 'ratio', areaTypes: ['ward', 'metropolitan_district'] });
    await seedObservations(h.db, 'RATE', 'FY2022', [
      { area: 'E05000001', value: 10, numerator: 1, denominator: 10 },
      { area: 'E05000002', value: 30, numerator: 30, denominator: 100 },
      { area: 'E08000007', value: 36.9 },
      { area: 'E08000002', value: 20 },
    ]);
    await importComparatorGroups(
      h.db,
      { name: 'nn.json', content: JSON.stringify({ E08000009: ['E08000009', 'E08000002'] }) },
      { clock: analysisClock() },
    );
    app = await createHttpApp({ logger: silentLogger, version: 'test' });
    await app.register((api) => analysisApi(api, { db: h.db, clock: analysisClock() }), { prefix: '/api/v1' });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await h.close();
  });

  interface Json {
    [key: string]: Json & Json[];
  }
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1${url}` });
    return { status: res.statusCode, body: res.json<Json>() };
  };

  it('rolls up with coverage and formatted values', async () => {
    const { status, body } = await get('/analysis/roll-up?indicator=RATE&period=FY2022&areas=E08000009,E08000007');
    expect(status).toBe(200);
    expect(body.figures).toEqual([
      expect.objectContaining({
        areaCode: 'E08000009',
        source: 'derived',
        formatted: '28.2%',
        coverage: expect.objectContaining({ text: '2 of 3 wards' }),
      }),
      expect.objectContaining({ areaCode: 'E08000007', source: 'published', formatted: '36.9%' }),
    ]);
  });

  it('compares an area with a group', async () => {
    const { status, body } = await get('/analysis/compare?indicator=RATE&period=2022/23&area=E08000009&group=type');
    expect(status).toBe(200);
    expect(body.rows!.map((r) => [r.areaName, r.rankLabel])).toEqual([
      ['Stockport', '1'],
      ['Trafford', '2'],
      ['Bury', '3'],
    ]);
    expect(body.area).toMatchObject({ highlighted: true, source: 'derived' });
    expect(body.group).toMatchObject({ id: 'type-metropolitan_district', size: 3 });
  });

  it('ranks all areas of a type, gives a profile and a time series', async () => {
    expect(
      (await get('/analysis/compare-all?indicator=RATE&period=FY2022&areaType=metropolitan_district')).body.rows,
    ).toHaveLength(3);
    const profile = await get('/analysis/profile/E08000007');
    expect(profile.status).toBe(200);
    expect(profile.body.items![0]).toMatchObject({ indicator: { code: 'RATE' }, latest: { formatted: '36.9%' } });
    const series = await get('/analysis/time-series?indicator=RATE&area=E08000007');
    expect(series.body.points).toHaveLength(1);
  });

  it('lists and shows stored comparator groups', async () => {
    const list = await get('/comparator-groups?anchor=E08000009');
    expect(list.body).toMatchObject({ total: 1, items: [{ id: 'oflog-nn-E08000009', memberCodes: ['E08000002', 'E08000009'] }] });
    expect((await get('/comparator-groups/oflog-nn-E08000009')).status).toBe(200);
    expect((await get('/comparator-groups/nope')).status).toBe(404);
  });

  it('answers domain errors as JSON', async () => {
    const { status, body } = await get('/analysis/compare?indicator=RATE&area=E08000098&group=type');
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found' });
    expect((await get('/analysis/roll-up?indicator=RATE&period=soon')).status).toBe(400);
  });
});
