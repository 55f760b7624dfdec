import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, signInWithRole } from '../../../../../../test/support/accounts-web.ts';
import type { TestApp } from '../../../../../../test/support/app.ts';
import { ASHFORD, casesApp } from '../../../../../../test/support/case-pages-web.ts';
import { sendForm } from '../../../../../../test/support/form-web.ts';
import { follow } from '../../../../../../test/support/submission-web.ts';
import {
  getAllByRole,
  getByLabelText,
  getByRole,
  parsePage,
  queryAllByRole,
  textOf,
} from '../../../../../../test/support/site-dom.ts';
import { listCases, rulesInForce, setRungDeadline } from '../../../cases/index.ts';
import { cliActor } from '../../../../accounts/index.ts';
import { caseUrls } from '../urls.ts';

let t: TestApp;
let assessor: Browser;
beforeAll(async () => {
  t = await casesApp();
  assessor = (await signInWithRole(t.app, t.database.db, 'assessor')).browser;
});
afterAll(async () => t.close());

const summaryOf = (html: string) =>
  queryAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => [textOf(a), a.getAttribute('href')]);
const rowsOf = (table: ReturnType<typeof getByRole>) =>
  getAllByRole(table, 'row')
    .slice(1)
    .map((r) => queryAllByRole(r, 'cell').map(textOf));

describe('the triggers page', () => {
  it('shows each rule in force with its parameters in words, version, since when, who and why', async () => {
    const { response, document } = await new Browser(t.app).get(caseUrls.triggers());
    expect(response.statusCode).toBe(200);
    const offTarget = getByRole(document, 'table', { name: 'Off target: the versions in force' });
    expect(rowsOf(offTarget)).toEqual([
      [
        'Every council, every indicator (the general rule)',
        'On',
        'Fires when a target is off track for 1 period in a row. Cases open on rung 1 and close as recovered after 2 periods clear.',
        'Version 1',
        '1 June 2025 at 10:00',
        'system: default rules',
        expect.any(String),
      ],
    ]);
    // satisfaction falls are off in general and on for the survey indicators
    const satisfaction = rowsOf(getByRole(document, 'table', { name: /^Fall in satisfaction .*: the versions in force$/ }));
    expect(satisfaction.map((r) => [r[0], r[1]])).toEqual([
      ['Every council, every indicator (the general rule)', 'Off'],
      ['Every council, ASC3 (ASC3)', 'On'],
      ['Every council, ASC4 (ASC4)', 'On'],
    ]);
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('How cases open, escalate and close');
    expect(main).toContain('Internal performance management and scrutiny Deadline: 90 days on this rung');
    expect(queryAllByRole(document, 'link', { name: /^Add a version of/ })).toEqual([]);
  });

  it('offers those who configure the triggers a form per rule, and no one else', async () => {
    const { document } = await assessor.get(caseUrls.triggers());
    expect(getByRole(document, 'link', { name: 'Add a version of a rule' }).getAttribute('href')).toBe('/triggers/versions/new');
    expect(getByRole(document, 'link', { name: 'Add a version of this rule: Off target' }).getAttribute('href')).toBe(
      caseUrls.newVersion('off_target'),
    );
    const { browser: officer } = await signInWithRole(t.app, t.database.db, 'performance_officer', { bodyId: ASHFORD.bodyId });
    expect(queryAllByRole((await officer.get(caseUrls.triggers())).document, 'link', { name: /^Add a version/ })).toEqual([]);
    expect((await officer.get(caseUrls.newVersion('off_target'))).response.statusCode).toBe(403);
    const sent = await officer.post(caseUrls.addVersion(), {
      kind: 'off_target',
      'param-periods': '3',
      reason: 'We would rather',
    });
    expect(sent.statusCode).toBe(403);
    expect((await new Browser(t.app).get(caseUrls.newVersion('off_target'))).response.statusCode).toBe(303);
  });

  it('adds a council’s own version of a rule, which is then in force for it alone', async () => {
    const url = caseUrls.newVersion('bottom_quartile', { body: ASHFORD.bodyId });
    const { document } = await assessor.get(url);
    expect(getByLabelText(document, 'Periods in the bottom quartile').getAttribute('value')).toBe('2');
    const added = await sendForm(assessor, url, 'Add the version', {
      'param-periods': '3',
      reason: 'Ashford asked for a longer run',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/triggers?done=version-added#kind-bottom_quartile');
    const page = await follow(assessor, added);
    expect(textOf(getByRole(page.document, 'main'))).toContain('The new version of the rule is in force.');
    const rows = rowsOf(getByRole(page.document, 'table', { name: 'Bottom quartile of comparators: the versions in force' }));
    expect(rows[1]!.slice(0, 4)).toEqual([
      'Ashford Council, every indicator',
      'On',
      expect.stringContaining('for 3 periods in a row'),
      'Version 1',
    ]);
    expect(rows[1]![6]).toBe('Ashford asked for a longer run');
    const stored = (await rulesInForce(t.database.db)).find((v) => v.kind === 'bottom_quartile' && v.bodyId === ASHFORD.bodyId);
    expect(stored?.params).toMatchObject({ periods: 3 });
  });

  it('says what is wrong with each field, keeping what was typed, and adds nothing', async () => {
    const before = (await rulesInForce(t.database.db)).length;
    const url = caseUrls.newVersion('series_break');
    const bad = await sendForm(assessor, url, 'Add the version', {
      'param-dropFactor': '0',
      'param-minimumHistory': 'lots',
      indicator: 'NOPE',
      reason: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.body)).toEqual([
      [expect.stringMatching(/^Indicator code: “NOPE” /), '#indicator'],
      [expect.stringMatching(/^Why /), '#reason'],
    ]);
    const document = parsePage(bad.body);
    expect(getByLabelText(document, 'Drop factor').getAttribute('value')).toBe('0');
    expect(getByLabelText(document, 'Indicator code').getAttribute('value')).toBe('NOPE');
    const params = await sendForm(assessor, url, 'Add the version', {
      'param-dropFactor': '0',
      'param-minimumHistory': 'lots',
      reason: 'Tighter',
    });
    expect(params.statusCode).toBe(400);
    expect(summaryOf(params.body)).toEqual([
      [expect.stringMatching(/^Drop factor: “0” must be a number above 0/), '#param-dropFactor'],
      [expect.stringMatching(/^Figures needed before the latest: “lots” must be a whole number/), '#param-minimumHistory'],
    ]);
    const same = await sendForm(assessor, url, 'Add the version', { reason: 'No change' });
    expect(same.statusCode).toBe(400);
    expect(summaryOf(same.body)[0]![0]).toMatch(/nothing would change/);
    expect((await rulesInForce(t.database.db)).length).toBe(before);
  });

  it('lists each change of a rung’s days, and a council’s own days are its cases’ ladder', async () => {
    await setRungDeadline(
      t.database.db,
      cliActor(),
      { bodyId: ASHFORD.bodyId, rung: 1, days: 60, reason: 'Agreed with Ashford' },
      { clock: t.clock },
    );
    const { document } = await new Browser(t.app).get(caseUrls.triggers());
    expect(rowsOf(getByRole(document, 'table', { name: 'Changes of a rung’s days, newest first' }))).toEqual([
      ['Ashford Council', 'Rung 1', '60 days', '1 June 2025 at 10:00', expect.any(String), 'Agreed with Ashford'],
    ]);
    // every council's days are as they were
    expect(textOf(getByRole(document, 'main'))).toContain(
      'Internal performance management and scrutiny Deadline: 90 days on this rung',
    );
    const ashford = (await listCases(t.database.db, { bodyId: ASHFORD.bodyId })).cases[0]!;
    const page = await new Browser(t.app).get(caseUrls.case(ashford.id));
    expect(textOf(getByRole(page.document, 'main'))).toContain(
      '(the case is on this rung) A case entering it has 60 days to show improvement',
    );
  });

  it('asks which rule when none is named, and says so when the rule named is not one', async () => {
    const { response, document } = await assessor.get('/triggers/versions/new');
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'main'))).toContain('Break or sudden drop in a series');
    expect(getByRole(document, 'heading', { level: 1 }).text).toContain('Which rule does the new version change?');
    const odd = await assessor.get(caseUrls.newVersion('drop_tables'));
    expect(odd.response.statusCode).toBe(400);
    expect(textOf(getByRole(odd.document, 'main'))).toContain('Kind of rule: “drop_tables” is not one of off_target');
  });
});
