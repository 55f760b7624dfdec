/**
 * Attacks on the indicator definition pages, signed in: markup in every text field of a definition,
 * shown as text on the form, the list and the public page (never something a browser runs); and SQL
 * injection in every parameter of the definition pages (which test/security/sql-injection.db.test.ts
 * leaves to this file, since they need a session), each answered plainly and changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitionUrls, saveIndicatorDefinitions } from '../../src/modules/indicators/index.ts';
import { freshApp, type TestApp } from '../support/app.ts';
import { seedAccountsBodies, TEST_BODIES } from '../support/accounts-factories.ts';
import { Browser, signInWithRole } from '../support/accounts-web.ts';
import { sendForm } from '../support/form-web.ts';
import { indicatorInput } from '../support/indicator-factories.ts';
import { getByRole, parsePage, textOf } from '../support/site-dom.ts';
import { IMG_ONERROR, rowCounts, runnableMarkup, SCRIPT_TAG, SVG_ONLOAD } from '../support/security.ts';

const TRAFFORD = TEST_BODIES.council.id;
const CODE = 'TRF-HOSTILE';
const SAVE = 'Save definition';

let t: TestApp;
let officer: Browser;
let administrator: Browser;
const db = () => t.database.db;
const csp = (headers: Record<string, unknown>) => String(headers['content-security-policy'] ?? '');

/** Markup in every text field a person writes. */
const HOSTILE_FIELDS = {
  code: CODE,
  title: SCRIPT_TAG,
  description: IMG_ONERROR,
  rationale: SVG_ONLOAD,
  numeratorDefinition: `Streets ${IMG_ONERROR}`,
  denominatorDefinition: `All ${SVG_ONLOAD}`,
  unit: 'percentage',
  decimalPlaces: '1',
  polarity: 'higher_is_better',
  areaAggregation: 'ratio',
  timeAggregation: 'ratio',
  frequency: 'annual',
  periodType: 'financial_year',
  areaTypes: 'metropolitan_district',
  theme: SCRIPT_TAG,
  source: IMG_ONERROR,
  comparabilityNote: SVG_ONLOAD,
  aliases: `${TRAFFORD}:${SVG_ONLOAD}`,
};

beforeAll(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  await seedAccountsBodies(db());
  await saveIndicatorDefinitions(db(), [indicatorInput({ code: 'NI192' })], t.clock);
  officer = (await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD })).browser;
  administrator = (await signInWithRole(t.app, db(), 'administrator', { bodyId: null })).browser;
  const saved = await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, HOSTILE_FIELDS);
  expect(saved.statusCode).toBe(303);
});
afterAll(async () => t.close());

describe('stored markup in a definition', () => {
  it('is shown as text on the form, the list and the public page', async () => {
    const pages = [
      { browser: officer, url: definitionUrls.edit(CODE) },
      { browser: officer, url: definitionUrls.local(TRAFFORD) },
      { browser: new Browser(t.app), url: definitionUrls.indicator(CODE) },
    ];
    for (const { browser, url } of pages) {
      const { response, document } = await browser.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(runnableMarkup(document, csp(response.headers)), url).toEqual([]);
      expect(response.body, url).not.toContain(SCRIPT_TAG);
      expect(response.body, url).not.toContain(SVG_ONLOAD);
      expect(textOf(getByRole(document, 'main')), url).toContain(SCRIPT_TAG);
    }
  });

  it('is shown as text on a form sent back with problems', async () => {
    const response = await sendForm(officer, definitionUrls.edit(CODE), SAVE, {
      decimalPlaces: IMG_ONERROR,
      aliases: SCRIPT_TAG,
    });
    expect(response.statusCode).toBe(400);
    const document = parsePage(response.body);
    expect(runnableMarkup(document, csp(response.headers))).toEqual([]);
    expect(textOf(getByRole(document, 'alert'))).toContain(SCRIPT_TAG);
    expect(response.body).not.toContain(SCRIPT_TAG);
  });
});

const PAYLOADS = [
  "' OR '1'='1",
  '1; DROP TABLE indicator;--',
  "%' --",
  '") OR 1=1 --',
  "' UNION SELECT code FROM indicator --",
  '%',
  '_',
];

describe('SQL injection in the definition pages', () => {
  const asOfficer = (p: string) => [
    `/indicators/local?body=${p}`,
    `/indicators/local?body=${TRAFFORD}&page=${p}`,
    `/indicators/new?owner=${p}`,
    `/indicators/${p}/edit`,
    `/indicators/${CODE}/edit?saved=${p}`,
  ];
  const asAdministrator = (p: string) => [
    `/indicators/national?q=${p}`,
    `/indicators/national?page=${p}`,
    `/indicators/new?owner=${p}`,
  ];

  it('every payload in every parameter gets a plain answer and changes nothing', async () => {
    const before = await rowCounts(db());
    const problems: string[] = [];
    for (const payload of PAYLOADS) {
      const p = encodeURIComponent(payload);
      const asked = [
        ...asOfficer(p).map((url) => ({ browser: officer, url })),
        ...asAdministrator(p).map((url) => ({ browser: administrator, url })),
      ];
      for (const { browser, url } of asked) {
        const response = await browser.request('GET', url);
        if (![200, 303, 403, 404].includes(response.statusCode)) problems.push(`${url}: ${response.statusCode}`);
        else if (response.statusCode !== 303 && !parsePage(response.body).querySelector('h1'))
          problems.push(`${url}: no heading`);
        else if (url.startsWith('/indicators/national?q=') && /NI192/.test(response.body) && !'NI192'.includes(payload))
          problems.push(`${url}: found an indicator the text does not match`);
      }
      if (/^[\w.-]+$/.test(payload)) continue; // "_" is a code like any other
      const posted = await officer.post(definitionUrls.newIndicator(TRAFFORD), { ...HOSTILE_FIELDS, code: payload, aliases: '' });
      if (posted.statusCode !== 400) problems.push(`POST code ${payload}: ${posted.statusCode}`);
    }
    expect(problems).toEqual([]);
    expect(await rowCounts(db())).toEqual(before);
  });
});
