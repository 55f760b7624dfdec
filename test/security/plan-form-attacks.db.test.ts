/**
 * Attacks on the plans forms, signed in: markup in the text fields of a draft and its items, shown as
 * text on the forms, the plan's page and the item's page (never something a browser runs); and SQL
 * injection in every parameter of the signed-in plans pages (which
 * test/security/sql-injection.db.test.ts leaves to this file, since they need a session), each
 * answered plainly and changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/modules/accounts/index.ts';
import { planUrls, reviseDraft } from '../../src/modules/plans/index.ts';
import type { TestApp } from '../support/app.ts';
import { type Browser, signInWithRole } from '../support/accounts-web.ts';
import { sendForm } from '../support/form-web.ts';
import { PLAN_BODIES } from '../support/plans-factories.ts';
import { plansApp } from '../support/plans-web.ts';
import { getByRole, parsePage, textOf } from '../support/site-dom.ts';
import { IMG_ONERROR, rowCounts, runnableMarkup, SCRIPT_TAG, SVG_ONLOAD } from '../support/security.ts';

let t: TestApp;
let officer: Browser;
let administrator: Browser;
const db = () => t.database.db;
const csp = (headers: Record<string, unknown>) => String(headers['content-security-policy'] ?? '');

beforeAll(async () => {
  t = await plansApp();
  await reviseDraft(db(), cliActor(), 'trafford-scs', { clock: t.clock });
  officer = (await signInWithRole(t.app, db(), 'performance_officer', { bodyId: PLAN_BODIES.council })).browser;
  administrator = (await signInWithRole(t.app, db(), 'administrator', { bodyId: null })).browser;
  const details = await sendForm(officer, planUrls.editDetails('trafford-scs'), 'Save the details', {
    title: `Strategy ${SCRIPT_TAG}`,
    vision: IMG_ONERROR,
    disclaimer: SVG_ONLOAD,
  });
  expect(details.statusCode).toBe(303);
  const item = await sendForm(officer, planUrls.editItem('trafford-scs', 'T1'), 'Save in the draft', {
    title: `Target ${IMG_ONERROR}`,
    description: SCRIPT_TAG,
    lead: SVG_ONLOAD,
  });
  expect(item.statusCode).toBe(303);
});
afterAll(async () => t.close());

describe('stored markup in a draft', () => {
  it('is shown as text on the plan’s page, the item’s page and the forms', async () => {
    const urls = [
      planUrls.plan('trafford-scs', { draft: true }),
      planUrls.item('trafford-scs', 'T1', { draft: true }),
      planUrls.editDetails('trafford-scs'),
      planUrls.editItem('trafford-scs', 'T1'),
      planUrls.removeItem('trafford-scs', 'T1'),
      planUrls.publish('trafford-scs'),
    ];
    for (const url of urls) {
      const { response, document } = await officer.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(runnableMarkup(document, csp(response.headers)), url).toEqual([]);
      expect(response.body, url).not.toContain(SCRIPT_TAG);
      expect(response.body, url).not.toContain(SVG_ONLOAD);
    }
    const plan = await officer.get(planUrls.plan('trafford-scs', { draft: true }));
    expect(textOf(getByRole(plan.document, 'main'))).toContain(`Strategy ${SCRIPT_TAG}`);
    expect(textOf(getByRole(plan.document, 'main'))).toContain(IMG_ONERROR);
  });

  it('is shown as text on a form sent back with problems', async () => {
    const response = await sendForm(officer, planUrls.newItem('trafford-scs', { kind: 'target' }), 'Add to the draft', {
      key: 'T9',
      title: SCRIPT_TAG,
      indicator: SVG_ONLOAD,
      targetPeriod: IMG_ONERROR,
    });
    expect(response.statusCode).toBe(400);
    const document = parsePage(response.body);
    expect(runnableMarkup(document, csp(response.headers))).toEqual([]);
    expect(textOf(getByRole(document, 'alert'))).toContain(SVG_ONLOAD);
    expect(response.body).not.toContain(SVG_ONLOAD);
  });
});

const PAYLOADS = ["' OR '1'='1", '1; DROP TABLE plan;--', "%' --", '") OR 1=1 --', "' UNION SELECT id FROM plan --", '%', '_'];

describe('SQL injection in the signed-in plans pages', () => {
  const pages = (p: string) => [
    `/plans/${p}/edit`,
    `/plans/${p}/publish`,
    `/plans/${p}/items/new?kind=target`,
    `/plans/trafford-scs/items/new?kind=${p}&parent=${p}`,
    `/plans/${p}/items/T1/edit`,
    `/plans/trafford-scs/items/${p}/edit`,
    `/plans/trafford-scs/items/${p}/remove`,
    `/plans/trafford-scs/items/${p}/tolerance`,
    `/plans/${p}/items/T1/tolerance`,
    `/plans/waste-service/items/${p}/progress`,
    `/plans/new?kind=${p}`,
    `/plans/import?publish=${p}`,
    `/plans/import/checked/${p}`,
  ];

  it('every payload in every parameter gets a plain answer and changes nothing', async () => {
    const before = await rowCounts(db());
    const problems: string[] = [];
    for (const payload of PAYLOADS) {
      const p = encodeURIComponent(payload);
      for (const browser of [officer, administrator]) {
        for (const url of pages(p)) {
          const response = await browser.request('GET', url);
          if (![200, 303, 400, 403, 404, 409].includes(response.statusCode)) problems.push(`${url}: ${response.statusCode}`);
          else if (response.statusCode !== 303 && !parsePage(response.body).querySelector('h1'))
            problems.push(`${url}: no heading`);
        }
      }
      // in a form: refused by field, never a failure
      const posted = await officer.post(planUrls.editItem('trafford-scs', 'T1'), {
        title: 'T',
        indicator: payload,
        targetPeriod: payload,
      });
      if (posted.statusCode !== 400) problems.push(`POST indicator ${payload}: ${posted.statusCode}`);
    }
    expect(problems).toEqual([]);
    expect(await rowCounts(db())).toEqual(before);
  });
});
