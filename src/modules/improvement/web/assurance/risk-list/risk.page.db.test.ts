import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, signInWithRole } from '../../../../../../test/support/accounts-web.ts';
import { COUNCILS } from '../../../../../../test/support/assurance-factories.ts';
import { assurancePagesApp, type AssuranceWorld } from '../../../../../../test/support/assurance-web.ts';
import { sendForm } from '../../../../../../test/support/form-web.ts';
import { getByLabelText, getByRole, parsePage, queryAllByRole, textOf } from '../../../../../../test/support/site-dom.ts';
import { follow } from '../../../../../../test/support/submission-web.ts';
import { currentRiskModel, riskModelVersions } from '../../../assurance/index.ts';
import { assuranceUrls } from '../urls.ts';

let t: AssuranceWorld;
const db = () => t.database.db;

beforeEach(async () => {
  t = await assurancePagesApp({ partnerships: false });
});
afterEach(async () => t.close());

const summaryOf = (html: string) =>
  queryAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => [textOf(a), a.getAttribute('href')]);
const rowsOf = (html: string, caption: RegExp) =>
  queryAllByRole(getByRole(parsePage(html), 'table', { name: caption }), 'row')
    .slice(1)
    .map((r) => r.querySelectorAll('th,td').map((c) => textOf(c)));

describe('the risk page', () => {
  it('prints the formula with the weights, version and reason of the model in force above every council’s score', async () => {
    const { document, response } = await new Browser(t.app).get(assuranceUrls.risk());
    expect(response.statusCode).toBe(200);
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('its points are its share times its weight, scaled so that the weights together make 100');
    expect(main).toContain('Risk model version 1, in force since 1 June 2025. Why: The default model');
    expect(main).toContain('A score of 40 or more is high risk, 20 or more medium risk, and below 20 low risk.');
    expect(rowsOf(response.body, /The weights of the components/)[0]).toEqual(['Targets off track', '25', '25']);
    const rows = rowsOf(response.body, /Councils’ risk scores/);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Trafford Council', '68.3', 'High risk'],
      ['Stockport Council', '0', 'Low risk'],
    ]);
    // each component's points, a dash where there was nothing to judge
    expect(rows[0]!.slice(3)).toEqual(['25', '20', '15', '–', '8.3', '–']);
    expect(getByRole(document, 'link', { name: 'Trafford Council' }).getAttribute('href')).toBe('/risk/trafford-council');
    expect(queryAllByRole(document, 'link', { name: 'Change the weights or bands' })).toEqual([]);
  });

  it('filters by band and sorts by a GET parameter, and downloads the same table as CSV with its formulas disarmed', async () => {
    const low = await new Browser(t.app).get(assuranceUrls.risk({ band: 'low' }));
    expect(rowsOf(low.response.body, /risk scores \(1 of 2 councils\)/).map((r) => r[0])).toEqual(['Stockport Council']);
    const byName = await new Browser(t.app).get(assuranceUrls.risk({ sort: 'name' }));
    expect(rowsOf(byName.response.body, /risk scores/).map((r) => r[0])).toEqual(['Stockport Council', 'Trafford Council']);
    expect(getByLabelText(byName.document, 'Sort by').querySelector('option[selected]')?.getAttribute('value')).toBe('name');

    await db().updateTable('body').set({ name: '=HYPERLINK("x")' }).where('id', '=', COUNCILS.stockport.id).execute();
    const csv = await t.app.inject({ url: assuranceUrls.riskCsv({ sort: 'name' }) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^body_id,council,council_type,area_code,score,band,model_version,computed_at,off_target_share,/);
    expect(lines[1]).toMatch(/^stockport-council,"'=HYPERLINK\(""x""\)"/);
    expect(lines[2]).toMatch(/^trafford-council,Trafford Council,,E08000009,68.3,high,1,/);
    expect(lines).toHaveLength(3);
  });

  it('answers a band or sort it does not know with every council, unsorted by it', async () => {
    const odd = await new Browser(t.app).get('/risk?band=purple&sort=%27%3B--');
    expect(odd.response.statusCode).toBe(200);
    expect(rowsOf(odd.response.body, /risk scores \(2 councils\)/)).toHaveLength(2);
  });
});

describe('a council’s risk page', () => {
  it('shows each component with its share, weight, points and explanation, the inputs, cases, inspection and history', async () => {
    const { document, response } = await new Browser(t.app).get(assuranceUrls.riskProfile(COUNCILS.trafford.id));
    expect(response.statusCode).toBe(200);
    const components = rowsOf(response.body, /Each component/);
    expect(components[0]).toEqual(['Targets off track', '1 of 1 targets off track', '100%', '25', '25']);
    expect(components[4]).toEqual([
      'Open cases, weighted by rung',
      '1 open case (1 on rung 2): 2 points of the 6 that make a full share',
      '33.3%',
      '25',
      '8.3',
    ]);
    expect(components[3]?.slice(2)).toEqual(['Nothing to judge', '15', '0']);
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('Trafford Council scores 68.3 out of 100: high risk.');
    expect(main).toContain('Flagged: Local services.');
    expect(getByRole(document, 'link', { name: /See the 1 open case of Trafford Council/ }).getAttribute('href')).toBe(
      '/cases?body=trafford-council&status=open',
    );
    expect(main).toMatch(/Due by ?1 December 2025 ?Coverage ?Every theme/);
    expect(rowsOf(response.body, /Each time the score changed/)).toEqual([['1 June 2025 at 10:00', '68.3', 'High risk', '1']]);
  });

  it('says there is no such profile for a council without one, and for an id that is not a council', async () => {
    expect((await new Browser(t.app).get(assuranceUrls.riskProfile(COUNCILS.bury.id))).response.statusCode).toBe(404);
    expect((await new Browser(t.app).get('/risk/%27%20OR%201%3D1')).response.statusCode).toBe(404);
  });
});

describe('changing the risk model', () => {
  it('is offered to assessors, says what is wrong by field keeping what was typed, and adds a version', async () => {
    const { browser: assessor, made } = await signInWithRole(t.app, db(), 'assessor');
    const risk = await assessor.get(assuranceUrls.risk());
    expect(getByRole(risk.document, 'link', { name: 'Change the weights or bands' }).getAttribute('href')).toBe('/risk/model');

    const bad = await sendForm(assessor, assuranceUrls.riskModel(), 'Set the new model', {
      'weight-off_target': 'lots',
      reason: 'Targets matter more',
    });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.body)).toEqual([['Weight of targets off track: “lots” is not a number', '#weight-off_target']]);
    expect(getByLabelText(parsePage(bad.body), 'Why').text).toBe('Targets matter more');

    const refused = await sendForm(assessor, assuranceUrls.riskModel(), 'Set the new model', {
      bandHigh: '10',
      reason: 'Lower bar',
    });
    expect(refused.statusCode).toBe(400);
    expect(summaryOf(refused.body)).toEqual([
      ["Lowest score of the high band: “10” must be above the medium band's threshold (20).", '#bandHigh'],
    ]);
    const noReason = await sendForm(assessor, assuranceUrls.riskModel(), 'Set the new model', { 'weight-off_target': '30' });
    expect(summaryOf(noReason.body)).toEqual([['Why is required.', '#reason']]);

    const set = await sendForm(assessor, assuranceUrls.riskModel(), 'Set the new model', {
      'weight-off_target': '30',
      reason: 'Targets are the council’s own promises',
    });
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe('/risk?done=model-set');
    const after = await follow(assessor, set);
    expect(textOf(getByRole(after.document, 'main'))).toContain(
      'Risk model version 2, in force since 1 June 2025. Why: Targets are the council’s own promises',
    );
    expect((await currentRiskModel(db())).weights.off_target).toBe(30);
    expect(textOf(getByRole(after.document, 'main'))).toContain('The new risk model is in force');
    // the version is published with its reason, never with who set it
    expect((await new Browser(t.app).get(assuranceUrls.risk())).response.body).not.toContain(made.person.displayName);
  });

  it('is refused to a council’s officer, with no link to it, and to a form without its token', async () => {
    const { browser: officer } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: COUNCILS.trafford.id });
    const risk = await officer.get(assuranceUrls.risk());
    expect(queryAllByRole(risk.document, 'link', { name: 'Change the weights or bands' })).toEqual([]);
    expect((await officer.get(assuranceUrls.riskModel())).response.statusCode).toBe(403);
    const posted = await officer.post(assuranceUrls.riskModel(), { 'weight-off_target': '0', reason: 'Mine' });
    expect(posted.statusCode).toBe(403);
    const { browser: assessor } = await signInWithRole(t.app, db(), 'assessor');
    const forged = await sendForm(
      assessor,
      assuranceUrls.riskModel(),
      'Set the new model',
      { reason: 'x' },
      { withoutCsrf: true },
    );
    expect(forged.statusCode).toBe(403);
    expect(await riskModelVersions(db())).toHaveLength(1);
  });
});
