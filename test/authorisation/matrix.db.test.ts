/**
 * The authorisation matrix: every write route of the pages and the API, generated from the app's
 * route table, asked by everyone who matters — signed out, someone of another body, someone of the
 * body without the role, the right role with a forged CSRF token, and the right role — and each gets
 * its answer: the sign-in page or 401, 403, or success (303 for pages, 200, 201 or 204 for the API). A
 * refusal writes nothing. Routes open to everyone on purpose answer a signed-out visitor without
 * asking them to sign in. The table is routes.ts; docs/adr/0016-authorisation-matrix.md says how to
 * add a route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { getWriteRoutes, rowCounts } from '../support/security.ts';
import { signInWithRole } from '../support/accounts-web.ts';
import { type Caller, type Send, signedOutVisitor } from './requests.ts';
import { type ApiEntry, entryName, type PageEntry, type PublicEntry } from './entry.ts';
import { MATRIX } from './routes.ts';
import { buildWorld } from './world.ts';

const w = await buildWorld();
afterAll(async () => w.close());

const TABLE = 'test/authorisation/routes.ts';

/** What an answer said, for a failure's message: the page's main text, or the API's JSON. */
function bodyOf(response: LightMyRequestResponse): string {
  const main = /<main[\s\S]*?<\/main>/.exec(response.body)?.[0] ?? response.body;
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 400);
}

/** Sends the request and checks it wrote nothing. */
async function refused(send: Send, caller: Caller): Promise<LightMyRequestResponse> {
  const before = await rowCounts(w.db);
  const response = await send(w.app, caller);
  expect(await rowCounts(w.db), `a refusal (${response.statusCode}) changed the database`).toEqual(before);
  return response;
}

/** Sends the request, checks its status, and whether it wrote something as the entry says a success does. */
async function succeeded(send: Send, caller: Caller, status: number, writes: boolean): Promise<LightMyRequestResponse> {
  const before = await rowCounts(w.db);
  const response = await send(w.app, caller);
  expect(response.statusCode, bodyOf(response)).toBe(status);
  const after = await rowCounts(w.db);
  if (writes) expect(after, 'a success wrote nothing (not even an audit event)').not.toEqual(before);
  else expect(after, 'this success should write nothing').toEqual(before);
  return response;
}

function expectForbiddenPage(response: LightMyRequestResponse) {
  expect(response.statusCode, bodyOf(response)).toBe(403);
  expect(response.body).toContain('You do not have permission');
}

function expectApiError(response: LightMyRequestResponse, status: 401 | 403) {
  expect(response.statusCode, bodyOf(response)).toBe(status);
  expect(response.json<{ error: { code: string } }>().error.code).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
}

describe('the matrix and the route table', () => {
  const routes = getWriteRoutes(w.app);
  const entered = new Set(MATRIX.map((e) => e.route));

  it('finds the write routes in the route table', () => {
    expect(routes).toContain('POST /account/sign-in');
    expect(routes).toContain('POST /api/v1/submissions/:id/submit');
  });

  it('has an entry for every write route of the app', () => {
    const missing = routes.filter((r) => !entered.has(r));
    expect(missing, `write routes without an entry: add each to ${TABLE} (see docs/adr/0016)`).toEqual([]);
  });

  it('has no entry for a route the app no longer has', () => {
    const gone = [...entered].filter((r) => !routes.includes(r));
    expect(gone, `entries of ${TABLE} whose route is not in the route table: remove or correct them`).toEqual([]);
  });

  it('names each entry once', () => {
    const names = MATRIX.map(entryName);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

function pageCases(entry: PageEntry) {
  const { guard } = entry;
  const person = (key: keyof typeof w.people) => w.people[key];
  let send: Send;
  beforeAll(async () => {
    send = await entry.seed(w);
  });

  it('signed out → 303 to the sign-in page', async () => {
    const response = await refused(send, {});
    expect(response.statusCode, bodyOf(response)).toBe(303);
    expect(response.headers.location).toBe('/account/sign-in');
  });

  for (const slot of ['wrongBody', 'withoutRole'] as const) {
    const who = person(guard[slot]);
    const refusal = entry.refusals?.[slot];
    const because = refusal ? ` (${refusal.why})` : '';
    it(`${guard.names[slot]}: ${who.description} → ${refusal?.status ?? 403}${because}`, async () => {
      const response = await refused(send, { browser: who.browser });
      if (refusal) expect(response.statusCode, bodyOf(response)).toBe(refusal.status);
      else expectForbiddenPage(response);
    });
  }

  const right = person(guard.rightRole);
  it(`right role with another session’s CSRF token: ${right.description} → 403`, async () => {
    const forged = person(guard.wrongBody).browser.csrf;
    expect(forged).not.toBe(right.browser.csrf);
    expectForbiddenPage(await refused(send, { browser: right.browser, csrf: forged ?? null }));
  });

  it(`right role: ${right.description} → 303`, async () => {
    const response = await succeeded(await entry.seed(w), { browser: right.browser }, 303, entry.writes !== false);
    expect(String(response.headers.location)).toMatch(entry.success);
  });
}

function apiCases(entry: ApiEntry) {
  const { people, tokens, tokenDescriptions: named } = w;
  let send: Send;
  beforeAll(async () => {
    send = await entry.seed(w);
  });

  it('signed out: no API token → 401', async () => {
    const response = await refused(send, {});
    expectApiError(response, 401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it(`signed out: a page session of ${people.traffordOfficer.description}, no API token → 401`, async () => {
    expectApiError(await refused(send, { browser: people.traffordOfficer.browser }), 401);
  });

  it(`${named.revokedTrafford} → 401`, async () => {
    const response = await refused(send, { token: tokens.revokedTrafford });
    expectApiError(response, 401);
    expect(response.headers['www-authenticate']).toContain('invalid_token');
  });

  it(`wrong body: ${named.stockport} → 403`, async () => {
    expectApiError(await refused(send, { token: tokens.stockport }), 403);
  });

  it(`a body that may read but not act: ${named.police} → 403`, async () => {
    expectApiError(await refused(send, { token: tokens.police }), 403);
  });

  const { success } = entry;
  if ('noToken' in success) {
    it(`right body: ${named.trafford} → 403, because ${success.noToken}`, async () => {
      expectApiError(await refused(send, { token: tokens.trafford }), 403);
    });
  } else {
    it(`right body: ${named.trafford} → ${success.status}`, async () => {
      await succeeded(await entry.seed(w), { token: tokens.trafford }, success.status, success.writes !== false);
    });
  }
}

function publicCases(entry: PublicEntry) {
  it(`signed out → ${entry.answer.status}: open to everyone, because ${entry.why}`, async () => {
    const send = await entry.seed(w);
    const response = await send(w.app, { browser: await signedOutVisitor(w.app) });
    expect([401, 403], bodyOf(response)).not.toContain(response.statusCode);
    expect(response.statusCode, bodyOf(response)).toBe(entry.answer.status);
    expect(String(response.headers.location)).toMatch(entry.answer.location);
  });

  if (entry.csrf === 'always') {
    it('signed out, with another browser’s CSRF token → 403', async () => {
      const send = await entry.seed(w);
      const visitor = await signedOutVisitor(w.app);
      const other = await signedOutVisitor(w.app);
      expect(other.csrf).not.toBe(visitor.csrf);
      expectForbiddenPage(await refused(send, { browser: visitor, csrf: other.csrf ?? null }));
    });
  }

  it('signed in, with another session’s CSRF token → 403', async () => {
    const send = await entry.seed(w);
    const { browser } = await signInWithRole(w.app, w.db, 'resident');
    expectForbiddenPage(await refused(send, { browser, csrf: w.people.stockportOfficer.browser.csrf ?? null }));
  });
}

for (const entry of MATRIX) {
  describe(entryName(entry), () => {
    if (entry.kind === 'page') pageCases(entry);
    else if (entry.kind === 'api') apiCases(entry);
    else publicCases(entry);
  });
}
