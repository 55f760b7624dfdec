/** GET /api/v1/audit: a body's API token reads its own body's events; nothing else gets in. */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import { accountsClock, personWithRole, seedAccountsBodies, TEST_BODIES } from '../../../../test/support/accounts-factories.ts';
import { cliActor, issueApiToken } from '../index.ts';

const COUNCIL = TEST_BODIES.council.id;
const POLICE = TEST_BODIES.partner.id;
let t: TestApp;
let councilToken: string;
let policeToken: string;

beforeAll(async () => {
  t = await freshApp();
  const db = t.database.db;
  await seedAccountsBodies(db);
  await personWithRole(db, 'performance_officer', { bodyId: COUNCIL });
  await personWithRole(db, 'partner_data_officer', { bodyId: POLICE });
  const deps = { clock: accountsClock() };
  councilToken = (await issueApiToken(db, cliActor(), { bodyId: COUNCIL, name: 'Council uploads' }, deps)).plaintext;
  policeToken = (await issueApiToken(db, cliActor(), { bodyId: POLICE, name: 'Police uploads' }, deps)).plaintext;
});
afterAll(async () => t.close());

const get = (url: string, token?: string) => t.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

interface AuditList {
  items: { action: string; bodyId: string | null; actor: { via: string; label: string }; before: unknown; after: unknown }[];
  total: number;
  links: { csv: string };
}

describe('GET /api/v1/audit', () => {
  it('answers 401 with WWW-Authenticate to a client without a token, and to a bad token', async () => {
    const none = await get('/api/v1/audit');
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    const bad = await get('/api/v1/audit', 'lv_000000_not-a-real-token');
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('gives a token its own body’s events, newest first, with the change as JSON', async () => {
    const response = await get('/api/v1/audit', councilToken);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const list = response.json() as AuditList;
    expect(list.items.map((e) => e.action)).toEqual(['api_token.issue', 'role.grant']);
    expect(new Set(list.items.map((e) => e.bodyId))).toEqual(new Set([COUNCIL]));
    expect(list.items[0]).toMatchObject({ actor: { via: 'cli', label: 'command line' }, before: null });
    expect(list.items[0]!.after).toMatchObject({ name: 'Council uploads', bodyId: COUNCIL });
    expect(list.links.csv).toBe('/api/v1/audit?format=csv');
  });

  it('refuses a token another body’s events (403), and a whole-log read is narrowed to its body', async () => {
    const other = await get(`/api/v1/audit?body=${POLICE}`, councilToken);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: { code: 'forbidden', message: 'You may not read this part of the audit log' } });
    const own = (await get(`/api/v1/audit?body=${POLICE}&action=api_token`, policeToken)).json() as AuditList;
    expect(own.items.map((e) => [e.action, e.bodyId])).toEqual([['api_token.issue', POLICE]]);
  });

  it('filters as the pages do, and refuses a bad filter (400) naming the field', async () => {
    const roles = (await get('/api/v1/audit?action=role', councilToken)).json() as AuditList;
    expect(roles.items.map((e) => e.action)).toEqual(['role.grant']);
    const bad = await get('/api/v1/audit?from=yesterday', councilToken);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'from' }] } });
  });

  it('gives every match as the export’s CSV with format=csv', async () => {
    const response = await get('/api/v1/audit?format=csv', councilToken);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parse(response.body) as string[][];
    expect(header).toContain('before_json');
    expect(rows).toHaveLength(2);
  });

  it('is in the OpenAPI document with its bearer token security requirement and its 401 and 403 answers', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, { get?: { security?: unknown; responses?: Record<string, unknown> } }>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    const op = doc.paths['/api/v1/audit']?.get;
    expect(op?.security).toEqual([{ apiToken: [] }]);
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403']));
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
