import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../errors.ts';
import { createHttpApp } from '../http/app.ts';
import { silentLogger } from '../logging.ts';
import { getByRole, parsePage, textOf } from '../../../test/support/site-dom.ts';
import { isApiUrl, pageError, pageNotFound, registerWebPages, render } from './index.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await createHttpApp({ logger: silentLogger, version: 'test' });
  await registerWebPages(app, {
    serviceName: 'Test Service',
    navigation: [{ href: '/hello', text: 'Hello' }],
    footerLinks: [{ href: '/about', text: 'About' }],
    attributions: ['Contains OS data © Crown copyright and database right.'],
    viewDirs: [join(import.meta.dirname, 'fixtures')],
  });
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));
    pages.get('/hello', async (request, reply) => {
      const name = (request.query as { name?: string }).name ?? 'world';
      return render(reply, 'greeting.njk', { pageTitle: 'Greeting', name });
    });
    pages.get('/broken', async () => {
      throw new Error('database on fire');
    });
    pages.get('/missing', async () => {
      throw new NotFoundError('no such area');
    });
    pages.get('/invalid', async () => {
      throw new ValidationError('bad');
    });
  });
  // what the app-wide not-found handler does for URLs outside /api
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404 && !isApiUrl(request.url)) return pageNotFound(request, reply);
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

const cspOf = (headers: Record<string, unknown>) => String(headers['content-security-policy'] ?? '');

describe('a rendered page', () => {
  it('is HTML with the layout: the service name, navigation, skip link and footer attribution', async () => {
    const response = await app.inject('/hello');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const document = parsePage(response.body);
    expect(document.querySelector('html')?.getAttribute('lang')).toBe('en-GB');
    expect(textOf(document.querySelector('title')!)).toBe('Greeting – Test Service');
    getByRole(getByRole(document, 'banner'), 'link', { name: 'Test Service' });
    expect(getByRole(document, 'link', { name: 'Hello' }).getAttribute('aria-current')).toBe('page');
    getByRole(document, 'link', { name: 'Skip to main content' });
    expect(textOf(getByRole(document, 'contentinfo'))).toContain('Contains OS data © Crown copyright and database right.');
  });

  it('escapes every value', async () => {
    const response = await app.inject('/hello?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(response.body).not.toContain('<script>alert(1)</script>');
    expect(textOf(getByRole(parsePage(response.body), 'main'))).toContain('Hello, <script>alert(1)</script>.');
  });

  it('has a strict CSP: scripts from this site, and inline only the layout’s own, allowed by its hash', async () => {
    const first = await app.inject('/hello');
    const csp = cspOf(first.headers);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('nonce-');
    const allowed = /script-src ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    const scripts = parsePage(first.body).querySelectorAll('script');
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const script of scripts) {
      if (script.getAttribute('src')) expect(script.getAttribute('src')).toMatch(/^\/static\//);
      else expect(allowed).toContain(`'sha256-${createHash('sha256').update(script.rawText).digest('base64')}'`);
    }
    expect(allowed.filter((s) => s.startsWith("'sha256-"))).toHaveLength(1);
    expect(first.body).not.toMatch(/\son[a-z]+="/); // no inline event handlers
  });

  it('has helmet’s other headers and may be cached for five minutes, kept apart by cookie', async () => {
    const response = await app.inject('/hello');
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': 'public, max-age=300',
    });
    // a browser that kept the signed-out copy must not show it once a session cookie is sent
    expect(String(response.headers.vary).split(/,\s*/)).toContain('cookie');
  });

  it('leaves the JSON API to its own headers', async () => {
    const response = await app.inject('/health');
    expect(response.headers['content-security-policy']).toBeUndefined();
    const missing = await app.inject('/api/v1/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('error pages', () => {
  it('answers an unknown page with a 404 page', async () => {
    const response = await app.inject('/no-such-page');
    expect(response.statusCode).toBe(404);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(cspOf(response.headers)).toContain("'sha256-");
    expect(textOf(getByRole(parsePage(response.body), 'heading', { level: 1 }))).toBe('Page not found');
  });

  it('answers a failure with a 500 page that tells nothing of the cause', async () => {
    const response = await app.inject('/broken');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('database on fire');
    expect(textOf(getByRole(parsePage(response.body), 'heading', { level: 1 }))).toBe(
      'Sorry, there is a problem with the service',
    );
  });

  it.each([
    ['/missing', 404, 'Page not found'],
    ['/invalid', 400, 'Sorry, we could not answer that request'],
  ])('maps domain errors: %s is %i', async (url, status, heading) => {
    const response = await app.inject(url);
    expect(response.statusCode).toBe(status);
    expect(textOf(getByRole(parsePage(response.body), 'heading', { level: 1 }))).toBe(heading);
  });
});

describe('static assets', () => {
  async function stylesheetUrl(name: string): Promise<string> {
    const document = parsePage((await app.inject('/hello')).body);
    const href = document
      .querySelectorAll('link[rel=stylesheet]')
      .map((l) => l.getAttribute('href') ?? '')
      .find((h) => h.endsWith(name));
    if (!href) throw new Error(`no stylesheet ${name}`);
    return href;
  }

  it('serves govuk-frontend’s CSS and ours under a versioned address, cached for a year', async () => {
    for (const name of ['govuk-frontend.min.css', 'charts.css', 'site.css']) {
      const response = await app.inject(await stylesheetUrl(name));
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/css/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('serves the script that starts govuk-frontend, and govuk-frontend itself', async () => {
    const css = await stylesheetUrl('site.css');
    const base = css.slice(0, css.lastIndexOf('/'));
    const site = await app.inject(`${base}/site.js`);
    expect(site.body).toContain('initAll()');
    expect((await app.inject(`${base}/govuk-frontend.min.js`)).statusCode).toBe(200);
  });

  it('serves nothing else from govuk-frontend’s folder', async () => {
    const css = await stylesheetUrl('site.css');
    const base = css.slice(0, css.lastIndexOf('/'));
    expect((await app.inject(`${base}/template.njk`)).statusCode).toBe(404);
    expect((await app.inject(`${base}/index.scss`)).statusCode).toBe(404);
    expect((await app.inject(`${base}/line-chart.ts`)).statusCode).toBe(404);
  });

  it('serves the charts’ stylesheet, which sizes charts to their container', async () => {
    const response = await app.inject(await stylesheetUrl('charts.css'));
    expect(response.body).toContain('.lv-chart');
  });

  it('serves govuk-frontend’s fonts and images at /assets/', async () => {
    const response = await app.inject('/assets/images/favicon.svg');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=604800');
  });

  it('replaces the GDS Transport typeface with the system font', async () => {
    const response = await app.inject(await stylesheetUrl('site.css'));
    expect(response.body).toContain('font-family: var(--lv-font-family) !important');
  });
});

describe('isApiUrl', () => {
  it.each([
    ['/api', true],
    ['/api/v1/areas?q=x', true],
    ['/api/docs', true],
    ['/apix', false],
    ['/', false],
    ['/search?q=/api/', false],
  ])('%s: %s', (url, expected) => {
    expect(isApiUrl(url)).toBe(expected);
  });
});
