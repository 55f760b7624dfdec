/**
 * Who is asking, and the answers at the edge for someone unknown (401) or not allowed (403), through
 * the kind of routes later modules add: an API write that needs a token of the right body, a page
 * that needs a role, and a form that needs a signed-in person.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import { accountsClock, makePerson, seedAccountsBodies, TEST_BODIES } from '../../../../test/support/accounts-factories.ts';
import { Browser, signInThroughApp, signInWithRole } from '../../../../test/support/accounts-web.ts';
import { getByRole, parsePage, textOf } from '../../../../test/support/site-dom.ts';
import { render } from '../../../platform/web/index.ts';
import {
  actorOf,
  cliActor,
  issueApiToken,
  requireActor,
  requirePermission,
  requireSignIn,
  revokeApiToken,
  verifyCsrf,
} from '../index.ts';

const PASSWORD = 'correct horse battery staple';
const notes: string[] = [];

function testRoutes(app: FastifyInstance): void {
  app.post('/api/v1/test/bodies/:bodyId/uploads', async (request) => {
    const { bodyId } = request.params as { bodyId: string };
    const actor = requireActor(request);
    requirePermission(actor, 'submit_observations', { bodyId });
    return { by: actor.kind };
  });
  app.get('/api/v1/test/who', async (request) => ({ actor: actorOf(request)?.kind ?? null }));
  app.get('/test/bodies/:bodyId/tokens', async (request, reply) => {
    const { bodyId } = request.params as { bodyId: string };
    requirePermission(requireActor(request), 'issue_api_tokens', { bodyId });
    return render(reply, 'errors/not-found.njk', { pageTitle: 'Tokens' });
  });
  app.post('/test/notes', { preHandler: [requireSignIn, verifyCsrf] }, async (request, reply) => {
    notes.push(String((request.body as { note?: string }).note));
    return reply.redirect('/account', 303);
  });
}

let t: TestApp;
let officerToken: string;
let partnerToken: string;
beforeAll(async () => {
  t = await freshApp(undefined, { routes: testRoutes });
  const db = t.database.db;
  await seedAccountsBodies(db);
  await makePerson(db, {
    email: 'officer@trafford.example',
    password: PASSWORD,
    roles: [{ role: 'performance_officer', bodyId: TEST_BODIES.council.id }],
  });
  await makePerson(db, {
    email: 'councillor@trafford.example',
    password: PASSWORD,
    roles: [{ role: 'councillor_scrutiny', bodyId: TEST_BODIES.council.id }],
  });
  const deps = { clock: accountsClock() };
  officerToken = (await issueApiToken(db, cliActor(), { bodyId: TEST_BODIES.council.id, name: 'uploads' }, deps)).plaintext;
  partnerToken = (await issueApiToken(db, cliActor(), { bodyId: TEST_BODIES.partner.id, name: 'uploads' }, deps)).plaintext;
});
afterAll(async () => t.close());

const upload = (headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/test/bodies/${TEST_BODIES.council.id}/uploads`, headers, payload: {} });

describe('the API', () => {
  it('answers 401 with WWW-Authenticate: Bearer to a write without a token', async () => {
    const response = await upload();
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toEqual({
      error: { code: 'unauthenticated', message: 'This needs an API token: send it as Authorization: Bearer lv_…', details: [] },
    });
  });

  it('answers 401 invalid_token to an unknown, malformed or revoked token, on any API route', async () => {
    for (const token of ['lv_000000_' + 'A'.repeat(43), 'not-a-token', 'x'.repeat(5000)]) {
      const response = await upload({ authorization: `Bearer ${token}` });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      expect(response.json().error.code).toBe('unauthenticated');
    }
    const db = t.database.db;
    const issued = await issueApiToken(
      db,
      cliActor(),
      { bodyId: TEST_BODIES.council.id, name: 'old' },
      { clock: accountsClock() },
    );
    await revokeApiToken(db, cliActor(), issued.token.id, { clock: accountsClock() });
    const revoked = await t.app.inject({ url: '/api/v1/test/who', headers: { authorization: `Bearer ${issued.plaintext}` } });
    expect(revoked.statusCode).toBe(401);
  });

  it('answers 403 to a token of another body, and accepts the body’s own', async () => {
    const other = await upload({ authorization: `Bearer ${partnerToken}` });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toEqual({
      error: { code: 'forbidden', message: 'You may not submit figures for this body', details: [] },
    });
    const own = await upload({ authorization: `Bearer ${officerToken}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ by: 'api_token' });
  });

  it('does not read the session cookie: a signed-in browser is nobody to the API', async () => {
    const browser = await signInThroughApp(t.app, 'officer@trafford.example', PASSWORD);
    const cookie = browser.cookieHeader('/api/v1/test/who')!;
    expect(cookie).toMatch(/lv_session=/);
    expect((await t.app.inject({ url: '/api/v1/test/who', headers: { cookie } })).json()).toEqual({ actor: null });
    expect((await upload({ cookie })).statusCode).toBe(401);
  });
});

describe('pages', () => {
  const url = `/test/bodies/${TEST_BODIES.council.id}/tokens`;

  it('send someone not signed in to the sign-in page, to come back afterwards', async () => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/account/sign-in?returnTo=${encodeURIComponent(url)}`);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('show a person without the role "You do not have permission" (403), and let one with it in', async () => {
    const { browser: partner } = await signInWithRole(t.app, t.database.db, 'partner_data_officer');
    expect((await partner.get(url)).response.statusCode).toBe(403);
    const councillor = await signInThroughApp(t.app, 'councillor@trafford.example', PASSWORD);
    const { response, document } = await councillor.get(url);
    expect(response.statusCode).toBe(403);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('You do not have permission');
    expect(textOf(getByRole(document, 'main'))).toContain('You may not issue or revoke API tokens for this body.');
    const officer = await signInThroughApp(t.app, 'officer@trafford.example', PASSWORD);
    expect((await officer.get(url)).response.statusCode).toBe(200);
  });

  it('give signed-in forms the session’s CSRF token, and refuse a form without it, changing nothing', async () => {
    const officer = await signInThroughApp(t.app, 'officer@trafford.example', PASSWORD);
    expect((await officer.post('/test/notes', { note: 'first' })).statusCode).toBe(303);
    expect(notes).toEqual(['first']);
    const forged = await officer.post('/test/notes', { note: 'forged', _csrf: 'A'.repeat(43) });
    expect(forged.statusCode).toBe(403);
    expect(textOf(getByRole(parsePage(forged.body), 'main'))).toContain('This form could not be accepted');
    // a token from another person's session is no good either
    const other = await signInThroughApp(t.app, 'councillor@trafford.example', PASSWORD);
    expect((await officer.post('/test/notes', { note: 'borrowed', _csrf: other.csrf! })).statusCode).toBe(403);
    expect(notes).toEqual(['first']);
  });

  it('send someone not signed in to sign in before looking at a signed-in form’s token', async () => {
    const response = await new Browser(t.app).post('/test/notes', { note: 'anonymous' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/sign-in');
    expect(notes).not.toContain('anonymous');
  });
});
