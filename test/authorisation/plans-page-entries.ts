/**
 * The matrix's entries for the plans pages' forms: each acts on a new plan of Trafford's (a service
 * plan with a priority, a target and an action), published, with a draft where the form changes one.
 * Trafford's performance officers may change Trafford's plans; an officer of Stockport and a
 * councillor of Trafford are refused.
 */
import { plansAssessmentOf } from '../../src/main/app.ts';
import { cliActor } from '../../src/modules/accounts/index.ts';
import { assessTargets, importPlans, planUrls, reviseDraft } from '../../src/modules/plans/index.ts';
import { follow } from '../support/submission-web.ts';
import { NATIONAL_INDICATOR, TRAFFORD, TRAFFORD_AREA } from '../support/submission-factories.ts';
import { type PageEntry, TRAFFORD_OFFICER } from './entry.ts';
import { pageForm, pageUpload } from './requests.ts';
import type { World } from './world.ts';

let made = 0;

/** A service plan of Trafford's no earlier call made, in the import format. */
function servicePlan(): { plans: Record<string, unknown>[] } {
  const id = `matrix-page-plan-${++made}`;
  return {
    plans: [
      {
        id,
        kind: 'service_plan',
        owner: TRAFFORD,
        area: TRAFFORD_AREA,
        title: `Street cleansing plan ${made}`,
        inForceFrom: '2025-04-01',
        publish: true,
        items: [
          { kind: 'priority', key: 'P1', title: 'Clean streets' },
          {
            kind: 'target',
            key: 'T1',
            parent: 'P1',
            title: 'More household waste recycled',
            indicator: NATIONAL_INDICATOR,
            baseline: { period: '2023/24', value: 40 },
            target: { period: '2026/27', value: 50 },
          },
          { kind: 'action', key: 'A1', parent: 'P1', title: 'Sweep the town centre daily', due: '2026-03-31' },
        ],
      },
    ],
  };
}

/** A new published service plan of Trafford's, with a draft of its next version when asked; its id. */
async function traffordPlan(w: World, opts: { draft?: boolean } = {}): Promise<string> {
  // the server judges targets after each write it answers: let it finish before and after, so that
  // its judgements fall in no case's counts
  const runner = plansAssessmentOf(w.app);
  await runner.idle();
  const file = servicePlan();
  await importPlans(w.db, cliActor(), { name: 'matrix.json', content: JSON.stringify(file) }, { clock: w.clock });
  const id = file.plans[0]!.id as string;
  // judged as the command line judges what it imports, so that a refused request leaves nothing to judge
  await assessTargets(w.db, cliActor(), { planId: id }, { clock: w.clock });
  if (opts.draft) await reviseDraft(w.db, cliActor(), id, { clock: w.clock });
  await runner.idle();
  return id;
}

/** A checked plans file of Trafford's held for its performance officer's session; its id. */
async function heldPlanFile(w: World): Promise<string> {
  const browser = w.people.traffordOfficer.browser;
  const file = { name: 'plans.json', content: Buffer.from(JSON.stringify(servicePlan())) };
  const report = await follow(browser, await pageUpload(planUrls.importPlans(), {}, file)(w.app, { browser }));
  const id = /\/plans\/import\/checked\/([^/?]+)/.exec(report.url)?.[1];
  if (!id) throw new Error(`not a checked plans file: ${report.url}`);
  return id;
}

const PLAN_PAGE = (done: string) => new RegExp(`^/plans/matrix-page-plan-\\d+\\?version=draft&done=${done}$`);
const ITEM_PAGE = (key: string, done: string) => new RegExp(`^/plans/matrix-page-plan-\\d+/items/${key}\\?done=${done}$`);
const HELD_ELSEWHERE = {
  status: 404,
  why: 'a checked file is held for the person and session that checked it; anyone else is told it is no longer held',
};

const page = (route: string, seed: PageEntry['seed'], success: RegExp, extra: Partial<PageEntry> = {}): PageEntry => ({
  route,
  kind: 'page',
  guard: TRAFFORD_OFFICER,
  seed,
  success,
  ...extra,
});

export const PLAN_PAGE_ENTRIES: readonly PageEntry[] = [
  page(
    'POST /plans/new',
    async () =>
      pageForm(planUrls.newPlan(), {
        kind: 'service_plan',
        id: `matrix-page-plan-${++made}`,
        owner: TRAFFORD,
        title: 'A new plan',
      }),
    PLAN_PAGE('created'),
  ),
  page(
    'POST /plans/:id/edit',
    async (w) => pageForm(planUrls.editDetails(await traffordPlan(w, { draft: true })), { title: 'A better title' }),
    PLAN_PAGE('details-saved'),
  ),
  page(
    'POST /plans/:id/publish',
    async (w) =>
      pageForm(planUrls.publish(await traffordPlan(w, { draft: true })), {
        'inForceFrom-day': '1',
        'inForceFrom-month': '6',
        'inForceFrom-year': '2025',
        changeNote: 'Revised',
      }),
    /^\/plans\/matrix-page-plan-\d+\?version=2&done=published$/,
  ),
  page('POST /plans/:id/revise', async (w) => pageForm(planUrls.revise(await traffordPlan(w))), PLAN_PAGE('revision-started')),
  page(
    'POST /plans/:id/items/new',
    async (w) =>
      pageForm(planUrls.newItem(await traffordPlan(w, { draft: true }), { kind: 'priority' }), {
        key: 'P2',
        title: 'Clean parks',
      }),
    PLAN_PAGE('item-added'),
  ),
  page(
    'POST /plans/:id/items/:key/edit',
    async (w) => pageForm(planUrls.editItem(await traffordPlan(w, { draft: true }), 'P1'), { title: 'Cleaner streets' }),
    PLAN_PAGE('item-saved'),
  ),
  page(
    'POST /plans/:id/items/:key/remove',
    async (w) => pageForm(planUrls.removeItem(await traffordPlan(w, { draft: true }), 'A1')),
    PLAN_PAGE('item-removed'),
  ),
  page(
    'POST /plans/:id/items/:key/tolerance',
    async (w) =>
      pageForm(planUrls.tolerance(await traffordPlan(w), 'T1'), {
        tolerance: '1.5',
        toleranceKind: 'absolute',
        reason: 'Agreed',
      }),
    ITEM_PAGE('T1', 'tolerance-changed'),
  ),
  page(
    'POST /plans/:id/items/:key/progress',
    async (w) =>
      pageForm(planUrls.progress(await traffordPlan(w), 'A1'), {
        progress: '30',
        state: 'in_progress',
        'asOf-day': '31',
        'asOf-month': '5',
        'asOf-year': '2025',
      }),
    ITEM_PAGE('A1', 'progress-reported'),
  ),
  page(
    'POST /plans/import',
    async () =>
      pageUpload(planUrls.importPlans(), {}, { name: 'plans.json', content: Buffer.from(JSON.stringify(servicePlan())) }),
    /^\/plans\/import\/checked\/[\w-]+$/,
    { writes: false },
  ),
  page(
    'POST /plans/import/checked/:id',
    async (w) => pageForm(planUrls.checkedImport(await heldPlanFile(w))),
    /^\/plans\/matrix-page-plan-\d+\?version=1&done=imported$/,
    { refusals: { wrongBody: HELD_ELSEWHERE, withoutRole: HELD_ELSEWHERE } },
  ),
];
