/**
 * Every check an imported plan goes through, one case each: the problem is reported at its JSON path
 * with its reason, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { PLAN_BODIES, planJson, plansClock, seedPlansWorld, TRAFFORD } from '../../../test/support/plans-factories.ts';
import { cliActor } from '../accounts/index.ts';
import { importPlans } from './index.ts';

let handle: DatabaseHandle;
const clock = plansClock();

type Json = Record<string, unknown>;

/** A valid strategy: a theme, a priority, a target and an action; items[2] is the target, items[3] the action. */
function strategy(): Json {
  return {
    id: 'checked-plan',
    kind: 'community_strategy',
    owner: PLAN_BODIES.lsp,
    area: TRAFFORD,
    title: 'A plan to check',
    items: [
      { kind: 'theme', key: 'th', title: 'Theme' },
      { kind: 'priority', key: 'pr', parent: 'th', title: 'Priority' },
      {
        kind: 'target',
        key: 'tg',
        parent: 'pr',
        title: 'Target',
        indicator: 'REC',
        baseline: { period: '2020/21', value: 52 },
        target: { period: '2025/26', value: 62 },
      },
      { kind: 'action', key: 'ac', parent: 'pr', title: 'Action', due: '2026-03-31' },
    ],
  };
}

const items = (plan: Json) => plan.items as Json[];
const target = (changes: Json) => (plan: Json) => Object.assign(items(plan)[2]!, changes);
const action = (changes: Json) => (plan: Json) => Object.assign(items(plan)[3]!, changes);

beforeAll(async () => {
  handle = await freshDatabase();
  await seedPlansWorld(handle.db);
  await importPlans(
    handle.db,
    cliActor(),
    planJson({ plans: [{ ...strategy(), id: 'recorded-plan', inForceFrom: '2024-04-01', publish: true }] }),
    { clock },
  );
});
afterAll(async () => handle.close());

async function problemsOf(file: unknown): Promise<{ field?: string; reason: string }[]> {
  const before = await handle.db
    .selectFrom('plan_version')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const error = await importPlans(handle.db, cliActor(), planJson(file), { clock }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const after = await handle.db
    .selectFrom('plan_version')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(after.n)).toBe(Number(before.n));
  return (error as ValidationError).details.map((d) => ({ ...(d.field ? { field: d.field } : {}), reason: d.reason }));
}

const T = 'plans[0].items[2]';
const A = 'plans[0].items[3]';

describe('importing plans: every item check', () => {
  it.each<[string, (plan: Json) => void, string, string]>([
    ['an unknown indicator', target({ indicator: 'NOPE' }), `${T}.indicator`, 'is not a known indicator'],
    ['an unknown area', target({ area: 'E99999999' }), `${T}.area`, 'is not a known area'],
    ['an unknown covered area', target({ coverage: ['E05000001', 'X'] }), `${T}.coverage[1]`, 'is not a known area'],
    ['an unknown owner', target({ owner: 'nobody' }), `${T}.owner`, 'is not a known body'],
    ['no direction where the indicator has no polarity', target({ indicator: 'FLAT' }), `${T}.direction`, 'FLAT has no polarity'],
    ['a direction that is not one', target({ direction: 'up' }), `${T}.direction`, 'must be one of higher, lower, range'],
    [
      'a period of another type',
      target({ baseline: { period: '2020', value: 52 } }),
      `${T}.baseline.period`,
      'not a financial year',
    ],
    ['a baseline without a value', target({ baseline: { period: '2020/21' } }), `${T}.baseline.value`, 'is required'],
    [
      'a value that is not a number',
      target({ target: { period: '2025/26', value: 'sixty' } }),
      `${T}.target.value`,
      'must be a number',
    ],
    ['no target', target({ target: undefined }), `${T}.target`, 'is required'],
    [
      'a range for a higher-is-better target',
      target({ target: { period: '2025/26', low: 60, high: 65 } }),
      `${T}.target.value`,
      'only for a range target',
    ],
    [
      'a range upside down',
      target({ direction: 'range', target: { period: '2025/26', low: 65, high: 60 } }),
      `${T}.target.value`,
      'is above the high end',
    ],
    [
      'a value and a range',
      target({ target: { period: '2025/26', value: 1, low: 0, high: 2 } }),
      `${T}.target.value`,
      'not both',
    ],
    [
      'a target before its baseline',
      target({ target: { period: '2019/20', value: 62 } }),
      `${T}.target.period`,
      'must come after the baseline',
    ],
    [
      'a milestone after the target',
      target({ milestones: [{ period: '2026/27', value: 60 }] }),
      `${T}.milestones[0].period`,
      'must come before the target',
    ],
    ['a milestone without a value', target({ milestones: [{ period: '2023/24' }] }), `${T}.milestones[0].value`, 'is required'],
    [
      'milestones out of order',
      target({
        milestones: [
          { period: '2023/24', value: 58 },
          { period: '2022/23', value: 56 },
        ],
      }),
      `${T}.milestones[1].period`,
      'period order',
    ],
    ['a negative tolerance', target({ tolerance: -1 }), `${T}.tolerance`, 'must not be negative'],
    ['a percentage tolerance over 100', target({ tolerance: 120, toleranceKind: 'percent' }), `${T}.tolerance`, 'at most 100'],
    ['a tolerance kind without a tolerance', target({ toleranceKind: 'percent' }), `${T}.toleranceKind`, 'goes with a tolerance'],
    [
      'a national target without its priority',
      target({ targetKind: 'national' }),
      `${T}.nationalPriority`,
      'is required for a national target',
    ],
    [
      'an unknown national priority',
      target({ nationalPriority: 'PSA 99' }),
      `${T}.nationalPriority`,
      'is not a known national priority',
    ],
    [
      'a stretch target without its reward',
      target({ targetKind: 'stretch' }),
      `${T}.stretch`,
      'is required for a stretch target',
    ],
    [
      'a stretch reward with neither amount nor description',
      target({ targetKind: 'stretch', stretch: {} }),
      `${T}.stretch`,
      'give the reward',
    ],
    [
      'a negative reward',
      target({ targetKind: 'stretch', stretch: { amountGbp: -5 } }),
      `${T}.stretch.amountGbp`,
      'must be at least 0',
    ],
    ['a reward on a local target', target({ stretch: { amountGbp: 5 } }), `${T}.stretch`, 'only for a stretch target'],
    ['a target kind that is not one', target({ targetKind: 'ambitious' }), `${T}.targetKind`, 'must be one of national, local'],
    ['a measure that is not one', target({ measure: 'rate' }), `${T}.measure`, 'must be one of level, gap'],
    ['gap parts on a level target', target({ gapParts: 'ward' }), `${T}.gapParts`, 'only for a gap target'],
    [
      'gap parts that are not an area type',
      target({ measure: 'gap', gapParts: 'streets' }),
      `${T}.gapParts`,
      'must be an area type',
    ],
    ['a field no target has', target({ colour: 'red' }), `${T}.colour`, 'is not a field of this kind of item'],
    ['an action without a due date', action({ due: undefined }), `${A}.due`, 'is required'],
    ['a due date that is not one', action({ due: '2026-02-30' }), `${A}.due`, 'is not a date'],
    [
      'an action milestone without a title',
      action({ milestones: [{ due: '2025-01-01' }] }),
      `${A}.milestones[0].title`,
      'is required',
    ],
    [
      'an action milestone done that is not yes or no',
      action({ milestones: [{ due: '2025-01-01', title: 'x', done: 'nearly' }] }),
      `${A}.milestones[0].done`,
      'true or false',
    ],
    [
      'progress over 100',
      action({ progress: { progress: 120, state: 'in_progress', asOf: '2025-01-01' } }),
      `${A}.progress.progress`,
      'at most 100',
    ],
    [
      'a progress state that is not one',
      action({ progress: { progress: 10, state: 'busy', asOf: '2025-01-01' } }),
      `${A}.progress.state`,
      'must be one of',
    ],
    [
      'a baseline on an action',
      action({ baseline: { period: '2020/21', value: 1 } }),
      `${A}.baseline`,
      'is not a field of this kind of item',
    ],
  ])('%s', async (_what, change, field, reason) => {
    const plan = strategy();
    change(plan);
    expect(await problemsOf({ plans: [plan] })).toContainEqual({ field, reason: expect.stringContaining(reason) as string });
  });
});

describe('importing plans: how items hang together', () => {
  const withItems = (extra: Json[], change: (items: Json[]) => void = () => undefined) => {
    const plan = strategy();
    items(plan).push(...extra);
    change(items(plan));
    return { plans: [plan] };
  };
  it.each<[string, unknown, string, string]>([
    [
      'a parent that is not in the plan',
      withItems([{ kind: 'priority', key: 'p2', parent: 'missing', title: 'x' }]),
      'plans[0].items[4].parent',
      'is not the key of an item',
    ],
    [
      'a theme under something',
      withItems([{ kind: 'theme', key: 't2', parent: 'th', title: 'x' }]),
      'plans[0].items[4].parent',
      'a theme has no parent',
    ],
    [
      'a priority under a priority',
      withItems([{ kind: 'priority', key: 'p2', parent: 'pr', title: 'x' }]),
      'plans[0].items[4].parent',
      'not under a priority',
    ],
    [
      'a target under a theme',
      withItems([], (i) => Object.assign(i[2]!, { parent: 'th' })),
      'plans[0].items[2].parent',
      'a target sits under a priority',
    ],
    [
      'an action with no parent',
      withItems([], (i) => Object.assign(i[3]!, { parent: undefined })),
      'plans[0].items[3].parent',
      'an action sits under a priority',
    ],
    ['a key twice', withItems([{ kind: 'theme', key: 'th', title: 'again' }]), 'plans[0].items[4].key', 'appears twice'],
    ['a key with spaces', withItems([{ kind: 'theme', key: 'a b', title: 'x' }]), 'plans[0].items[4].key', 'letters, digits'],
    [
      'an item kind that is not one',
      withItems([{ kind: 'goal', key: 'g', title: 'x' }]),
      'plans[0].items[4].kind',
      'must be one of theme',
    ],
    ['an item without a title', withItems([{ kind: 'theme', key: 't3' }]), 'plans[0].items[4].title', 'is required'],
    [
      'serving the plan itself',
      withItems([], (i) => Object.assign(i[1]!, { serves: 'checked-plan#th' })),
      'plans[0].items[1].serves[0]',
      'within a plan, use parent',
    ],
    [
      'serving an unknown plan',
      withItems([], (i) => Object.assign(i[1]!, { serves: 'nowhere#x' })),
      'plans[0].items[1].serves[0]',
      'nowhere is not a known plan',
    ],
    [
      'serving a key the plan has not',
      withItems([], (i) => Object.assign(i[1]!, { serves: 'recorded-plan#nope' })),
      'plans[0].items[1].serves[0]',
      'has no item nope',
    ],
    [
      'a serves link written wrongly',
      withItems([], (i) => Object.assign(i[1]!, { serves: 'recorded-plan/pr' })),
      'plans[0].items[1].serves[0]',
      'plan-id#key',
    ],
  ])('%s', async (_what, file, field, reason) => {
    expect(await problemsOf(file)).toContainEqual({ field, reason: expect.stringContaining(reason) as string });
  });
});

describe('importing plans: the plan and the file', () => {
  const plan = (changes: Json) => ({ plans: [{ ...strategy(), ...changes }] });
  it.each<[string, unknown, string | undefined, string]>([
    ['an id with capitals', plan({ id: 'My-Plan' }), 'plans[0].id', 'lower-case letters'],
    ['a kind that is not one', plan({ kind: 'vision' }), 'plans[0].kind', 'must be one of community_strategy'],
    ['an unknown owner', plan({ owner: 'nobody' }), 'plans[0].owner', 'is not a known body'],
    ['an unknown area', plan({ area: 'E99999999' }), 'plans[0].area', 'is not a known area'],
    ['no title', plan({ title: ' ' }), 'plans[0].title', 'is required'],
    ['years covered that are not periods', plan({ coversFrom: 'soon' }), 'plans[0].coversFrom', 'not a period we can read'],
    [
      'years covered backwards',
      plan({ coversFrom: '2025/26', coversTo: '2021/22' }),
      'plans[0].coversTo',
      'must not come before',
    ],
    ['partners of a strategy', plan({ partners: [PLAN_BODIES.council] }), 'plans[0].partners', 'only a Local Area Agreement'],
    ['an unknown partner', plan({ kind: 'laa', partners: ['nobody'] }), 'plans[0].partners[0]', 'is not a known body'],
    ['a date in force that is not one', plan({ inForceFrom: '1 April' }), 'plans[0].inForceFrom', 'is not a date'],
    ['a field no plan has', plan({ colour: 'red' }), 'plans[0].colour', 'is not a field of this kind of item'],
    [
      'a recorded plan given another owner',
      plan({ id: 'recorded-plan', owner: PLAN_BODIES.council }),
      'plans[0].owner',
      'a recorded plan keeps its owner',
    ],
    [
      'a recorded plan given another kind',
      plan({ id: 'recorded-plan', kind: 'laa' }),
      'plans[0].kind',
      'a recorded plan keeps its kind',
    ],
    ['the same plan twice', { plans: [strategy(), strategy()] }, 'plans[1].id', 'appears twice in the file'],
    ['a field no file has', { plans: [], colour: 'red' }, 'colour', 'is not a field of a plan file'],
    ['plans that are not a list', { plans: {} }, 'plans', 'must be a list'],
    ['a file that is not an object', [], undefined, 'must be a JSON object'],
    [
      'a national priority without wording',
      { nationalPriorities: [{ code: 'PSA 1' }], plans: [] },
      'nationalPriorities[0].wording',
      'is required',
    ],
    [
      'a national priority of no known kind',
      { nationalPriorities: [{ code: 'PSA 1', wording: 'w', kind: 'wish' }], plans: [] },
      'nationalPriorities[0].kind',
      'psa_target or psa_standard',
    ],
    [
      'a national priority twice',
      {
        nationalPriorities: [
          { code: 'PSA 1', wording: 'w' },
          { code: 'PSA 1', wording: 'w' },
        ],
        plans: [],
      },
      'nationalPriorities[1].code',
      'appears twice',
    ],
  ])('%s', async (_what, file, field, reason) => {
    expect(await problemsOf(file)).toContainEqual({
      ...(field ? { field } : {}),
      reason: expect.stringContaining(reason) as string,
    });
  });

  it('refuses a file that is not JSON, saying where', async () => {
    await expect(importPlans(handle.db, cliActor(), { name: 'plans.json', content: '{ "plans": [' }, { clock })).rejects.toThrow(
      'plans.json is not valid JSON',
    );
  });
});
