import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  LOCAL_INDICATOR,
  NATIONAL_INDICATOR,
  POLICE,
  publishedSubmission,
  seedSubmissionWorld,
  submissionClock,
  submissionCsv,
  type SubmissionWorld,
  TRAFFORD,
  TRAFFORD_AREA,
} from '../../../test/support/submission-factories.ts';
import { auditForIndicator } from '../audit/index.ts';
import {
  assessQuality,
  checkSubmission,
  collectionStatus,
  createSubmission,
  overdueByBody,
  removeCollectionDeadline,
  setCollectionDeadline,
  submitSubmission,
} from './index.ts';

let handle: DatabaseHandle;
let world: SubmissionWorld;
const clock = submissionClock();
const deps = { clock };

beforeEach(async () => {
  handle = await freshDatabase();
  clock.set('2025-04-20T09:00:00.000Z');
  world = await seedSubmissionWorld(handle.db);
});
afterEach(async () => {
  await handle.close();
});

const row = (indicator: string, period: string, value: string) => [
  indicator,
  TRAFFORD_AREA,
  'Trafford',
  period,
  value,
  'final',
  '',
];

/**
 * Trafford owes REC 2023/24 (published on time), REC 2024/25 (submitted five days late), its own
 * indicator for 2024/25 (nothing but a draft: late) and 2025/26 (not yet due); the police owe
 * Trafford's indicator for 2024/25 (nothing: late). Today is 1 June 2025.
 */
async function aRound(): Promise<void> {
  const admin = world.administrator;
  await setCollectionDeadline(
    handle.db,
    admin,
    { indicator: NATIONAL_INDICATOR, period: '2023/24', bodyId: TRAFFORD, dueDate: '2025-05-01' },
    deps,
  );
  await setCollectionDeadline(
    handle.db,
    admin,
    { indicator: NATIONAL_INDICATOR, period: '2024/25', bodyId: TRAFFORD, dueDate: '2025-05-15' },
    deps,
  );
  await setCollectionDeadline(
    handle.db,
    world.officer,
    { indicator: LOCAL_INDICATOR, period: '2024/25', bodyId: TRAFFORD, dueDate: '2025-05-25' },
    deps,
  );
  await setCollectionDeadline(
    handle.db,
    world.officer,
    { indicator: LOCAL_INDICATOR, period: 'FY2025', bodyId: TRAFFORD, dueDate: '2025-07-01' },
    deps,
  );
  await setCollectionDeadline(
    handle.db,
    world.officer,
    { indicator: LOCAL_INDICATOR, period: '2024/25', bodyId: POLICE, dueDate: '2025-05-10' },
    deps,
  );
  await publishedSubmission(handle.db, world, submissionCsv('rec-2023.csv', [row(NATIONAL_INDICATOR, '2023/24', '48.1')]), clock);
  clock.set('2025-05-20T10:00:00.000Z');
  const late = await createSubmission(
    handle.db,
    world.officer,
    { bodyId: TRAFFORD, file: submissionCsv('rec-2024.csv', [row(NATIONAL_INDICATOR, '2024/25', '49.0')]) },
    deps,
  );
  await submitSubmission(handle.db, world.officer, late.id, deps);
  await createSubmission(
    handle.db,
    world.officer,
    { bodyId: TRAFFORD, file: submissionCsv('draft.csv', [row(LOCAL_INDICATOR, '2024/25', '90.0')]) },
    deps,
  );
  clock.set('2025-06-01T09:00:00.000Z');
}

describe('collection status', () => {
  it('says for each item what is due, late, received or published, with dates', async () => {
    await aRound();
    const items = await collectionStatus(handle.db, TRAFFORD, clock);
    expect(
      items.map((i) => [i.indicatorCode, i.period.label, i.dueDate, i.status, i.daysLate, i.receivedAt, i.publishedAt]),
    ).toEqual([
      [NATIONAL_INDICATOR, '2023/24', '2025-05-01', 'published', null, '2025-04-20T09:00:00.000Z', '2025-04-20T09:00:00.000Z'],
      [NATIONAL_INDICATOR, '2024/25', '2025-05-15', 'received', 5, '2025-05-20T10:00:00.000Z', null],
      [LOCAL_INDICATOR, '2024/25', '2025-05-25', 'late', 7, null, null],
      [LOCAL_INDICATOR, '2025/26', '2025-07-01', 'due', null, null, null],
    ]);
    expect(items[2]).toMatchObject({ indicatorTitle: 'Streets judged clean', period: { key: 'FY2024' } });
  });

  it('lists overdue items publicly, by body', async () => {
    await aRound();
    const overdue = await overdueByBody(handle.db, clock);
    expect(overdue.map((b) => [b.bodyName, b.items.map((i) => [i.indicatorCode, i.period.key, i.daysLate])])).toEqual([
      ['Greater Manchester Police', [[LOCAL_INDICATOR, 'FY2024', 22]]],
      ['Trafford Council', [[LOCAL_INDICATOR, 'FY2024', 7]]],
    ]);
    clock.set('2025-05-01T09:00:00.000Z');
    expect(await overdueByBody(handle.db, clock)).toEqual([]);
  });

  it('lets a body supply the indicators a round asks of it, and no others', async () => {
    await aRound();
    const file = submissionCsv('police.csv', [row(LOCAL_INDICATOR, '2024/25', '88.0')]);
    expect(await checkSubmission(handle.db, world.partnerOfficer, { bodyId: POLICE, file })).toMatchObject({ ok: true });
    const other = submissionCsv('police-rec.csv', [row(NATIONAL_INDICATOR, '2024/25', '50.0')]);
    expect((await checkSubmission(handle.db, world.partnerOfficer, { bodyId: POLICE, file: other })).problems).toHaveLength(1);
  });

  it('gives data quality a deadline when only bodies were given one', async () => {
    await aRound();
    const quality = await assessQuality(handle.db, NATIONAL_INDICATOR, 'FY2023', { clock });
    expect(quality.timeliness).toMatchObject({ dueDate: '2025-05-01', status: 'on_time' });
  });
});

describe('setting deadlines', () => {
  it('national indicators by administrators; a body’s own by its officer too; each audited', async () => {
    const trafford = { indicator: NATIONAL_INDICATOR, period: '2024/25', bodyId: TRAFFORD, dueDate: '2025-05-15' };
    await expect(setCollectionDeadline(handle.db, world.officer, trafford, deps)).rejects.toThrow(ForbiddenError);
    const local = { indicator: LOCAL_INDICATOR, period: '2024/25', bodyId: POLICE, dueDate: '2025-05-10' };
    await expect(setCollectionDeadline(handle.db, world.stockportOfficer, local, deps)).rejects.toThrow(ForbiddenError);
    await expect(setCollectionDeadline(handle.db, world.partnerOfficer, local, deps)).rejects.toThrow(ForbiddenError);
    await setCollectionDeadline(handle.db, world.officer, local, deps);
    await setCollectionDeadline(handle.db, world.officer, { ...local, dueDate: '2025-05-12' }, deps);
    await setCollectionDeadline(handle.db, world.officer, { ...local, dueDate: '2025-05-12' }, deps);
    const events = (await auditForIndicator(handle.db, LOCAL_INDICATOR, { action: 'collection_deadline' })).items.reverse();
    expect(events.map((e) => [e.action, e.bodyId, e.before, e.after, e.actorPersonId])).toEqual([
      ['collection_deadline.set', POLICE, null, { dueDate: '2025-05-10' }, world.officer.personId],
      ['collection_deadline.set', POLICE, { dueDate: '2025-05-10' }, { dueDate: '2025-05-12' }, world.officer.personId],
    ]);
    expect((await collectionStatus(handle.db, POLICE, clock)).map((i) => i.dueDate)).toEqual(['2025-05-12']);

    await removeCollectionDeadline(handle.db, world.officer, local, deps);
    expect(await collectionStatus(handle.db, POLICE, clock)).toEqual([]);
    await expect(removeCollectionDeadline(handle.db, world.officer, local, deps)).rejects.toThrow(NotFoundError);
  });

  it('refuses a period of another type, a bad date and an unknown body', async () => {
    const admin = world.administrator;
    await expect(
      setCollectionDeadline(handle.db, admin, { indicator: LOCAL_INDICATOR, period: 'CY2024', dueDate: '2025-05-01' }, deps),
    ).rejects.toThrow(ValidationError);
    await expect(
      setCollectionDeadline(handle.db, admin, { indicator: LOCAL_INDICATOR, period: '2024/25', dueDate: '2025-02-30' }, deps),
    ).rejects.toThrow(/not a date/);
    await expect(
      setCollectionDeadline(
        handle.db,
        admin,
        { indicator: LOCAL_INDICATOR, period: '2024/25', bodyId: 'nobody', dueDate: '2025-05-01' },
        deps,
      ),
    ).rejects.toThrow(ValidationError);
  });
});
