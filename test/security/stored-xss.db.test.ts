/**
 * Stored and reflected cross-site scripting: names and texts that carry markup, event handlers and
 * script URLs, imported the way the CLI imports them, are shown as text on every page that shows
 * them (charts and maps included), and never become something a browser runs. Every page has a
 * Content Security Policy that lets no inline script run unless it carries the response's nonce or
 * its hash is listed, and never 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBodyFile } from '../../src/modules/bodies/index.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { ValidationError } from '../../src/platform/errors.ts';
import { freshApp, type TestApp } from '../support/app.ts';
import { getByRole, parsePage, textOf } from '../support/site-dom.ts';
import {
  IMG_ONERROR,
  JS_URL,
  LINK_JS_URL,
  SCRIPT_TAG,
  STOCKPORT,
  SVG_ONLOAD,
  TRAFFORD,
  TRAFFORD_WARD,
  XSS_DEFINITION,
  XSS_INDICATOR,
  crawlPages,
  rowCounts,
  runnableMarkup,
  scriptPolicy,
  seedHostileData,
  type CrawledPage,
} from '../support/security.ts';

let t: TestApp;
let pages: Map<string, CrawledPage>;

const TRAFFORD_NAME = `Trafford ${SCRIPT_TAG}`;
const STOCKPORT_NAME = `${IMG_ONERROR} Stockport`;

beforeAll(async () => {
  t = await freshApp();
  await seedHostileData(t.ctx.database.db);
  // from the start page and two searches, following every link a person could follow
  pages = await crawlPages(t.app, ['/', '/search?q=alert', '/search?q=Ward']);
});
afterAll(async () => t.close());

const get = async (url: string) => t.app.inject({ method: 'GET', url });
const documentOf = (page: CrawledPage) => parsePage(page.body);
const cspOf = (headers: Record<string, unknown>) => String(headers['content-security-policy'] ?? '');

const HASHED = 'document.body.className += " js-enabled"';
const POLICY = `default-src 'self'; script-src 'self' 'nonce-abc' 'sha256-${createHash('sha256').update(HASHED).digest('base64')}'`;

describe('the checks themselves', () => {
  it.each([
    ['an inline script', `<p>${SCRIPT_TAG}</p>`],
    ['an event handler', `<p>${IMG_ONERROR}</p>`],
    ['an SVG event handler', `<div>${SVG_ONLOAD}</svg></div>`],
    ['a script URL', LINK_JS_URL],
    ['a script URL hidden by whitespace', '<a href=" java\tscript:alert(1)">x</a>'],
    ['an embedding element', '<svg><foreignObject><p>x</p></foreignObject></svg>'],
    ['a script from another site', '<script src="//evil.example/x.js"></script>'],
    ['an inline script the policy does not list', '<script>document.documentElement.className = "js"</script>'],
  ])('find %s', (_what, html) => {
    expect(runnableMarkup(parsePage(html), POLICY)).not.toEqual([]);
  });

  it.each([
    ['a script from this site', '<script type="module" src="/static/x/site.js"></script>'],
    ['an inline script with the nonce', '<script nonce="abc">document.documentElement.className = "js"</script>'],
    ['an inline script the policy lists by its hash', `<script>${HASHED}</script>`],
    ['a link to a page', '<a href="/areas/x">x</a>'],
  ])('find nothing in %s', (_what, html) => {
    expect(runnableMarkup(parsePage(html), POLICY)).toEqual([]);
  });
});

describe('stored markup', () => {
  it('reaches every kind of page that shows the hostile names and texts', () => {
    const paths = new Set([...pages.keys()].map((u) => u.split('?')[0]));
    for (const path of ['/', '/search', '/about', '/compare', '/trend', `/areas/${TRAFFORD}`, `/areas/${TRAFFORD_WARD}`])
      expect(paths, path).toContain(path);
    expect(paths).toContain(`/indicators/${XSS_INDICATOR}`);
    expect([...pages.values()].filter((p) => p.status !== 200).map((p) => `${p.status} ${p.url}`)).toEqual([]);
  });

  it('runs nothing from them on any page: no script the policy does not allow, no event handler, no script URL', () => {
    const problems = [...pages.values()].flatMap((page) =>
      runnableMarkup(documentOf(page), cspOf(page.headers)).map((p) => `${page.url}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("sends every page with a script policy: this site's files, inline only by nonce or hash, never 'unsafe-inline'", () => {
    const weak = [...pages.values()]
      .map((page) => ({ url: page.url, policy: scriptPolicy(cspOf(page.headers)), csp: cspOf(page.headers) }))
      .filter(
        ({ policy, csp }) =>
          !policy.self ||
          policy.unsafeInline ||
          policy.unsafeEval ||
          !csp.includes("script-src-attr 'none'") ||
          !csp.includes("object-src 'none'"),
      )
      .map(({ url, csp }) => `${url}: ${csp}`);
    expect(weak).toEqual([]);
  });

  it.each([
    [`/areas/${TRAFFORD}`, 'heading', TRAFFORD_NAME],
    [`/areas/${STOCKPORT}`, 'heading', STOCKPORT_NAME],
    [`/areas/${TRAFFORD_WARD}`, 'heading', `${SVG_ONLOAD} Ward`],
    [`/indicators/${XSS_INDICATOR}`, 'heading', XSS_DEFINITION.title],
    [`/indicators/${XSS_INDICATOR}`, 'main', XSS_DEFINITION.description],
    [`/indicators/${XSS_INDICATOR}`, 'main', LINK_JS_URL],
    [`/indicators/${XSS_INDICATOR}`, 'main', `Source ${JS_URL}`],
    [`/indicators/${XSS_INDICATOR}`, 'main', STOCKPORT_NAME],
    [`/areas/${TRAFFORD}`, 'main', XSS_DEFINITION.title],
    [`/areas/${TRAFFORD}`, 'main', XSS_DEFINITION.theme],
    [`/areas/${TRAFFORD}`, 'main', `${JS_URL} Ward`],
    [`/trend?area=${TRAFFORD}&indicator=${XSS_INDICATOR}`, 'heading', XSS_DEFINITION.title],
    [`/compare?area=${TRAFFORD}&indicator=${XSS_INDICATOR}&group=type`, 'main', STOCKPORT_NAME],
    ['/search?q=alert', 'main', TRAFFORD_NAME],
    ['/search?q=alert', 'main', XSS_DEFINITION.title],
  ] as const)('%s shows %s text %j literally', async (url, where, text) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    const document = parsePage(response.body);
    const shown =
      where === 'heading' ? textOf(getByRole(document, 'heading', { level: 1 })) : textOf(getByRole(document, 'main'));
    expect(shown).toContain(text.replace(/\s+/g, ' '));
  });

  it('never turns a script URL into a link', async () => {
    const document = parsePage((await get(`/indicators/${XSS_INDICATOR}`)).body);
    const links = document.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
    expect(links.filter((href) => /javascript:/i.test(href))).toEqual([]);
  });
});

describe('charts and maps', () => {
  const svgTexts = (url: string, className: string) => {
    const document = documentOf(pages.get(url) ?? { url, status: 0, headers: {}, body: '' });
    return document
      .querySelectorAll(`svg.${className}`)
      .flatMap((svg) => svg.querySelectorAll('title,desc,text').map((e) => e.text))
      .join('\n');
  };

  it.each([
    [`/indicators/${XSS_INDICATOR}`, 'lv-map', [XSS_DEFINITION.title, TRAFFORD_NAME, STOCKPORT_NAME]],
    [`/indicators/${XSS_INDICATOR}`, 'lv-chart--line', [XSS_DEFINITION.title]],
    [`/trend?area=${TRAFFORD}&indicator=${XSS_INDICATOR}`, 'lv-chart--line', [XSS_DEFINITION.title, TRAFFORD_NAME]],
  ] as const)('%s: the %s SVG names its areas and indicator as text', async (url, className, texts) => {
    if (!pages.has(url)) pages.set(url, { url, status: 200, headers: {}, body: (await get(url)).body });
    const shown = svgTexts(url, className);
    for (const text of texts) expect(shown).toContain(text);
  });
});

describe('reflected markup', () => {
  const payload = encodeURIComponent(SCRIPT_TAG);
  const img = encodeURIComponent(IMG_ONERROR);

  it.each([
    [`/search?q=${payload}`, 200],
    [`/search?q=${img}${'x'.repeat(120)}`, 400],
    [`/areas/${payload}`, 404],
    [`/areas/${TRAFFORD}?childType=${img}&theme=${payload}`, 200],
    [`/indicators/${img}`, 404],
    [`/indicators/${XSS_INDICATOR}?q=${img}&type=${payload}&period=${img}&area=${img}`, 200],
    [`/compare?area=${img}&indicator=${payload}`, 400],
    [`/compare?area=${TRAFFORD}&group=custom&codes=${img}`, 400],
    [`/compare?area=${TRAFFORD}&indicator=${XSS_INDICATOR}&period=${payload}`, 400],
    [`/trend?area=${img}&indicator=${payload}`, 404],
    [`/trend?area=${'x'.repeat(70)}&indicator=${payload}`, 400],
    [`/no-such-page/${payload}`, 404],
  ])('%s answers %i and runs none of what was typed', async (url, status) => {
    const response = await get(url);
    expect(response.statusCode).toBe(status);
    const document = parsePage(response.body);
    expect(runnableMarkup(document, cspOf(response.headers))).toEqual([]);
    expect(scriptPolicy(cspOf(response.headers))).toMatchObject({ self: true, unsafeInline: false });
    getByRole(document, 'heading', { level: 1 });
  });

  it('keeps what was typed in the search box as its value, not as markup', async () => {
    const document = parsePage((await get(`/search?q=${img}`)).body);
    expect(getByRole(document, 'searchbox').getAttribute('value')).toBe(IMG_ONERROR);
  });
});

describe('script URLs on import', () => {
  it("refuses a body's website that is not a web address, writing nothing", async () => {
    const db = t.ctx.database.db;
    const before = await rowCounts(db);
    const file = {
      name: 'bodies.json',
      content: JSON.stringify({ bodies: [{ id: 'js-partner', name: 'Partner', kind: 'partner', website: JS_URL }] }),
    };
    const error = await importBodyFile(db, file, { clock: fixedClock('2025-06-01T09:00:00.000Z') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual([
      expect.objectContaining({ field: 'bodies[0].website', value: JS_URL, reason: expect.stringMatching(/web address/) }),
    ]);
    expect(await rowCounts(db)).toEqual(before);
  });
});
