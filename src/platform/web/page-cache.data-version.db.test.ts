/**
 * The page cache in the whole app, on the data version (docs/adr/0017): signed-in people's session
 * bookkeeping leaves a cached public page cached; a change to what public pages show renews it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../test/support/app.ts';
import { Browser, signInThroughApp, TEST_PASSWORD } from '../../../test/support/accounts-web.ts';
import { personWithRole } from '../../../test/support/accounts-factories.ts';
import { bodiesJson } from '../../../test/support/places-factories.ts';
import { indicatorInput } from '../../../test/support/indicator-factories.ts';
import { tidyCsv } from '../../../test/support/data-factories.ts';
import {
  LOCAL_INDICATOR,
  NATIONAL_INDICATOR,
  TRAFFORD,
  TRAFFORD_AREA,
  publishedSubmission,
  seedSubmissionWorld,
  traffordStreetsFile,
  type SubmissionWorld,
} from '../../../test/support/submission-factories.ts';
import { parsePage, textOf } from '../../../test/support/site-dom.ts';
import { accountUrls, cliActor, issueApiToken } from '../../modules/accounts/index.ts';
import { importBodyFile } from '../../modules/bodies/index.ts';
import { importObservations } from '../../modules/data/index.ts';
import { defineLocalIndicator } from '../../modules/indicators/index.ts';

const AREA_PAGE = `/areas/${TRAFFORD_AREA}`;
const LOCAL_INDICATOR_PAGE = `/indicators/${LOCAL_INDICATOR}`;
const MINUTES = 60_000;

let t: TestApp;
let world: SubmissionWorld;
beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  world = await seedSubmissionWorld(t.ctx.database.db);
});
afterEach(async () => {
  await t.close();
});

/** An anonymous visitor's request: whether the cache answered it, its ETag and its text. */
async function visit(url: string): Promise<{ cache: unknown; etag: unknown; text: string }> {
  const response = await t.app.inject({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return { cache: response.headers['x-page-cache'], etag: response.headers.etag, text: textOf(parsePage(response.body)) };
}

/** The page once it is in the cache: the ETag a visitor holds. */
async function cached(url: string): Promise<string> {
  await visit(url);
  const again = await visit(url);
  expect(again.cache).toBe('hit');
  return String(again.etag);
}

/** The page is still served from the cache, unchanged. */
async function expectStillCached(url: string, etag: string, after: string): Promise<void> {
  const now = await visit(url);
  expect({ after, cache: now.cache, etag: now.etag }).toEqual({ after, cache: 'hit', etag });
}

/** The page is rendered afresh, under a new ETag. */
async function expectRenewed(url: string, etag: string): Promise<string> {
  const now = await visit(url);
  expect(now.cache).toBe('miss');
  expect(now.etag).not.toBe(etag);
  return now.text;
}

const lastSeen = async (personId: string) =>
  (
    await t.ctx.database.db
      .selectFrom('person_session')
      .select('last_seen_at')
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow()
  ).last_seen_at;

describe('a cached public page', () => {
  it('stays cached while people sign in, read pages, fail to sign in, ask for a reset link and sign out', async () => {
    const made = await personWithRole(t.ctx.database.db, 'performance_officer', { bodyId: TRAFFORD, password: TEST_PASSWORD });
    const etag = await cached(AREA_PAGE);

    const browser = await signInThroughApp(t.app, made.person.email, TEST_PASSWORD);
    await expectStillCached(AREA_PAGE, etag, 'signing in');

    const seenAtSignIn = await lastSeen(made.person.id);
    for (const url of [AREA_PAGE, '/submissions', accountUrls.account()]) {
      t.clock.advance(2 * MINUTES);
      expect((await browser.get(url)).response.statusCode).toBe(200);
    }
    expect(await lastSeen(made.person.id)).not.toBe(seenAtSignIn);
    await expectStillCached(AREA_PAGE, etag, 'page views that note when the person was last seen');

    const stranger = new Browser(t.app);
    const refused = await stranger.submit(accountUrls.signIn(), 'Sign in', { email: made.person.email, password: 'not it' });
    expect(refused.statusCode).toBe(400);
    await expectStillCached(AREA_PAGE, etag, 'a failed sign-in, counted towards a lock-out');

    const reset = await stranger.submit(accountUrls.forgotPassword(), 'Send the link', { email: made.person.email });
    expect(reset.statusCode).toBe(303);
    expect(t.mail.sent.length).toBeGreaterThan(0);
    await expectStillCached(AREA_PAGE, etag, 'a password reset link');

    const signedOut = await browser.post(accountUrls.signOut());
    expect(signedOut.statusCode).toBe(303);
    await expectStillCached(AREA_PAGE, etag, 'signing out');
  });

  it('stays cached while an API token is used', async () => {
    const { plaintext } = await issueApiToken(
      t.ctx.database.db,
      cliActor(),
      { bodyId: TRAFFORD, name: 'uploads' },
      { clock: t.clock },
    );
    const etag = await cached(AREA_PAGE);
    const used = await t.app.inject({
      method: 'GET',
      url: '/api/v1/submissions',
      headers: { authorization: `Bearer ${plaintext}` },
    });
    expect(used.statusCode).toBe(200);
    const token = await t.ctx.database.db.selectFrom('api_token').select('last_used_at').executeTakeFirstOrThrow();
    expect(token.last_used_at).not.toBeNull();
    await expectStillCached(AREA_PAGE, etag, 'a token noting its last use');
  });

  it('is renewed when a submission is published', async () => {
    const etag = await cached(AREA_PAGE);
    expect((await visit(AREA_PAGE)).text).not.toContain('92.5');
    await publishedSubmission(t.ctx.database.db, world, traffordStreetsFile());
    expect(await expectRenewed(AREA_PAGE, etag)).toContain('92.5');
  });

  it('is renewed when figures are imported', async () => {
    const etag = await cached(AREA_PAGE);
    await importObservations(
      t.ctx.database.db,
      tidyCsv('recycling.csv', [
        ['indicator', 'area', 'period', 'value'],
        [NATIONAL_INDICATOR, TRAFFORD_AREA, '2024/25', '47.3'],
      ]),
      { clock: t.clock },
    );
    expect(await expectRenewed(AREA_PAGE, etag)).toContain('47.3');
  });

  it('is renewed when an indicator definition changes', async () => {
    await publishedSubmission(t.ctx.database.db, world, traffordStreetsFile());
    const etag = await cached(AREA_PAGE);
    await defineLocalIndicator(
      t.ctx.database.db,
      world.officer,
      indicatorInput({
        code: LOCAL_INDICATOR,
        title: 'Streets and parks judged clean',
        unit: 'percentage',
        areaAggregation: 'none',
        timeAggregation: 'none',
        numeratorDefinition: null,
        denominatorDefinition: null,
        areaTypes: ['metropolitan_district'],
        ownerBodyId: TRAFFORD,
      }),
      { clock: t.clock },
    );
    expect(await expectRenewed(AREA_PAGE, etag)).toContain('Streets and parks judged clean');
  });

  it('is renewed when a body changes', async () => {
    await publishedSubmission(t.ctx.database.db, world, traffordStreetsFile());
    const etag = await cached(LOCAL_INDICATOR_PAGE);
    expect((await visit(LOCAL_INDICATOR_PAGE)).text).toContain('Trafford Council');
    await importBodyFile(
      t.ctx.database.db,
      bodiesJson([{ id: TRAFFORD, name: 'Trafford Metropolitan Borough Council', kind: 'council' }]),
      { clock: t.clock },
    );
    expect(await expectRenewed(LOCAL_INDICATOR_PAGE, etag)).toContain('Trafford Metropolitan Borough Council');
  });
});
