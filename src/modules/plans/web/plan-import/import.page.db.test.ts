import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import type { TestApp } from '../../../../../test/support/app.ts';
import { sendForm } from '../../../../../test/support/form-web.ts';
import { examplePlans, PLAN_BODIES } from '../../../../../test/support/plans-factories.ts';
import { plansApp } from '../../../../../test/support/plans-web.ts';
import { getByRole, parsePage, queryAllByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { follow, multipartBody } from '../../../../../test/support/submission-web.ts';
import { CSRF_FIELD } from '../../../../platform/web/index.ts';
import { planUrls } from '../urls.ts';

let t: TestApp;
let officer: Browser;
const db = () => t.database.db;

beforeEach(async () => {
  t = await plansApp({ imported: false });
  officer = (await signInWithRole(t.app, db(), 'performance_officer', { bodyId: PLAN_BODIES.council })).browser;
});
afterEach(async () => t.close());

/** The import form as a browser sends it: the CSRF token first, the publish box, then the file. */
async function sendImport(
  browser: Browser,
  file: { name: string; content: string } | null,
  opts: { publish?: boolean; csrf?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const token = opts.csrf === undefined ? browser.csrf : opts.csrf;
  const fields: [string, string][] = [];
  if (token) fields.push([CSRF_FIELD, token]);
  if (opts.publish) fields.push(['publish', 'yes']);
  const { payload, contentType } = multipartBody(fields, file ? { ...file, type: 'application/json' } : undefined);
  const cookie = browser.cookieHeader(planUrls.importPlans());
  return t.app.inject({
    method: 'POST',
    url: planUrls.importPlans(),
    headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) },
    payload,
  });
}

const plansCount = async () =>
  Number(
    (
      await db()
        .selectFrom('plan')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const exampleFile = () => ({ name: 'trafford.json', content: JSON.stringify(examplePlans()) });

describe('importing plans', () => {
  it('checks the file first and says what it would change, writing nothing until Import is pressed', async () => {
    const { document } = await officer.get(planUrls.importPlans());
    getByRole(document, 'button', { name: 'Check the file' });

    const checked = await sendImport(officer, exampleFile());
    expect(checked.statusCode).toBe(303);
    expect(checked.headers.location).toMatch(/^\/plans\/import\/checked\/[\w-]+$/);
    const report = await follow(officer, checked);
    getByRole(report.document, 'heading', { name: 'Check what the import will change', level: 1 });
    const rows = getByRole(report.document, 'table', { name: 'What the import changes' })
      .querySelectorAll('tbody tr')
      .map((r) => r.querySelectorAll('td').map(textOf).slice(0, 2));
    expect(rows).toEqual([
      ['trafford-scs', 'A new plan, as version 1'],
      ['trafford-laa', 'A new plan, as version 1'],
      ['waste-service', 'A new plan, as version 1'],
    ]);
    expect(textOf(getByRole(report.document, 'main'))).toContain('National priorities: 1 new, 0 changed, 0 unchanged.');
    expect(await plansCount()).toBe(0);

    const imported = await sendForm(officer, report.url, 'Import');
    expect(imported.statusCode).toBe(303);
    expect(imported.headers.location).toBe('/plans?done=imported');
    expect(await plansCount()).toBe(3);
    // the checked file is gone once imported
    expect((await officer.get(report.url)).response.statusCode).toBe(404);

    const again = await follow(officer, await sendImport(officer, exampleFile()));
    getByRole(again.document, 'heading', { name: 'The file changes nothing', level: 1 });
    expect(queryAllByRole(again.document, 'button', { name: 'Import' })).toEqual([]);
  });

  it('lists every problem with where it is, the field and the value, and writes nothing', async () => {
    const plans = examplePlans();
    Object.assign(plans.plans[0]!.items[2]!, { indicator: 'NOPE' });
    const bad = await sendImport(officer, { name: 'bad.json', content: JSON.stringify(plans) });
    expect(bad.statusCode).toBe(400);
    const document = parsePage(bad.body);
    getByRole(document, 'heading', { name: 'There are problems with your file', level: 1 });
    const problems = getByRole(document, 'table', { name: 'Problems, by where they are in the file' })
      .querySelectorAll('tbody tr')
      .map((r) => r.querySelectorAll('td').map(textOf));
    expect(problems).toContainEqual(['', 'plans[0].items[2].indicator', 'NOPE', 'is not a known indicator code or alias']);
    expect(await plansCount()).toBe(0);
  });

  it('asks for a file, refuses a form without its token, and refuses someone who may not edit plans', async () => {
    const none = await sendImport(officer, null);
    expect(none.statusCode).toBe(400);
    expect(
      queryAllByRole(getByRole(parsePage(none.body), 'alert'), 'link').map((a) => [textOf(a), a.getAttribute('href')]),
    ).toEqual([['Select a file', '#file']]);
    expect((await sendImport(officer, exampleFile(), { csrf: 'forged' })).statusCode).toBe(403);
    const { browser: councillor } = await signInWithRole(t.app, db(), 'councillor_executive', { bodyId: PLAN_BODIES.council });
    expect((await councillor.get(planUrls.importPlans())).response.statusCode).toBe(403);
    expect((await sendImport(councillor, exampleFile())).statusCode).toBe(403);
    expect(await plansCount()).toBe(0);
  });
});
