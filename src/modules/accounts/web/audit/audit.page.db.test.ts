/**
 * The audit pages after a sequence of changes made through the administration pages: who may read
 * which part, the filters, the readable changes, and the CSV and JSON downloads.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { makePerson, seedAccountsBodies, TEST_BODIES } from '../../../../../test/support/accounts-factories.ts';
import { type Browser, signInThroughApp, signInWithRole, TEST_PASSWORD } from '../../../../../test/support/accounts-web.ts';
import { getAllByRole, getByRole, parsePage, textOf } from '../../../../../test/support/site-dom.ts';
import { AUDIT_EXPORT_COLUMNS, recordAudit } from '../../../audit/index.ts';
import { adminUrls } from '../admin/urls.ts';
import { auditUrls } from './urls.ts';

const COUNCIL = TEST_BODIES.council;
const POLICE = TEST_BODIES.partner;
/** The administrator's name starts like a spreadsheet formula: the CSV must not let it run. */
const ADMIN_NAME = '=Ada Admin';
const ADMIN_EMAIL = 'ada@localvision.example';
/** The sequence starts after everyone has signed in (sign-ins are audited too). */
const AFTER_SIGN_IN = '2026-11-25T09:05:00Z';

let t: TestApp;
let admin: Browser;
let assessor: Browser;
let police: Browser;

beforeAll(async () => {
  t = await freshApp('2026-11-25T09:00:00.000Z');
  const db = t.database.db;
  await seedAccountsBodies(db);
  await makePerson(db, {
    email: ADMIN_EMAIL,
    displayName: ADMIN_NAME,
    password: TEST_PASSWORD,
    roles: [{ role: 'administrator' }],
  });
  admin = await signInThroughApp(t.app, ADMIN_EMAIL, TEST_PASSWORD);
  assessor = (await signInWithRole(t.app, db, 'assessor')).browser;
  police = (await signInWithRole(t.app, db, 'partner_data_officer', { bodyId: POLICE.id })).browser;

  // the sequence: invite (with a role), grant, revoke, issue a token — ten minutes apart (sessions end after an hour idle)
  t.clock.set('2026-11-25T09:10:00.000Z');
  const invited = await admin.submit(adminUrls.invite(), 'Send invitation', {
    email: 'sam.jones@trafford.example',
    displayName: 'Sam Jones',
    role: 'performance_officer',
    bodyId: COUNCIL.id,
  });
  const samPage = invited.headers.location!.split('?')[0]!;
  t.clock.set('2026-11-25T09:20:00.000Z');
  await admin.submit(samPage, 'Give role', { role: 'partner_data_officer', bodyId: POLICE.id });
  t.clock.set('2026-11-25T09:30:00.000Z');
  const { document } = await admin.get(samPage);
  const revoke = getByRole(document, 'link', { name: /^Revoke the role of partner data officer/ }).getAttribute('href')!;
  await admin.submit(revoke, 'Revoke role', {});
  t.clock.set('2026-11-25T09:40:00.000Z');
  await admin.submit(adminUrls.tokens(COUNCIL.id), 'Issue token', { name: 'Nightly upload' });
  await admin.submit(adminUrls.tokens(POLICE.id), 'Issue token', { name: 'Police feed' });
  // a change to an indicator's figures, as the data module records them
  t.clock.set('2026-11-25T09:50:00.000Z');
  await db.transaction().execute((trx) =>
    recordAudit(
      trx,
      {
        actor: { personId: null, label: 'command line (ops)', via: { kind: 'cli', id: null } },
        action: 'observation.import',
        subject: { kind: 'import_batch', id: '7' },
        bodyId: COUNCIL.id,
        indicatorCode: 'NI192',
        after: { rowsWritten: 12 },
        summary: 'Imported 12 figures of NI192',
      },
      t.clock,
    ),
  );
});
afterAll(async () => t.close());

/** The events table as rows of cell texts. */
function eventRows(html: string): string[][] {
  const table = getByRole(parsePage(html), 'table', { name: 'Audit events, newest first' });
  return getAllByRole(table, 'row')
    .slice(1)
    .map((r) => getAllByRole(r, 'cell').map(textOf));
}
const summaries = (html: string) => eventRows(html).map((r) => r[2]!.split(' role.')[0]!.split(' api_token.')[0]!);
const actionsOf = (html: string) =>
  parsePage(html)
    .querySelectorAll('tbody code')
    .map((c) => c.text);

describe('the whole audit log', () => {
  it('is read by an assessor: when, who and how, what, and the change in words', async () => {
    const { response } = await assessor.get(auditUrls.log({ action: 'role', from: AFTER_SIGN_IN }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const rows = eventRows(response.body);
    expect(actionsOf(response.body)).toEqual(['role.revoke', 'role.grant', 'role.grant']);
    const [revoked] = rows;
    expect(revoked![0]).toBe('25 November 2026 at 09:30 UTC');
    expect(revoked![1]).toMatch(/^=Ada Admin in a browser session \([0-9a-f]{12}\)$/);
    expect(revoked![2]).toContain('Sam Jones is no longer a partner data officer');
    expect(revoked![2]).toContain(`on role grant`);
    expect(revoked![2]).toContain('Greater Manchester Police');
    expect(revoked![3]).toContain('revoked at: none → 2026-11-25T09:30:00.000Z');
    expect(revoked![3]).toContain('Before and after (JSON)');
  });

  it('holds the whole sequence, newest first, and the CLI-side change of an indicator', async () => {
    const { response } = await assessor.get(auditUrls.log({ from: AFTER_SIGN_IN }));
    expect(actionsOf(response.body)).toEqual([
      'observation.import',
      'api_token.issue',
      'api_token.issue',
      'role.revoke',
      'role.grant',
      'role.grant',
      'person.invite',
    ]);
    expect(eventRows(response.body)[0]![1]).toBe('command line (ops) at the command line');
  });

  it('filters by person, action and dates, and explains a filter it cannot use (400)', async () => {
    const mine = await assessor.get(auditUrls.log({ person: ADMIN_EMAIL.toUpperCase(), action: 'api_token' }));
    expect(actionsOf(mine.response.body)).toEqual(['api_token.issue', 'api_token.issue']);
    const day = await assessor.get(auditUrls.log({ from: '2026-11-25T09:15:00Z', to: '2026-11-25T09:25:00Z' }));
    expect(actionsOf(day.response.body)).toEqual(['role.grant']);
    const nobody = await assessor.get(auditUrls.log({ person: 'nobody@example.org' }));
    expect(textOf(getByRole(nobody.document, 'main'))).toContain('No events match.');

    const bad = await assessor.get(auditUrls.log({ from: 'last week', action: 'role%' }));
    expect(bad.response.statusCode).toBe(400);
    const summary = getAllByRole(getByRole(bad.document, 'alert'), 'link').map((a) => [textOf(a), a.getAttribute('href')]);
    expect(summary).toEqual([
      ['From must be a date (YYYY-MM-DD) or an ISO instant (2025-06-01T09:00:00Z)', '#from'],
      ['Action must be an action such as role.grant, or its first word such as role', '#action'],
    ]);
  });

  it('pages through many events', async () => {
    for (let i = 0; i < 50; i += 1) await makePerson(t.database.db, { displayName: `Filler ${i}` });
    const first = await assessor.get(auditUrls.log());
    expect(textOf(getByRole(first.document, 'main'))).toMatch(/Showing 1 to 50 of \d+ events, newest first\./);
    const nav = getByRole(first.document, 'navigation', { name: 'Pages of events' });
    const next = getByRole(nav, 'link', { name: /Next/ }).getAttribute('href')!;
    expect(next).toBe(auditUrls.log({ page: 2 }));
    expect((await assessor.get(next)).response.statusCode).toBe(200);
  });

  it('lets an assessor read but not grant (403)', async () => {
    const { document } = await admin.get(adminUrls.people({ q: 'sam.jones' }));
    const sam = getByRole(document, 'link', { name: 'Sam Jones' }).getAttribute('href')!;
    expect((await assessor.post(`${sam}/grants`, { role: 'assessor' })).statusCode).toBe(403);
  });
});

describe('a body’s own people', () => {
  it('read only their body’s events: a partner data officer sees the police’s, not the council’s', async () => {
    const { response, document } = await police.get(auditUrls.log());
    expect(response.statusCode).toBe(200);
    expect(actionsOf(response.body)).toEqual(['api_token.issue', 'role.revoke', 'role.grant', 'role.grant']);
    expect(summaries(response.body).join(' ')).not.toContain('Trafford');
    const bodies = getByRole(document, 'search', { name: 'Audit events' }).querySelectorAll('select#body option');
    expect(bodies.map((o) => textOf(o))).toEqual(['Greater Manchester Police']);
  });

  it('are refused another body’s events (403), on the log and on the body’s page', async () => {
    expect((await police.request('GET', auditUrls.log({ body: COUNCIL.id }))).statusCode).toBe(403);
    expect((await police.request('GET', auditUrls.body(COUNCIL.id))).statusCode).toBe(403);
    expect((await police.request('GET', auditUrls.log({ body: COUNCIL.id, format: 'csv' }))).statusCode).toBe(403);
    const own = await police.get(auditUrls.body(POLICE.id));
    expect(textOf(getByRole(own.document, 'heading', { level: 1 }))).toBe('Audit log of Greater Manchester Police');
    expect(actionsOf(own.response.body)).toHaveLength(4);
  });

  it('see an indicator’s events of their own body only', async () => {
    const council = await signInWithRole(t.app, t.database.db, 'councillor_scrutiny', { bodyId: COUNCIL.id });
    const page = await council.browser.get(auditUrls.indicator('NI192'));
    expect(textOf(getByRole(page.document, 'heading', { level: 1 }))).toBe('Audit log of indicator NI192');
    expect(actionsOf(page.response.body)).toEqual(['observation.import']);
    expect(eventRows(page.response.body)[0]![3]).toContain('rows written: none → 12');
    expect(actionsOf((await police.get(auditUrls.indicator('NI192'))).response.body)).toEqual([]);
  });

  it('is refused to someone who holds no role for a body (403), and sends the signed-out to sign in', async () => {
    const { browser } = await signInWithRole(t.app, t.database.db, 'resident');
    expect((await browser.request('GET', auditUrls.log())).statusCode).toBe(403);
    const anonymous = await t.app.inject(auditUrls.log());
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/account/sign-in?returnTo=%2Faudit');
  });
});

describe('the downloads', () => {
  const SEQUENCE = ['api_token.issue', 'api_token.issue', 'role.revoke', 'role.grant', 'role.grant', 'person.invite'];

  it('give the filtered log as CSV: who, when, what, formula cells guarded', async () => {
    const response = await assessor.request('GET', auditUrls.log({ person: ADMIN_EMAIL, from: AFTER_SIGN_IN, format: 'csv' }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="audit-log.csv"');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const [header, ...rows] = parse(response.body) as string[][];
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    const col = (name: string) => AUDIT_EXPORT_COLUMNS.indexOf(name as never);
    expect(rows.map((r) => r[col('action')])).toEqual(SEQUENCE);
    for (const r of rows) {
      expect(r[col('actor_label')]).toBe(`'${ADMIN_NAME}`);
      expect(r[col('via_kind')]).toBe('session');
      expect(r[col('occurred_at')]).toMatch(/^2026-11-25T09:[1-4]0:00\.000Z$/);
    }
    expect(rows[0]![col('summary')]).toBe(
      'Issued API token ' +
        rows[0]![col('after_json')]!.match(/lv_[0-9a-f]{6}/)![0] +
        ' (Police feed) for Greater Manchester Police',
    );
    expect(response.body).not.toMatch(/lv_[0-9a-f]{6}_/);
  });

  it('give the same as JSON, one object per event with the export’s columns', async () => {
    const response = await assessor.request('GET', auditUrls.log({ person: ADMIN_EMAIL, from: AFTER_SIGN_IN, format: 'json' }));
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const events = response.json() as Record<string, unknown>[];
    expect(events.map((e) => e.action)).toEqual(SEQUENCE);
    expect(Object.keys(events[0]!)).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(events[5]).toMatchObject({
      actor_label: ADMIN_NAME,
      subject_kind: 'person',
      summary: 'Invited Sam Jones (sam.jones@trafford.example)',
    });
  });

  it('of a body’s page carry that body’s events only', async () => {
    const response = await police.request('GET', auditUrls.body(POLICE.id, { format: 'json' }));
    expect(response.headers['content-disposition']).toBe('attachment; filename="audit-log-greater-manchester-police.json"');
    const events = response.json() as { body_id: string }[];
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => e.body_id))).toEqual(new Set([POLICE.id]));
  });
});
