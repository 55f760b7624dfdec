/**
 * Attacks on data submission, signed in: markup in an uploaded file's name, values and notes, and in
 * a withdrawal's reason, shown as text on the report, the submission and the list (never something a
 * browser runs); and SQL injection in every parameter of the submission pages and API routes (which
 * test/security/sql-injection.db.test.ts leaves to this file, since they need a session or a token),
 * each answered like any unknown value and changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../../src/modules/accounts/index.ts';
import { createSubmission, dataUrls } from '../../src/modules/data/index.ts';
import { freshApp, type TestApp } from '../support/app.ts';
import { type Browser, signInWithRole } from '../support/accounts-web.ts';
import { getByRole, parsePage, textOf } from '../support/site-dom.ts';
import { IMG_ONERROR, rowCounts, runnableMarkup, SCRIPT_TAG, SVG_ONLOAD } from '../support/security.ts';
import {
  LOCAL_INDICATOR,
  seedSubmissionWorld,
  setUp,
  submissionCsv,
  type SubmissionWorld,
  TRAFFORD,
  TRAFFORD_AREA,
} from '../support/submission-factories.ts';
import { follow, sendUpload } from '../support/submission-web.ts';

let t: TestApp;
let world: SubmissionWorld;
let officer: Browser;
let assessor: Browser;
let token: string;
let submissionId: string;
const db = () => t.database.db;

/** A file name that is markup (no slash: a browser sends only the name after the last one). */
const HOSTILE_NAME = `${SVG_ONLOAD}.csv`;

beforeAll(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  world = await seedSubmissionWorld(db());
  officer = (await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD })).browser;
  assessor = (await signInWithRole(t.app, db(), 'assessor', { bodyId: null })).browser;
  token = (await issueApiToken(db(), setUp, { bodyId: TRAFFORD, name: 'probe' }, { clock: t.clock })).plaintext;
  const file = submissionCsv(HOSTILE_NAME, [[LOCAL_INDICATOR, TRAFFORD_AREA, IMG_ONERROR, '2023/24', '90', 'final', SCRIPT_TAG]]);
  submissionId = (await createSubmission(db(), world.officer, { bodyId: TRAFFORD, file }, { clock: t.clock })).id;
});
afterAll(async () => t.close());

const csp = (headers: Record<string, unknown>) => String(headers['content-security-policy'] ?? '');

describe('stored markup in uploads', () => {
  it('is shown as text on the report of a file with bad rows', async () => {
    const file = submissionCsv(HOSTILE_NAME, [[LOCAL_INDICATOR, TRAFFORD_AREA, '', '2023/24', SCRIPT_TAG, 'final', IMG_ONERROR]]);
    const report = await follow(officer, await sendUpload(officer, { body: TRAFFORD, file }));
    expect(runnableMarkup(report.document, csp(report.response.headers))).toEqual([]);
    expect(textOf(getByRole(report.document, 'table', { name: 'Problems in the file' }))).toContain(SCRIPT_TAG);
    expect(report.response.body).not.toContain(SVG_ONLOAD);
    expect(textOf(getByRole(report.document, 'main'))).toContain(HOSTILE_NAME);
  });

  it('is shown as text on the submission, its timeline and the list', async () => {
    const withdrawn = await officer.post(dataUrls.submissionStep(submissionId, 'withdraw'), {
      reason: `Wrong file ${IMG_ONERROR}`,
    });
    expect(withdrawn.statusCode).toBe(303);
    for (const url of [dataUrls.submission(submissionId), dataUrls.submissions()]) {
      const { response, document } = await officer.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(runnableMarkup(document, csp(response.headers)), url).toEqual([]);
      expect(textOf(getByRole(document, 'main')), url).toContain(HOSTILE_NAME);
      expect(response.body, url).not.toContain(SVG_ONLOAD);
    }
    const { document } = await officer.get(dataUrls.submission(submissionId));
    expect(textOf(getByRole(document, 'table', { name: 'What happened to the submission' }))).toContain(
      `Wrong file ${IMG_ONERROR}`,
    );
  });
});

/** Classic payloads (as in sql-injection.db.test.ts). */
const PAYLOADS = [
  "' OR '1'='1",
  '1; DROP TABLE submission;--',
  "%' --",
  '") OR 1=1 --',
  "' UNION SELECT id FROM submission --",
  '%',
  '_',
];

describe('SQL injection in the submission routes', () => {
  const pages = (p: string) => [
    `/submissions?body=${p}`,
    `/submissions?state=${p}`,
    `/submissions?body=${TRAFFORD}&page=${p}`,
    `/submissions/${p}`,
    `/submissions/${p}/rows.csv`,
    `/submissions/checked/${p}`,
    `/submissions/new?body=${p}`,
    `/bodies/${p}/sharing`,
    `/bodies/${p}/collection`,
    `/bodies/${p}/submission-rules`,
  ];
  const api = (p: string) => [
    `/api/v1/submissions?body=${p}`,
    `/api/v1/submissions?state=${p}`,
    `/api/v1/submissions?limit=${p}`,
    `/api/v1/submissions/${p}`,
    `/api/v1/submissions/${p}/rows`,
    `/api/v1/submissions/${submissionId}/rows?offset=${p}`,
    `/api/v1/bodies/${p}/shares`,
    `/api/v1/bodies/${p}/submission-rules`,
  ];

  it('every payload in every parameter gets an ordinary answer and changes nothing', async () => {
    const before = await rowCounts(db());
    const problems: string[] = [];
    for (const payload of PAYLOADS) {
      const p = encodeURIComponent(payload);
      for (const url of pages(p)) {
        const browser = url.startsWith('/submissions/new') ? officer : assessor;
        const response = await browser.request('GET', url);
        if (![200, 400, 403, 404].includes(response.statusCode)) problems.push(`${url}: ${response.statusCode}`);
        else if (
          response.statusCode === 200 &&
          /Submissions of|Figures of|Collection rounds/.test(response.body) &&
          url.includes(`/${p}/`)
        )
          problems.push(`${url}: 200 for a payload in the path`);
        else if (!parsePage(response.body).querySelector('h1')) problems.push(`${url}: no heading`);
      }
      for (const url of api(p)) {
        const response = await t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
        if (![200, 400, 403, 404].includes(response.statusCode)) problems.push(`${url}: ${response.statusCode}`);
        else if (response.statusCode !== 200 && typeof response.json<{ error?: { code?: string } }>().error?.code !== 'string')
          problems.push(`${url}: ${response.statusCode} without an error code`);
        else if (response.statusCode === 200 && (response.json<{ total?: number }>().total ?? 0) > 1)
          problems.push(`${url}: 200 with more than the one submission`);
      }
    }
    expect(problems).toEqual([]);
    expect(await rowCounts(db())).toEqual(before);
  });
});
