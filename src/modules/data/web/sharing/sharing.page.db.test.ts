import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { signInWithRole } from '../../../../../test/support/accounts-web.ts';
import { getByRole, parsePage, queryAllByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { HOUSING, POLICE, seedSubmissionWorld, TRAFFORD } from '../../../../../test/support/submission-factories.ts';
import { auditForBody } from '../../../audit/index.ts';
import { sharedWith } from '../../index.ts';
import { dataUrls } from '../urls.ts';

let t: TestApp;
const db = () => t.database.db;

beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  await seedSubmissionWorld(db());
});
afterEach(async () => t.close());

describe('sharing unpublished figures', () => {
  it('lets the body’s officer share with a partner and stop, each audited', async () => {
    const { browser } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD });
    const { document } = await browser.get(dataUrls.sharing(TRAFFORD));
    expect(textOf(getByRole(document, 'main'))).toContain(
      'Trafford Council does not share its unpublished figures with any other body',
    );
    const options = document.querySelectorAll('#partnerBodyId option').map(textOf);
    expect(options).toContain('Greater Manchester Police');
    expect(options).not.toContain('Trafford Council');

    const shared = await browser.post(dataUrls.sharing(TRAFFORD), { partnerBodyId: POLICE });
    expect(shared.statusCode).toBe(303);
    const after = await browser.get(String(shared.headers.location));
    const table = getByRole(after.document, 'table', { name: 'Bodies that can see the unpublished figures' });
    expect(textOf(table)).toContain('Greater Manchester Police');
    expect(await sharedWith(db(), TRAFFORD)).toEqual([POLICE]);

    const again = await browser.post(dataUrls.sharing(TRAFFORD), { partnerBodyId: POLICE });
    expect(again.statusCode).toBe(400);
    expect(textOf(getByRole(parsePage(again.body), 'alert'))).toContain(
      'already shares its unpublished figures with Greater Manchester Police',
    );

    getByRole(after.document, 'button', { name: 'Stop sharing with Greater Manchester Police' });
    expect((await browser.post(dataUrls.stopSharing(TRAFFORD), { partnerBodyId: POLICE })).statusCode).toBe(303);
    expect(await sharedWith(db(), TRAFFORD)).toEqual([]);
    const events = await auditForBody(db(), TRAFFORD, { action: 'unpublished_share' });
    expect(events.items.map((e) => e.action).sort()).toEqual(['unpublished_share.grant', 'unpublished_share.revoke']);
  });

  it('shows the shares to the body’s other people without the forms, and refuses others', async () => {
    const { browser: officer } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD });
    await officer.post(dataUrls.sharing(TRAFFORD), { partnerBodyId: POLICE });
    const { browser: councillor } = await signInWithRole(t.app, db(), 'councillor_executive', { bodyId: TRAFFORD });
    const seen = await councillor.get(dataUrls.sharing(TRAFFORD));
    expect(seen.response.statusCode).toBe(200);
    expect(queryAllByRole(getByRole(seen.document, 'main'), 'button')).toEqual([]);
    expect((await councillor.post(dataUrls.sharing(TRAFFORD), { partnerBodyId: HOUSING })).statusCode).toBe(403);

    const { browser: housing } = await signInWithRole(t.app, db(), 'partner_data_officer', { bodyId: HOUSING });
    expect((await housing.get(dataUrls.sharing(TRAFFORD))).response.statusCode).toBe(403);
    expect((await officer.post(dataUrls.sharing(TRAFFORD), { partnerBodyId: HOUSING, _csrf: 'forged' })).statusCode).toBe(403);
    expect(await sharedWith(db(), TRAFFORD)).toEqual([POLICE]);
  });

  it('asks for a body to share with', async () => {
    const { browser } = await signInWithRole(t.app, db(), 'administrator', { bodyId: null });
    const response = await browser.post(dataUrls.sharing(TRAFFORD), { partnerBodyId: '' });
    expect(response.statusCode).toBe(400);
    getByRole(getByRole(parsePage(response.body), 'alert'), 'link', { name: 'Choose the body to share with' });
  });
});
