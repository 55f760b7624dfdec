import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { countRows } from '../../../test/support/data-factories.ts';
import {
  LOCAL_INDICATOR,
  NATIONAL_INDICATOR,
  publishedSubmission,
  seedSubmissionWorld,
  setUp,
  submissionClock,
  submissionCsv,
  type SubmissionWorld,
  TRAFFORD,
  TRAFFORD_AREA,
  traffordStreetsFile,
} from '../../../test/support/submission-factories.ts';
import { auditForSubject, listAuditEvents } from '../audit/index.ts';
import {
  approveSubmission,
  checkSubmission,
  createSubmission,
  getSeries,
  getSubmission,
  getSubmissionRows,
  importObservations,
  listImportBatches,
  publishSubmission,
  queryObservations,
  rejectSubmission,
  setCollectionDeadline,
  submitSubmission,
  withdrawSubmission,
} from './index.ts';

let handle: DatabaseHandle;
let world: SubmissionWorld;
const clock = submissionClock();
const deps = { clock };

beforeEach(async () => {
  handle = await freshDatabase();
  clock.set('2025-06-01T09:00:00.000Z');
  world = await seedSubmissionWorld(handle.db);
});
afterEach(async () => {
  await handle.close();
});

const count = (table: 'submission' | 'submission_row' | 'submission_event' | 'observation' | 'import_batch') =>
  handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

const withOneBadRow = () =>
  submissionCsv('trafford-streets-q.csv', [
    [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2022/23', '90.1', 'final', ''],
    [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2023/24', 'n/a', 'final', 'not counted yet'],
    [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2024/25', '92.5', 'provisional', ''],
  ]);

describe('the validation report', () => {
  it('lists every bad row with its line, and a summary, without writing anything', async () => {
    const report = await checkSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: withOneBadRow() });
    expect(report).toMatchObject({ ok: false, bodyId: TRAFFORD, format: 'csv', reader: 'tidy-csv', problemCount: 1 });
    expect(report.problems).toEqual([
      { line: 3, field: 'value', value: 'n/a', reason: expect.stringMatching(/value must be a number/) },
    ]);
    expect(report.summary).toEqual({
      rows: 3,
      goodRows: 2,
      indicators: [LOCAL_INDICATOR],
      periods: ['FY2022', 'FY2024'],
      areas: 1,
      new: 2,
      revised: 0,
      unchanged: 0,
    });
    expect(report.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect([await count('submission'), await count('observation'), await count('import_batch')]).toEqual([0, 0, 0]);
  });

  it('counts what would be new, revised and unchanged against the published figures', async () => {
    await importObservations(handle.db, traffordStreetsFile(), { clock, sourceBodyId: TRAFFORD });
    const before = [await count('observation'), await count('import_batch')];
    const file = submissionCsv('again.csv', [
      [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2023/24', '91.2', 'final', ''],
      [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2024/25', '92.9', 'final', 'final figure'],
      [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2025/26', '93.0', 'provisional', ''],
    ]);
    const report = await checkSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file });
    expect(report).toMatchObject({ ok: true, problemCount: 0, problems: [] });
    expect(report.summary).toMatchObject({ goodRows: 3, new: 1, revised: 1, unchanged: 1 });
    expect([await count('observation'), await count('import_batch')]).toEqual(before);
  });

  it('reports a file that is not the tidy format, and one with no rows', async () => {
    const wrong = { name: 'x.csv', content: 'indicator,area,period,vlaue\nTRF-STREETS,E08000009,2023/24,1\n' };
    const report = await checkSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: wrong });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 1, field: 'value', reason: 'required column is missing from the header' }),
      ]),
    );
    const empty = await checkSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: submissionCsv('empty.csv', []) });
    expect(empty).toMatchObject({ ok: false, problems: [{ line: 2, reason: 'the file holds no observations' }] });
  });

  it('reads JSON too, even written on one line', async () => {
    const observations = [
      { indicator: LOCAL_INDICATOR, area: TRAFFORD_AREA, period: '2023/24', value: 91.2 },
      { indicator: LOCAL_INDICATOR, area: TRAFFORD_AREA, period: '2024/25', value: null, status: 'not_available' },
    ];
    const file = { name: 'streets.json', content: JSON.stringify({ observations }) };
    const report = await checkSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file });
    expect(report).toMatchObject({ ok: true, format: 'json', reader: 'tidy-json', summary: { goodRows: 2 } });
    const draft = await createSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file }, deps);
    const rows = await getSubmissionRows(handle.db, world.officer, draft.id, { limit: 10, offset: 0 });
    expect(rows.items.map((r) => [r.line, r.period, r.value, r.status])).toEqual([
      [1, 'FY2023', 91.2, 'final'],
      [1, 'FY2024', null, 'not_available'],
    ]);
  });

  it('refuses rows for an indicator the body neither owns nor is asked to supply', async () => {
    const file = submissionCsv('rec.csv', [[NATIONAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2023/24', '51.0', 'final', '']]);
    const report = await checkSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file });
    expect(report.problems).toEqual([
      {
        line: 2,
        field: 'indicator',
        value: NATIONAL_INDICATOR,
        reason: `Trafford Council may not submit figures for ${NATIONAL_INDICATOR}: it is a national indicator, and no collection round asks Trafford Council to supply it`,
      },
    ]);
    await setCollectionDeadline(
      handle.db,
      world.administrator,
      { indicator: NATIONAL_INDICATOR, period: '2024/25', bodyId: TRAFFORD, dueDate: '2025-07-31' },
      deps,
    );
    expect(await checkSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file })).toMatchObject({ ok: true });
  });
});

describe('creating a submission', () => {
  it('refuses a file with a bad row, naming its line, and writes nothing', async () => {
    const error = await createSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: withOneBadRow() }, deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('trafford-streets-q.csv: 1 problem found; nothing was submitted');
    expect((error as ValidationError).details).toEqual([expect.objectContaining({ line: 3, field: 'value', value: 'n/a' })]);
    expect([await count('submission'), await count('submission_row'), await count('submission_event')]).toEqual([0, 0, 0]);
    expect((await listAuditEvents(handle.db, { action: 'submission' })).total).toBe(0);
  });

  it('keeps a good file as a draft with its checked rows', async () => {
    const draft = await createSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: traffordStreetsFile() }, deps);
    expect(draft).toMatchObject({
      bodyId: TRAFFORD,
      state: 'draft',
      fileName: 'trafford-streets-2024.csv',
      format: 'csv',
      indicatorCodes: [LOCAL_INDICATOR],
      rowCount: 2,
      createdBy: { personId: world.officer.personId, tokenId: null, label: world.officer.displayName },
      createdAt: '2025-06-01T09:00:00.000Z',
      summaryAtUpload: { new: 2, revised: 0, unchanged: 0 },
    });
    expect(await count('submission_row')).toBe(2);
    expect(await count('observation')).toBe(0);
  });
});

describe('draft → submitted → approved → published', () => {
  it('puts the figures in observation and the public reads only once published, with an event and an audit event for each step', async () => {
    const draft = await createSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: traffordStreetsFile() }, deps);
    clock.advance(60_000);
    await submitSubmission(handle.db, world.officer, draft.id, deps);
    clock.advance(60_000);
    const approved = await approveSubmission(handle.db, world.secondOfficer, draft.id, deps);
    expect(approved).toMatchObject({ state: 'approved', approvedBy: { personId: world.secondOfficer.personId } });
    expect(await getSeries(handle.db, LOCAL_INDICATOR, TRAFFORD_AREA)).toEqual([]);
    expect((await queryObservations(handle.db, { indicator: LOCAL_INDICATOR, limit: 10, offset: 0 })).total).toBe(0);

    clock.advance(60_000);
    const published = await publishSubmission(handle.db, world.secondOfficer, draft.id, deps);
    expect(published).toMatchObject({
      state: 'published',
      publishedAt: '2025-06-01T09:03:00.000Z',
      importId: expect.any(Number),
    });
    const series = await getSeries(handle.db, LOCAL_INDICATOR, TRAFFORD_AREA);
    expect(series.map((o) => [o.period, o.value, o.status, o.revision, o.sourceBodyId])).toEqual([
      ['FY2023', 91.2, 'final', 1, TRAFFORD],
      ['FY2024', 92.5, 'provisional', 1, TRAFFORD],
    ]);
    const [batch] = (await listImportBatches(handle.db, { limit: 10, offset: 0 })).items;
    expect(batch).toMatchObject({
      id: published.importId,
      kind: 'submission',
      fileName: 'trafford-streets-2024.csv',
      fileSha256: draft.fileSha256,
      rowsWritten: 2,
    });

    const detail = await getSubmission(handle.db, world.officer, draft.id);
    expect(detail.events.map((e) => [e.event, e.fromState, e.toState, e.actorPersonId])).toEqual([
      ['create', null, 'draft', world.officer.personId],
      ['submit', 'draft', 'submitted', world.officer.personId],
      ['approve', 'submitted', 'approved', world.secondOfficer.personId],
      ['publish', 'approved', 'published', world.secondOfficer.personId],
    ]);
    const audit = await auditForSubject(handle.db, { kind: 'submission', id: draft.id });
    expect(audit.items.map((e) => [e.action, e.actorPersonId, e.bodyId, e.indicatorCode]).reverse()).toEqual([
      ['submission.create', world.officer.personId, TRAFFORD, LOCAL_INDICATOR],
      ['submission.submit', world.officer.personId, TRAFFORD, LOCAL_INDICATOR],
      ['submission.approve', world.secondOfficer.personId, TRAFFORD, LOCAL_INDICATOR],
      ['submission.publish', world.secondOfficer.personId, TRAFFORD, LOCAL_INDICATOR],
    ]);
    expect(audit.items[0]).toMatchObject({
      before: { state: 'approved' },
      after: { state: 'published', importId: published.importId, rowsWritten: 2 },
    });
  });

  it('publishes changed values as new revisions, keeping the earlier ones', async () => {
    await publishedSubmission(handle.db, world, traffordStreetsFile(), clock);
    clock.set('2025-07-01T09:00:00.000Z');
    await publishedSubmission(handle.db, world, traffordStreetsFile({ fy2023: '91.2', fy2024: '93.1' }), clock);
    const series = await getSeries(handle.db, LOCAL_INDICATOR, TRAFFORD_AREA);
    expect(series.map((o) => [o.period, o.value, o.revision])).toEqual([
      ['FY2023', 91.2, 1],
      ['FY2024', 93.1, 2],
    ]);
    const asPublished = await getSeries(handle.db, LOCAL_INDICATOR, TRAFFORD_AREA, '2025-06-15');
    expect(asPublished.map((o) => [o.period, o.value, o.revision])).toEqual([
      ['FY2023', 91.2, 1],
      ['FY2024', 92.5, 1],
    ]);
    expect(await count('observation')).toBe(3);
  });

  it('refuses steps out of order, with the reason', async () => {
    const draft = await createSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: traffordStreetsFile() }, deps);
    const early = await publishSubmission(handle.db, world.secondOfficer, draft.id, deps).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(ConflictError);
    expect((early as Error).message).toBe('A draft submission cannot be published: submit it first');
    const published = await publishedSubmission(handle.db, world, traffordStreetsFile({ fy2023: '1', fy2024: '2' }), clock);
    const error = await withdrawSubmission(handle.db, world.officer, published.id, 'wrong file', deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/^A published submission cannot be withdrawn/);
  });

  it('withdraws and rejects with a reason, kept on the submission and its event', async () => {
    const one = await createSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: traffordStreetsFile() }, deps);
    await expect(withdrawSubmission(handle.db, world.officer, one.id, '  ', deps)).rejects.toThrow(ValidationError);
    expect(await withdrawSubmission(handle.db, world.officer, one.id, 'Uploaded the wrong year', deps)).toMatchObject({
      state: 'withdrawn',
      reason: 'Uploaded the wrong year',
      closedAt: '2025-06-01T09:00:00.000Z',
    });
    const two = await createSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: traffordStreetsFile() }, deps);
    await submitSubmission(handle.db, world.officer, two.id, deps);
    await rejectSubmission(handle.db, world.secondOfficer, two.id, 'The 2024/25 figure is not signed off', deps);
    const detail = await getSubmission(handle.db, world.assessor, two.id);
    expect(detail).toMatchObject({ state: 'rejected', reason: 'The 2024/25 figure is not signed off' });
    expect(detail.events.at(-1)).toMatchObject({ event: 'reject', reason: 'The 2024/25 figure is not signed off' });
    expect(await count('observation')).toBe(0);
  });
});

describe('the command line', () => {
  it('may take a submission through every step on its own', async () => {
    const draft = await createSubmission(handle.db, setUp, { bodyId: TRAFFORD, file: traffordStreetsFile() }, deps);
    for (const step of [submitSubmission, approveSubmission, publishSubmission]) await step(handle.db, setUp, draft.id, deps);
    expect(await countRows(handle.db, 'observation')).toBe(2);
  });
});
