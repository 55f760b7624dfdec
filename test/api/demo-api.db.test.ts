/**
 * The JSON API over the real demo data set, as a user of the API would see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, issueApiToken } from '../../src/modules/accounts/index.ts';
import { listBodies } from '../../src/modules/bodies/index.ts';
import { importObservations } from '../../src/modules/data/index.ts';
import { loadDemo } from '../../src/main/demo.ts';
import { freshApp, type TestApp } from '../support/app.ts';

let t: TestApp;
/** Manchester 2023/24 in the real recycling file */
const MANCHESTER_2023_24 = 39.6;
const get = async (url: string) => t.app.inject({ method: 'GET', url });
const json = async (url: string) => {
  const r = await get(url);
  expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
  return r.json();
};

beforeAll(async () => {
  t = await freshApp('2026-01-10T09:00:00.000Z');
  await loadDemo(t.ctx);
}, 300_000);
afterAll(async () => t.close());

describe('observations', () => {
  it("gives Trafford's real recycling rate: 60.4 in 2015/16 and 58.4 in 2023/24", async () => {
    const body = await json('/api/v1/observations?indicator=NI192&area=E08000009&limit=100');
    const byPeriod = Object.fromEntries(body.items.map((o: { period: string; value: number }) => [o.period, o.value]));
    expect(byPeriod['2015/16']).toBe(60.4);
    expect(byPeriod['2023/24']).toBe(58.4);
    expect(byPeriod['2019/20']).toBe(56.89999999999999);
    expect(body.items[0]).toMatchObject({ indicator: 'NI192', area: 'E08000009', period: '2015/16', periodKey: 'FY2015' });
  });

  it('accepts the indicator by another known code and the period in any spelling', async () => {
    const byAlias = await json('/api/v1/observations?indicator=NI192&area=E08000009&period=2016-17');
    expect(byAlias.items).toHaveLength(1);
    expect(byAlias.items[0].value).toBe(61.3);
    const byWords = await json('/api/v1/observations?indicator=NI192&area=E08000009&period=201617');
    expect(byWords.items[0].value).toBe(61.3);
  });

  it('answers "as published on date D" after a revision', async () => {
    // Manchester's figure is revised here and read nowhere else in this file.
    const clock = t.ctx.clock as unknown as { set(d: string): void };
    clock.set('2026-02-01T09:00:00.000Z');
    const revised = 'indicator,area,period,value\nNI192,E08000003,2023/24,41.5\n';
    const summary = await importObservations(
      t.ctx.database.db,
      { name: 'revision.csv', content: revised },
      { clock: t.ctx.clock },
    );
    expect(summary.rowsWritten).toBe(1);
    const now = await json('/api/v1/observations?indicator=NI192&area=E08000003&period=2023/24');
    expect(now.items[0]).toMatchObject({ value: 41.5, revision: 2 });
    const before = await json('/api/v1/observations?indicator=NI192&area=E08000003&period=2023/24&asOf=2026-01-20');
    expect(before.items[0]).toMatchObject({ value: MANCHESTER_2023_24, revision: 1 });
  });

  it('downloads the same list as CSV in the tidy format', async () => {
    const r = await get('/api/v1/observations?indicator=NI192&area=E08000009&format=csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="observations-NI192-E08000009\.csv"/);
    expect(r.body.split('\n')[0]).toBe(
      'indicator,area,period,value,numerator,denominator,sample_size,ci_lower,ci_upper,status,revision,published_at',
    );
    expect(r.body).toContain('NI192,E08000009,2015/16,60.4,');
  });

  it('paginates with links', async () => {
    const page = await json('/api/v1/observations?indicator=NI192&limit=10&offset=10');
    expect(page.items).toHaveLength(10);
    expect(page.total).toBe(2885); // England, Wales and Northern Ireland; Scotland's calendar-year series is its own indicator
    expect(page.links.next).toContain('offset=20');
    expect(page.links.prev).toContain('offset=0');
  });
});

describe('places and bodies', () => {
  it('finds Trafford by name and by code, with its region and combined authority', async () => {
    const found = await json('/api/v1/areas?q=Trafford');
    expect(found.items.map((a: { code: string }) => a.code)).toContain('E08000009');
    const trafford = await json('/api/v1/areas/E08000009');
    expect(trafford).toMatchObject({ name: 'Trafford', type: 'metropolitan_district' });
    expect(trafford.parents.map((p: { code: string }) => p.code).sort()).toEqual(['E12000002', 'E47000001']);
    expect(trafford.childCounts.ward).toBe(21);
  });

  it('lists both tiers of councils for a Kent ward and the single tier for a Trafford ward', async () => {
    const kentWards = await json('/api/v1/areas?q=Ashford&type=district');
    const ashford = kentWards.items[0].code;
    const ward = (await json(`/api/v1/areas/${ashford}/children?type=ward&limit=1`)).items[0].code;
    const kent = await json(`/api/v1/areas/${ward}/councils`);
    expect(kent.items.map((c: { tier: string }) => c.tier)).toEqual(['lower', 'upper']);
    const trafford = await json('/api/v1/areas/E05015239/councils');
    expect(trafford.items.map((c: { name: string; tier: string }) => [c.name, c.tier])).toEqual([
      ['Trafford Metropolitan Borough Council', 'single'],
      ['Greater Manchester Combined Authority', 'combined'],
    ]);
  });

  it('shows a retired council with its successor', async () => {
    const aylesbury = await json('/api/v1/areas/E07000004');
    expect(aylesbury.validTo).toBe('2020-03-31');
    expect(aylesbury.successors.map((s: { code: string }) => s.code)).toContain('E06000060');
  });

  it('lists the example Local Strategic Partnership with its members', async () => {
    const lsps = await json('/api/v1/bodies?kind=lsp');
    expect(lsps.items.map((b: { name: string }) => b.name)).toContain('Trafford Partnership');
    const lsp = await json(lsps.items[0].links.self.replace(/^/, ''));
    expect(lsp.members.length).toBeGreaterThanOrEqual(6);
  });
});

describe('indicators and analysis', () => {
  it('lists indicators, each with its code and title', async () => {
    const body = await json('/api/v1/indicators?limit=100');
    expect(body.total).toBeGreaterThanOrEqual(9);
    for (const i of body.items)
      expect(i).toEqual(expect.objectContaining({ code: expect.any(String), title: expect.any(String) }));
    expect(body.items.map((i: { code: string }) => i.code)).toContain('NI192');
  });

  it('rolls a ward ratio up to Trafford as total numerator ÷ total denominator', async () => {
    const wards = await json('/api/v1/observations?indicator=TWD-population-65-or-more-years&limit=100');
    expect(wards.items).toHaveLength(21);
    const num = wards.items.reduce((s: number, o: { numerator: number }) => s + o.numerator, 0);
    const den = wards.items.reduce((s: number, o: { denominator: number }) => s + o.denominator, 0);
    const rolled = await json(
      `/api/v1/analysis/roll-up?indicator=TWD-population-65-or-more-years&period=${wards.items[0].periodKey}&areas=E08000009`,
    );
    const trafford = rolled.figures.find((f: { areaCode: string }) => f.areaCode === 'E08000009');
    expect(trafford.source).toBe('derived');
    expect(trafford.coverage.text).toBe('21 of 21 wards');
    expect(trafford.value).toBeCloseTo((100 * num) / den, 10);
    const meanOfRates = wards.items.reduce((s: number, o: { value: number }) => s + o.value, 0) / 21;
    expect(Math.abs(trafford.value - meanOfRates)).toBeGreaterThan(1e-6);
  });

  it("ranks Trafford's recycling rate among its CIPFA nearest neighbours", async () => {
    const c = await json('/api/v1/analysis/compare?indicator=NI192&area=E08000009&group=nearest&period=2023/24');
    expect(c.group.size).toBe(16);
    expect(c.area).toMatchObject({ areaCode: 'E08000009', value: 58.4, highlighted: true });
    expect(c.area.rank).toBeGreaterThanOrEqual(1);
    expect([1, 2, 3, 4]).toContain(c.area.quartile);
    expect(c.distance.words).toMatch(/than|similar/);
  });

  it('profiles Trafford with every indicator it has figures for', async () => {
    const p = await json('/api/v1/analysis/profile/E08000009');
    const codes = p.items.map((i: { indicator: { code: string } }) => i.indicator.code);
    expect(codes).toContain('NI192');
    expect(codes).toContain('ASC1');
  });
});

describe('errors and documentation', () => {
  it.each([
    ['/api/v1/areas/E99999999', 404, 'not_found'],
    ['/api/v1/indicators/NOPE', 404, 'not_found'],
    ['/api/v1/areas?limit=abc', 400, 'invalid_request'],
    ['/api/v1/observations?period=2015%2F17&indicator=NI192', 400, 'validation_failed'],
    ['/api/v1/nothing-here', 404, 'not_found'],
  ])('%s answers %i with an error body', async (url, status, code) => {
    const r = await get(url);
    expect(r.statusCode).toBe(status);
    const body = r.json();
    expect(body.error).toMatchObject({ code, message: expect.any(String) });
    expect(Array.isArray(body.error.details)).toBe(true);
  });

  it('publishes an OpenAPI document and browsable docs', async () => {
    const doc = await json('/api/openapi.json');
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/areas',
      '/api/v1/indicators',
      '/api/v1/observations',
      '/api/v1/analysis/compare',
      '/api/v1/analysis/roll-up',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const docs = await get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('offers every list as CSV (with an API token where the list needs one)', async () => {
    const doc = await json('/api/openapi.json');
    const lists = Object.entries(
      doc.paths as Record<
        string,
        { get?: { parameters?: { name: string; in: string; required?: boolean }[]; security?: unknown[] } }
      >,
    )
      .filter(([path, op]) => !path.includes('{') && op.get?.parameters?.some((p) => p.name === 'format'))
      .filter(([, op]) => !op.get?.parameters?.some((p) => p.required));
    expect(lists.length).toBeGreaterThanOrEqual(5);
    const { items } = await listBodies(t.ctx.database.db, { limit: 1, offset: 0 });
    const token = await issueApiToken(
      t.ctx.database.db,
      cliActor(),
      { bodyId: items[0]!.id, name: 'CSV lists' },
      { clock: t.ctx.clock },
    );
    for (const [path, op] of lists) {
      const headers = op.get?.security?.length ? { authorization: `Bearer ${token.plaintext}` } : {};
      const r = await t.app.inject({ method: 'GET', url: `${path}?format=csv&limit=5`, headers });
      expect(r.statusCode, path).toBe(200);
      expect(r.headers['content-type'], path).toMatch(/^text\/csv/);
    }
  });
});

describe('under-performance', () => {
  it('lists the cases the triggers opened from the real figures, each with its evidence', async () => {
    // Tower Hamlets, NI192: 17.7% in 2022/23, 15.8% in 2023/24, last of its 16 Oflog nearest neighbours
    // both years (see test/journeys/improvement-demo.db.test.ts for the working).
    const list = await json('/api/v1/cases?status=open&body=tower-hamlets-council&indicator=NI192');
    expect(list.items).toHaveLength(1);
    const listed = list.items[0];
    expect(listed).toMatchObject({ open: true, rung: 1, area: { code: 'E09000030' }, indicator: { code: 'NI192' } });
    expect(listed.kinds.map((k: { kind: string }) => k.kind)).toEqual(expect.arrayContaining(['red_red', 'bottom_quartile']));
    const detail = await json(`/api/v1/cases/${listed.id}`);
    const redRed = detail.firings.find((f: { kind: string }) => f.kind === 'red_red');
    expect(redRed.evidence.latest).toMatchObject({ period: 'FY2023', value: 15.8 });
    expect(redRed.evidence.group).toMatchObject({ groupId: 'oflog-nn-E09000030', size: 16, rank: 16 });
  });

  it('shows the example partnership, its peer review linked to Tameside’s case on rung 2', async () => {
    const partnership = await json('/api/v1/partnerships/greater-manchester-improvement');
    expect(partnership.members).toHaveLength(10);
    expect(partnership.peerReviews).toHaveLength(1);
    const review = partnership.peerReviews[0];
    expect(review).toMatchObject({ reviewed: { id: 'tameside-council' }, reviewedOn: '2025-11-12' });
    const cases = await json('/api/v1/cases?status=open&body=tameside-council&indicator=ASC5');
    expect(cases.items).toHaveLength(1);
    expect(cases.items[0]).toMatchObject({ rung: 2, id: review.caseIds[0] });
    const detail = await json(`/api/v1/cases/${review.caseIds[0]}`);
    expect(detail.peerReviews.map((r: { id: number }) => r.id)).toEqual([review.id]);
  });
});
