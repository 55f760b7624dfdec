/**
 * SQL injection in every search and filter. The GET routes come from the app's route table; each
 * API route's query and path parameters from its schema (as the OpenAPI document states them), each
 * page's from the names the pages read. Every classic payload must get an ordinary answer (200, 400
 * or 404, never 500), answer as an ordinary unknown value does (no 200 where that gets an error, no
 * other areas or indicators than it finds), and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { freshApp } from '../support/app.ts';
import { seedOneTimeLinks } from '../support/accounts-factories.ts';
import { signInWithRole } from '../support/accounts-web.ts';
import { cliActor, issueApiToken } from '../../src/modules/accounts/index.ts';
import { parsePage } from '../support/site-dom.ts';
import {
  HOSTILE_BODY,
  HOSTILE_GROUP,
  HOSTILE_PLAN,
  TRAFFORD,
  XSS_INDICATOR,
  getRoutes,
  rowCounts,
  seedHostileData,
} from '../support/security.ts';
import { seedHostileImprovement } from '../support/improvement-security.ts';

const t = await freshApp();
await seedHostileData(t.ctx.database.db);
const improvement = await seedHostileImprovement(t.ctx.database.db);
const links = await seedOneTimeLinks(t.ctx.database.db, t.clock);
/** Pages opened by a mailed link: the token is the input that reaches a query (by its hash). */
const LINK_TOKENS: Record<string, string> = {
  '/account/accept-invitation': links.invitation,
  '/account/reset-password': links.passwordReset,
};
/**
 * Routes for signed-in people and API clients, probed with their credentials: the administration
 * and audit pages as an administrator (who may open every one), the audit API with a token of the
 * hostile body.
 */
const administrator = await signInWithRole(t.app, t.ctx.database.db, 'administrator');
const probeToken = await issueApiToken(
  t.ctx.database.db,
  cliActor(),
  { bodyId: HOSTILE_BODY.id, name: 'probe' },
  { clock: t.clock },
);
const CREDENTIALS: { route: RegExp; headers: () => Record<string, string> }[] = [
  {
    route: /^\/(admin\/|audit$)|^\/bodies\/:id\/(tokens|audit)|^\/indicators\/:code\/audit$/,
    headers: () => ({ cookie: administrator.browser.cookieHeader('/admin')! }),
  },
  { route: /^\/api\/v1\/audit$/, headers: () => ({ authorization: `Bearer ${probeToken.plaintext}` }) },
  // the form adding a version of a trigger rule, which an administrator may open
  { route: /^\/triggers\/versions\/new$/, headers: () => ({ cookie: administrator.browser.cookieHeader('/triggers')! }) },
  // the risk, inspection and partnership forms, which an administrator may open
  {
    route: /^\/(risk\/model|inspection\/self-assessments\/new|partnerships\/(new|:id\/members|:id\/peer-reviews\/new))$/,
    headers: () => ({ cookie: administrator.browser.cookieHeader('/risk')! }),
  },
];
/** Query parameters only some pages read, beyond PAGE_QUERY_PARAMETERS. */
const PAGE_OWN_PARAMETERS: Record<string, string[]> = {
  '/audit': ['body', 'person', 'action', 'from', 'to'],
  '/bodies/:id/audit': ['person', 'action', 'from', 'to'],
  '/indicators/:code/audit': ['body', 'person', 'action', 'from', 'to'],
  '/admin/tokens': ['body'],
  '/cases': ['status', 'body', 'rung', 'kind'],
  '/cases.csv': ['status', 'body', 'rung', 'kind'],
  '/triggers/versions/new': ['kind', 'body'],
};

/** A GET of `url` (an address of `route`), with the credentials the route needs. */
function inject(route: string, url: string) {
  const credentials = CREDENTIALS.find((c) => c.route.test(route));
  return t.app.inject({ url, headers: credentials ? credentials.headers() : {} });
}

let before: Record<string, number>;
beforeAll(async () => {
  before = await rowCounts(t.ctx.database.db);
});
afterAll(async () => t.close());

/** Classic payloads, and one that would find Trafford if it were pasted into the SQL. */
const PAYLOADS = (valid: string) => [
  "' OR '1'='1",
  '1; DROP TABLE area;--',
  "%' --",
  '") OR 1=1 --',
  "' UNION SELECT code, name, type FROM area --",
  "x' AND 1=(SELECT COUNT(*) FROM observation) --",
  '%',
  '_',
  `${valid}' --`,
];
/** An ordinary value that matches nothing: what a payload must answer like. */
const UNKNOWN = 'zzqq9';

/** The query parameters the pages read (each page ignores those it does not know). */
const PAGE_QUERY_PARAMETERS = [
  'q',
  'area',
  'indicator',
  'group',
  'codes',
  'period',
  'type',
  'page',
  'theme',
  'table',
  'childType',
  'format',
];
/** Routes that take no input a query could reach: the API's own documents, static files (see path-traversal) and the health check. */
const NO_DATABASE_INPUT = [
  '/*',
  '/api/docs',
  '/api/docs/',
  '/api/docs/*',
  '/api/docs/json',
  '/api/docs/yaml',
  '/api/docs/static/index.html',
  '/api/docs/static/swagger-initializer.js',
  '/api/openapi.json',
  '/health',
];

/**
 * Data submission's pages for signed-in people and its API routes for a body's token, probed signed
 * in (as an officer, an assessor, a token) by test/security/submission-attacks.db.test.ts.
 */
const SUBMISSION_ROUTES = [
  '/submissions',
  '/submissions/new',
  '/submissions/checked/:uploadId',
  '/submissions/:id',
  '/submissions/:id/rows.csv',
  '/bodies/:id/sharing',
  '/bodies/:id/submission-rules',
  '/api/v1/submissions',
  '/api/v1/submissions/:id',
  '/api/v1/submissions/:id/rows',
  '/api/v1/bodies/:id/shares',
  '/api/v1/bodies/:id/submission-rules',
];

/**
 * The indicator definition pages, for a council's performance officers and administrators, probed
 * signed in by test/security/definition-attacks.db.test.ts.
 */
const DEFINITION_ROUTES = ['/indicators/new', '/indicators/:code/edit', '/indicators/local', '/indicators/national'];

/**
 * The plans pages' forms, for those who may edit a plan (or report progress), probed signed in by
 * test/security/plan-form-attacks.db.test.ts.
 */
const PLAN_FORM_ROUTES = [
  '/plans/new',
  '/plans/:id/edit',
  '/plans/:id/publish',
  '/plans/:id/items/new',
  '/plans/:id/items/:key/edit',
  '/plans/:id/items/:key/remove',
  '/plans/:id/items/:key/tolerance',
  '/plans/:id/items/:key/progress',
  '/plans/import',
  '/plans/import/checked/:id',
];

/**
 * Pages whose only input is the signed session cookie, never a query parameter (someone not signed
 * in is sent to sign in): the accounts tests cover forged and stale cookies.
 */
/**
 * The one showing of a token just issued: it answers only the session that issued it (its `ref` is
 * looked up in memory, never in the database); its `:id` is read as /bodies/:id/tokens reads it,
 * which is probed above. tokens.page.db.test.ts covers who may see it.
 */
const TOKEN_SHOWING = ['/bodies/:id/tokens/issued/:ref'];

const SESSION_ONLY = ['/account', ...SUBMISSION_ROUTES, ...DEFINITION_ROUTES, ...PLAN_FORM_ROUTES, ...TOKEN_SHOWING];

/** A value each parameter needs for the route to reach its query. */
function validValue(route: string, name: string): string {
  if (name === 'code') return route.includes('/indicators/') ? XSS_INDICATOR : TRAFFORD;
  if (name === 'id') {
    if (route.startsWith('/api/v1/bodies/') || route.startsWith('/bodies/')) return HOSTILE_BODY.id;
    if (route.startsWith('/api/v1/plans/') || route.startsWith('/plans/')) return HOSTILE_PLAN.id;
    if (route.startsWith('/admin/people/')) return administrator.made.person.id;
    if (route.startsWith('/api/v1/comparator-groups/')) return HOSTILE_GROUP.id;
    if (/^(\/api\/v1)?\/cases\//.test(route)) return String(improvement.caseId);
    if (/\/self-assessments\//.test(route)) return String(improvement.selfAssessmentId);
    if (/^(\/api\/v1)?\/partnerships\//.test(route)) return improvement.partnershipId;
    if (/^(\/api\/v1)?\/peer-reviews\//.test(route)) return String(improvement.peerReviewId);
    return 'hostile-districts';
  }
  const values: Record<string, string> = {
    bodyId: improvement.councilId,
    grantId: administrator.made.grants[0]!.id,
    tokenId: probeToken.token.id,
    indicator: XSS_INDICATOR,
    area: TRAFFORD,
    period: '2023/24',
    areaType: 'metropolitan_district',
    partType: 'ward',
    key: route.includes('/actions/') ? 'A1' : 'T1',
  };
  const value = values[name];
  if (value === undefined) throw new Error(`${route} needs ${name}: give it a valid value in validValue()`);
  return value;
}

interface Parameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
}

interface ProbedRoute {
  route: string;
  parameters: Parameter[];
  /** query values every request sends unless the parameter is the one attacked */
  baseline: Record<string, string>;
}

const openapi = t.app.swagger() as { paths: Record<string, { get?: { parameters?: Parameter[] } }> };
const routes = getRoutes(t.app);

function probedRoute(route: string): ProbedRoute | undefined {
  if (NO_DATABASE_INPUT.includes(route) || SESSION_ONLY.includes(route)) return undefined;
  const pathParameters = [...route.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1]!, in: 'path' as const, required: true }));
  if (route.startsWith('/api/')) {
    const op = openapi.paths[route.replace(/:(\w+)/g, '{$1}')];
    if (!op) return undefined;
    const parameters = op.get?.parameters ?? [];
    const baseline = Object.fromEntries(
      parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, validValue(route, p.name)]),
    );
    return { route, parameters, baseline };
  }
  const token = LINK_TOKENS[route];
  const names = [...PAGE_QUERY_PARAMETERS, ...(PAGE_OWN_PARAMETERS[route] ?? []), ...(token === undefined ? [] : ['token'])];
  const query = names.map((name) => ({ name, in: 'query' as const, required: false }));
  const baseline = { area: TRAFFORD, indicator: XSS_INDICATOR, ...(token === undefined ? {} : { token }) };
  return { route, parameters: [...pathParameters, ...query], baseline };
}

const probed = routes.map(probedRoute).filter((r): r is ProbedRoute => r !== undefined);
const withParameters = probed.filter((p) => p.parameters.length > 0);

/** The route's address with valid values, and `value` in the attacked parameter if one is given. */
function urlFor(p: ProbedRoute, attacked?: Parameter, value = ''): string {
  const path = p.route.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(attacked?.in === 'path' && attacked.name === name ? value : validValue(p.route, name)),
  );
  const query = new URLSearchParams(p.baseline);
  if (attacked?.in === 'query') query.set(attacked.name, value);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The area and indicator codes an answer gives: in a JSON body (not its links), a CSV, or a page's links to profiles. */
function codesFound(response: LightMyRequestResponse): string[] {
  const type = String(response.headers['content-type']);
  let text: string;
  if (type.startsWith('application/json')) {
    const { links: _links, ...body } = response.json() as Record<string, unknown>;
    text = JSON.stringify(body);
  } else if (type.startsWith('text/html')) {
    text = parsePage(response.body)
      .querySelectorAll('main a[href]')
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => /^\/(areas|indicators)\/[^/?#]+$/.test(href))
      .join(' ');
  } else text = response.body;
  return [...new Set(text.match(/\b([EWSN]\d{8}|XSS1|FORMULA1)\b/g) ?? [])].sort();
}

/**
 * What a person would call a clear answer: the API's JSON error, or a page with a heading. A 403 is
 * one for credentials asking for what is not theirs (a body's token naming another body).
 */
function clearAnswerProblem(url: string, response: LightMyRequestResponse): string | undefined {
  if (![200, 400, 403, 404].includes(response.statusCode)) return `${url}: status ${response.statusCode}`;
  if (response.statusCode === 200) return undefined;
  if (url.startsWith('/api/')) {
    const error = (response.json() as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message === '')
      return `${url}: ${response.statusCode} without an error code and message: ${response.body.slice(0, 200)}`;
    return undefined;
  }
  if (!parsePage(response.body).querySelector('h1')) return `${url}: ${response.statusCode} page without a heading`;
  return undefined;
}

describe('the route table', () => {
  it('lists the API and the pages, every GET route either probed or taking no database input', () => {
    expect(probed.map((p) => p.route)).toEqual(
      expect.arrayContaining(['/api/v1/observations', '/api/v1/areas/:code', '/search', '/areas/:code']),
    );
    const unaccounted = routes.filter(
      (r) => !NO_DATABASE_INPUT.includes(r) && !SESSION_ONLY.includes(r) && !probed.some((p) => p.route === r),
    );
    expect(unaccounted, 'an API route missing from the OpenAPI document').toEqual([]);
    expect(probed.flatMap((p) => p.parameters).length).toBeGreaterThan(60);
  });

  it.each(probed.map((p) => [p.route, p] as const))(
    '%s answers 200 with valid values, so the probes reach its query',
    async (_route, p) => {
      const url = urlFor(p);
      const response = await inject(p.route, url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    },
  );
});

describe.each(withParameters.map((p) => [p.route, p] as const))('%s', (_route, p) => {
  it.each(p.parameters.map((x) => [x.name, x] as const))(
    'answers classic payloads in %s like an unknown value',
    async (_name, parameter) => {
      const problems: string[] = [];
      const unknown = await inject(p.route, urlFor(p, parameter, UNKNOWN));
      const valid = parameter.in === 'path' ? validValue(p.route, parameter.name) : (p.baseline[parameter.name] ?? TRAFFORD);
      for (const payload of PAYLOADS(valid)) {
        const url = urlFor(p, parameter, payload);
        const response = await inject(p.route, url);
        const unclear = clearAnswerProblem(url, response);
        if (unclear) problems.push(unclear);
        if (unclear || response.statusCode !== 200) continue;
        const found = codesFound(response).join(' ');
        const answersLike = (control: LightMyRequestResponse) =>
          control.statusCode === 200 && codesFound(control).join(' ') === found;
        // a long value may be dropped as too long where a short one is not: compare with one as long
        if (answersLike(unknown) || answersLike(await inject(p.route, urlFor(p, parameter, 'z'.repeat(payload.length)))))
          continue;
        const expected = unknown.statusCode === 200 ? codesFound(unknown).join(' ') || 'nothing' : `a ${unknown.statusCode}`;
        problems.push(`${url}: 200 with ${found || 'nothing'}; an unknown value gets ${expected}`);
      }
      expect(problems).toEqual([]);
    },
  );
});

describe('afterwards', () => {
  it('the database has the same rows in every table', async () => {
    expect(await rowCounts(t.ctx.database.db)).toEqual(before);
    expect(before.area).toBeGreaterThan(0);
  });
});
