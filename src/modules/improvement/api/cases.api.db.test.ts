import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import { makePerson } from '../../../../test/support/accounts-factories.ts';
import { seedImprovementWorld, WORLD } from '../../../../test/support/improvement-api-world.ts';
import { cliActor, type Role } from '../../accounts/index.ts';
import { actOnCase, addRuleVersion, runTriggers } from '../cases/index.ts';
import type { caseDetailSchema, caseListingSchema } from './case-presenters.ts';
import type { rulesSchema } from './rule-presenters.ts';

let t: TestApp;
const db = () => t.database.db;
const deps = () => ({ clock: t.clock });
/** A person holding one role, named as the audit log (and so the API) names them. */
const person = async (displayName: string, role: Role, bodyId: string | null = null) =>
  (await makePerson(db(), { displayName, roles: [{ role, bodyId, areaCode: null }] })).actor;

beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  await seedImprovementWorld(db());
  await runTriggers(db(), cliActor(), deps());
});
afterEach(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
async function json<T>(url: string): Promise<T> {
  const response = await get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.json<T>();
}
type CaseList = {
  items: z.infer<typeof caseListingSchema>[];
  total: number;
  limit: number;
  offset: number;
  links: Record<string, string | null>;
};
const cases = (query = '') => json<CaseList>(`/cases${query}`);
const caseDetail = (id: number) => json<z.infer<typeof caseDetailSchema>>(`/cases/${id}`);
const problem = async (url: string, status: number) => {
  const response = await get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(status);
  return response.json<{
    error: { code: string; message: string; details: { field?: string; value?: unknown; reason: string }[] };
  }>().error;
};
const bodies = (list: CaseList) => list.items.map((c) => c.body.id);
/** The case for a council's indicator. */
async function caseOf(bodyId: string, indicator: string) {
  const found = (await cases(`?body=${bodyId}&indicator=${indicator}`)).items[0];
  if (!found) throw new Error(`no case for ${bodyId} ${indicator}`);
  return found;
}

describe('the cases list', () => {
  it('lists the cases the triggers opened from the figures, each with its council, area, indicator, kinds and links', async () => {
    const all = await cases();
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all).toMatchObject({ limit: 50, offset: 0 });
    const trafford = await caseOf(WORLD.trafford.id, WORLD.recycling);
    expect(trafford).toMatchObject({
      state: 'open',
      stateName: 'Open: awaiting an owner',
      open: true,
      rung: 1,
      rungName: 'Internal performance management and scrutiny',
      body: { id: 'trafford-council', name: 'Trafford Council' },
      area: { code: 'E08000009', name: 'Trafford' },
      indicator: { code: 'REC', title: 'Household waste recycled' },
      ownerName: null,
      closedAt: null,
      links: {
        self: `/api/v1/cases/${trafford.id}`,
        html: `/cases/${trafford.id}`,
        body: '/api/v1/bodies/trafford-council',
        area: '/api/v1/areas/E08000009',
        indicator: '/api/v1/indicators/REC',
        risk: '/api/v1/risk/trafford-council',
      },
    });
    expect(trafford.kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['bottom_quartile', 'red_red']));
    expect(trafford.kinds.find((k) => k.kind === 'bottom_quartile')?.name).toBe('Bottom quartile of comparators');
    expect(trafford.firingCount).toBeGreaterThanOrEqual(2);
    expect(trafford.latestSummary).not.toBe('');
    expect(await caseOf(WORLD.bury.id, WORLD.delays)).toMatchObject({
      body: { name: 'Bury Council' },
      indicator: { code: 'DELAY' },
    });
  });

  it('filters by council, area, indicator, status, rung and kind', async () => {
    expect(new Set(bodies(await cases(`?body=${WORLD.trafford.id}`)))).toEqual(new Set([WORLD.trafford.id]));
    expect(new Set(bodies(await cases(`?area=${WORLD.bury.area}`)))).toEqual(new Set([WORLD.bury.id]));
    expect((await cases(`?indicator=${WORLD.delays}`)).items.map((c) => c.indicator?.code)).toContain('DELAY');
    expect((await cases(`?indicator=${WORLD.delays}`)).items.every((c) => c.indicator?.code === 'DELAY')).toBe(true);
    expect((await cases('?kind=bottom_quartile')).items.every((c) => c.kinds.some((k) => k.kind === 'bottom_quartile'))).toBe(
      true,
    );
    expect(bodies(await cases('?kind=bottom_quartile'))).toContain(WORLD.trafford.id);
    expect((await cases('?kind=call_for_action')).total).toBe(0);
    expect((await cases('?body=nobody')).total).toBe(0);
    expect((await cases('?status=closed')).total).toBe(0);
    expect((await cases('?status=open')).total).toBe((await cases()).total);
    expect((await cases('?rung=2')).total).toBe(0);

    const trafford = await caseOf(WORLD.trafford.id, WORLD.recycling);
    await actOnCase(db(), cliActor(), trafford.id, { action: 'escalate', reason: 'No improvement in three years' }, deps());
    expect((await cases('?rung=2')).items.map((c) => c.id)).toEqual([trafford.id]);
    await actOnCase(db(), cliActor(), trafford.id, { action: 'close', reason: 'Waste collection contract re-let' }, deps());
    const closed = await cases('?status=closed');
    expect(closed.items.map((c) => [c.id, c.state, c.open, c.closedReason])).toEqual([
      [trafford.id, 'closed', false, 'Waste collection contract re-let'],
    ]);
    expect((await cases('?status=open')).items.map((c) => c.id)).not.toContain(trafford.id);
  });

  it('pages by limit and offset or by page and pageSize, with links, and gives the list as CSV', async () => {
    const all = await cases();
    const [first, second] = all.items;
    const one = await cases('?limit=1');
    expect(one.items.map((c) => c.id)).toEqual([first!.id]);
    expect(one.links.next).toBe('/api/v1/cases?limit=1&offset=1');
    expect((await cases('?limit=1&offset=1')).items.map((c) => c.id)).toEqual([second!.id]);
    // an offset between the service's pages
    expect((await cases('?limit=2&offset=1')).items.map((c) => c.id)).toEqual(all.items.slice(1, 3).map((c) => c.id));
    const paged = await cases('?page=2&pageSize=1');
    expect(paged).toMatchObject({ total: all.total, limit: 1, offset: 1 });
    expect(paged.items.map((c) => c.id)).toEqual([second!.id]);

    const csv = await get(`/cases?format=csv&body=${WORLD.trafford.id}`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="cases-trafford-council.csv"');
    const [header, row] = csv.body.split('\n');
    expect(header).toBe(
      'id,state,rung,body,body_name,area,area_name,indicator,indicator_title,title,kinds,owner,deadline,opened_at,closed_at,closed_reason,firings,latest_summary',
    );
    expect(row).toMatch(
      new RegExp(`^\\d+,open,1,trafford-council,Trafford Council,E08000009,Trafford,REC,Household waste recycled,`),
    );
  });

  it('refuses a filter or page value it does not take, naming the parameter and the value', async () => {
    const status = await problem('/cases?status=bogus', 400);
    expect(status.details).toEqual([{ field: 'querystring.status', reason: 'must be open or closed, not "bogus"' }]);
    expect((await problem('/cases?rung=4', 400)).details).toEqual([
      { field: 'querystring.rung', reason: 'must be 1, 2 or 3, not "4"' },
    ]);
    expect((await problem('/cases?kind=Bottom%20Quartile', 400)).details[0]).toMatchObject({ field: 'querystring.kind' });
    expect((await problem('/cases?area=E08%27--', 400)).details[0]?.reason).toContain('"E08\'--"');
    expect((await problem('/cases?page=0', 400)).details).toEqual([
      { field: 'querystring.page', reason: 'must be a page number from 1 to 100000, not 0' },
    ]);
    expect((await problem('/cases?limit=ten', 400)).details).toEqual([
      { field: 'querystring.limit', reason: 'must be a number of rows (a whole number from 1 to 100000), not "ten"' },
    ]);
    expect((await problem('/cases?page=2&offset=1', 400)).details).toEqual([
      { field: 'page', value: 2, reason: 'cannot be given with offset' },
    ]);
  });
});

describe('a case', () => {
  it('gives its timeline, the firings that are its evidence, its series with the comparator medians and what may be done next', async () => {
    const { id } = await caseOf(WORLD.trafford.id, WORLD.recycling);
    const opened = await caseDetail(id);
    expect(opened).toMatchObject({ id, state: 'open', links: { self: `/api/v1/cases/${id}`, html: `/cases/${id}` } });
    expect(opened.events[0]).toMatchObject({
      seq: 1,
      action: 'open',
      fromState: null,
      toState: 'open',
      toRung: 1,
      actor: 'system: triggers',
    });
    expect(opened.firings.map((f) => f.kind)).toEqual(expect.arrayContaining(['bottom_quartile', 'red_red']));
    const quartile = opened.firings.find((f) => f.kind === 'bottom_quartile')!;
    expect(quartile).toMatchObject({ source: 'indicator_rules', kindName: 'Bottom quartile of comparators', period: 'FY2022' });
    expect(quartile.rule).toMatchObject({ version: 1 });
    expect(Object.keys(quartile.evidence).length).toBeGreaterThan(0);
    expect(opened.series.map((p) => [p.period, p.value])).toEqual([
      ['FY2020', 38],
      ['FY2021', 35],
      ['FY2022', 31],
    ]);
    expect(opened.comparatorMedians.map((m) => m.period)).toEqual(['FY2020', 'FY2021', 'FY2022']);
    expect(opened.comparatorGroup).not.toBeNull();
    expect(opened.peerReviews).toEqual([]);
    expect(opened.nextActions).toContain('acknowledge');
    expect(opened.nextActions).not.toContain('add_action_plan');

    const officer = await person('Pat Officer', 'performance_officer', WORLD.trafford.id);
    await actOnCase(db(), officer, id, { action: 'acknowledge', ownerName: 'Head of Waste Services' }, deps());
    const acknowledged = await caseDetail(id);
    expect(acknowledged).toMatchObject({ state: 'acknowledged', ownerName: 'Head of Waste Services' });
    expect(acknowledged.events.at(-1)).toMatchObject({
      seq: 2,
      action: 'acknowledge',
      fromState: 'open',
      toState: 'acknowledged',
      actor: 'Pat Officer',
    });
    expect(acknowledged.nextActions).toContain('add_action_plan');
  });

  it('answers 404 for a case that does not exist and 400 for an id that is not a case number', async () => {
    expect(await problem('/cases/999999', 404)).toMatchObject({
      code: 'not_found',
      message: 'No case numbered 999999',
      details: [{ field: 'id', value: 999999, reason: 'no case has this number' }],
    });
    expect((await problem('/cases/abc', 400)).details).toEqual([
      { field: 'params.id', reason: 'must be a case number (a whole number from 1 to 2147483647), not "abc"' },
    ]);
  });
});

describe('the trigger rules', () => {
  it('gives the rules in force and every version with its scope, parameters, who, when and why', async () => {
    const before = await json<z.infer<typeof rulesSchema>>('/triggers/rules');
    expect(before.links).toEqual({ self: '/api/v1/triggers/rules', html: '/triggers' });
    const general = before.inForce.find((r) => r.kind === 'bottom_quartile' && r.scope.body === '*' && r.scope.indicator === '*');
    expect(general).toMatchObject({ version: 1, enabled: true, scope: { description: 'every council, every indicator' } });
    expect(general?.params).toMatchObject({ periods: 2, openAtRung: 1 });
    expect(new Set(before.inForce.map((r) => r.kind))).toEqual(
      new Set(['off_target', 'red_red', 'bottom_quartile', 'series_break', 'data_late', 'satisfaction_fall']),
    );

    const assessor = await person('Sam Assessor', 'assessor');
    await addRuleVersion(
      db(),
      assessor,
      {
        kind: 'bottom_quartile',
        bodyId: WORLD.trafford.id,
        indicatorCode: WORLD.recycling,
        params: { periods: 3 },
        reason: 'Three years before a case, as agreed with the council',
      },
      deps(),
    );
    const after = await json<z.infer<typeof rulesSchema>>('/triggers/rules');
    const own = after.versions.filter((r) => r.scope.body === WORLD.trafford.id);
    expect(own).toEqual([
      expect.objectContaining({
        kind: 'bottom_quartile',
        kindName: 'Bottom quartile of comparators',
        version: 1,
        scope: { body: 'trafford-council', indicator: 'REC', description: 'trafford-council, indicator REC' },
        createdAt: '2025-06-01T09:00:00.000Z',
        createdBy: 'Sam Assessor',
        reason: 'Three years before a case, as agreed with the council',
      }),
    ]);
    expect(own[0]?.params).toMatchObject({ periods: 3 });
    expect(after.inForce.some((r) => r.scope.body === WORLD.trafford.id)).toBe(true);
    expect(after.versions.length).toBe(before.versions.length + 1);
  });
});
