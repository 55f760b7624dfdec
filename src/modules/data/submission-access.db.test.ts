import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  HOUSING,
  POLICE,
  seedSubmissionWorld,
  STOCKPORT,
  submissionClock,
  type SubmissionWorld,
  TRAFFORD,
  traffordStreetsFile,
} from '../../../test/support/submission-factories.ts';
import { auditForBody } from '../audit/index.ts';
import {
  approveSubmission,
  availableSubmissionSteps,
  checkSubmission,
  createSubmission,
  getSubmission,
  getSubmissionRows,
  listSharesWithPartner,
  listSubmissions,
  listUnpublishedShares,
  mayReadUnpublished,
  publishSubmission,
  rejectSubmission,
  selfApprovalAllowed,
  setSelfApproval,
  shareUnpublished,
  type Submission,
  submitSubmission,
  unshareUnpublished,
  withdrawSubmission,
} from './index.ts';

let handle: DatabaseHandle;
let world: SubmissionWorld;
const clock = submissionClock();
const deps = { clock };
const page = { limit: 50, offset: 0 };

beforeEach(async () => {
  handle = await freshDatabase();
  world = await seedSubmissionWorld(handle.db);
});
afterEach(async () => {
  await handle.close();
});

async function submitted(): Promise<Submission> {
  const draft = await createSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: traffordStreetsFile() }, deps);
  return submitSubmission(handle.db, world.officer, draft.id, deps);
}

describe('approval by another person of the body', () => {
  it('refuses the officer who uploaded and submitted, unless the body allows self-approval', async () => {
    const s = await submitted();
    expect(await availableSubmissionSteps(handle.db, world.officer, s.id)).toEqual(['withdraw']);
    expect(await availableSubmissionSteps(handle.db, world.secondOfficer, s.id)).toEqual(['approve', 'reject', 'withdraw']);
    expect(await availableSubmissionSteps(handle.db, world.assessor, s.id)).toEqual([]);
    const error = await approveSubmission(handle.db, world.officer, s.id, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toBe(
      `You uploaded or submitted this submission, so another officer of ${TRAFFORD} must approve it`,
    );
    await expect(rejectSubmission(handle.db, world.officer, s.id, 'no', deps)).rejects.toThrow(ForbiddenError);

    expect(await selfApprovalAllowed(handle.db, TRAFFORD)).toBe(false);
    const rule = { bodyId: TRAFFORD, allowed: true, reason: 'One officer until the new post is filled' };
    await expect(setSelfApproval(handle.db, world.officer, rule, deps)).rejects.toThrow(ForbiddenError);
    await setSelfApproval(handle.db, world.administrator, rule, deps);
    expect(await selfApprovalAllowed(handle.db, TRAFFORD)).toBe(true);
    expect(await availableSubmissionSteps(handle.db, world.officer, s.id)).toEqual(['approve', 'reject', 'withdraw']);
    expect(await approveSubmission(handle.db, world.officer, s.id, deps)).toMatchObject({ state: 'approved' });
    expect((await auditForBody(handle.db, TRAFFORD, { action: 'submission_rules' })).items).toEqual([
      expect.objectContaining({
        action: 'submission_rules.set',
        after: { selfApprovalAllowed: true, reason: 'One officer until the new post is filled' },
        actorPersonId: world.administrator.personId,
      }),
    ]);
  });

  it('refuses whoever uploaded it even when someone else submitted it', async () => {
    const draft = await createSubmission(handle.db, world.officer, { bodyId: TRAFFORD, file: traffordStreetsFile() }, deps);
    await submitSubmission(handle.db, world.secondOfficer, draft.id, deps);
    await expect(approveSubmission(handle.db, world.officer, draft.id, deps)).rejects.toThrow(ForbiddenError);
    await expect(approveSubmission(handle.db, world.secondOfficer, draft.id, deps)).rejects.toThrow(ForbiddenError);
  });

  it('lets an API token upload and submit, but only people approve and publish', async () => {
    const draft = await createSubmission(handle.db, world.traffordToken, { bodyId: TRAFFORD, file: traffordStreetsFile() }, deps);
    expect(draft.createdBy).toEqual({
      personId: null,
      tokenId: expect.any(String),
      label: expect.stringMatching(/^API token lv_[0-9a-z]+ \(Trafford uploads\)$/),
    });
    await submitSubmission(handle.db, world.traffordToken, draft.id, deps);
    await expect(approveSubmission(handle.db, world.traffordToken, draft.id, deps)).rejects.toThrow(ForbiddenError);
    await approveSubmission(handle.db, world.officer, draft.id, deps);
    await expect(publishSubmission(handle.db, world.traffordToken, draft.id, deps)).rejects.toThrow(
      'You may not publish this body’s submissions',
    );
    expect(await publishSubmission(handle.db, world.officer, draft.id, deps)).toMatchObject({ state: 'published' });
  });

  it('does not let two people take the same step at once', async () => {
    const s = await submitted();
    const both = await Promise.allSettled([
      approveSubmission(handle.db, world.secondOfficer, s.id, deps),
      approveSubmission(handle.db, world.secondOfficer, s.id, deps),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = both.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });
});

describe('another body', () => {
  it('gets a ForbiddenError at every step, and cannot read the unpublished rows', async () => {
    const s = await submitted();
    const stockport = world.stockportOfficer;
    const file = traffordStreetsFile();
    await expect(checkSubmission(handle.db, stockport, { bodyId: TRAFFORD, file })).rejects.toThrow(ForbiddenError);
    await expect(createSubmission(handle.db, stockport, { bodyId: TRAFFORD, file }, deps)).rejects.toThrow(ForbiddenError);
    await expect(approveSubmission(handle.db, stockport, s.id, deps)).rejects.toThrow(ForbiddenError);
    await expect(withdrawSubmission(handle.db, stockport, s.id, 'mine now', deps)).rejects.toThrow(ForbiddenError);
    await expect(getSubmission(handle.db, stockport, s.id)).rejects.toThrow(ForbiddenError);
    await expect(getSubmissionRows(handle.db, stockport, s.id, page)).rejects.toThrow(ForbiddenError);
    await expect(listSubmissions(handle.db, stockport, { bodyId: TRAFFORD, ...page })).rejects.toThrow(ForbiddenError);
    await expect(listSubmissions(handle.db, world.councillor, { bodyId: STOCKPORT, ...page })).rejects.toThrow(ForbiddenError);
  });
});

describe('who sees unpublished rows', () => {
  it('the body’s own people and assessors, who may not approve', async () => {
    const s = await submitted();
    for (const reader of [world.officer, world.councillor, world.assessor, world.traffordToken]) {
      const rows = await getSubmissionRows(handle.db, reader, s.id, page);
      expect(rows.total).toBe(2);
      expect(rows.items[0]).toMatchObject({ line: 2, period: 'FY2023', periodLabel: '2023/24', value: 91.2, status: 'final' });
    }
    expect((await listSubmissions(handle.db, world.assessor, { bodyId: TRAFFORD, state: 'submitted', ...page })).items).toEqual([
      expect.objectContaining({ id: s.id }),
    ]);
    expect((await listSubmissions(handle.db, world.assessor, { bodyId: TRAFFORD, state: 'draft', ...page })).total).toBe(0);
    await expect(approveSubmission(handle.db, world.assessor, s.id, deps)).rejects.toThrow(ForbiddenError);
  });

  it('a partner body only while the body shares with it', async () => {
    const s = await submitted();
    const partner = world.partnerOfficer;
    await expect(getSubmissionRows(handle.db, partner, s.id, page)).rejects.toThrow(ForbiddenError);
    await expect(shareUnpublished(handle.db, partner, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, deps)).rejects.toThrow(
      ForbiddenError,
    );

    const share = await shareUnpublished(handle.db, world.officer, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, deps);
    expect(share).toMatchObject({ ownerBodyId: TRAFFORD, partnerBodyId: POLICE, grantedBy: world.officer.displayName });
    expect((await getSubmissionRows(handle.db, partner, s.id, page)).total).toBe(2);
    expect(await mayReadUnpublished(handle.db, world.housingOfficer, TRAFFORD)).toBe(false);
    expect(await listUnpublishedShares(handle.db, partner, TRAFFORD)).toEqual([share]);
    expect(await listSharesWithPartner(handle.db, POLICE)).toEqual([share]);
    await expect(
      shareUnpublished(handle.db, world.officer, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, deps),
    ).rejects.toThrow(ConflictError);

    await unshareUnpublished(handle.db, world.officer, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, deps);
    await expect(getSubmissionRows(handle.db, partner, s.id, page)).rejects.toThrow(ForbiddenError);
    await expect(
      unshareUnpublished(handle.db, world.officer, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, deps),
    ).rejects.toThrow(/does not share/);
    // sharing again after a revocation is a new grant
    await shareUnpublished(handle.db, world.administrator, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, deps);
    expect(await mayReadUnpublished(handle.db, partner, TRAFFORD)).toBe(true);
    const actions = (await auditForBody(handle.db, TRAFFORD, { action: 'unpublished_share' })).items.map((e) => e.action);
    expect(actions).toEqual(['unpublished_share.grant', 'unpublished_share.revoke', 'unpublished_share.grant']);
  });

  it('shows an administrator what a body shares, though not its unpublished figures', async () => {
    const s = await submitted();
    const share = await shareUnpublished(handle.db, world.administrator, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, deps);
    expect(await listUnpublishedShares(handle.db, world.administrator, TRAFFORD)).toEqual([share]);
    await expect(getSubmissionRows(handle.db, world.administrator, s.id, page)).rejects.toThrow(ForbiddenError);
    await expect(listUnpublishedShares(handle.db, world.housingOfficer, TRAFFORD)).rejects.toThrow(ForbiddenError);
  });

  it('refuses sharing with an unknown body or with itself', async () => {
    await expect(
      shareUnpublished(handle.db, world.officer, { ownerBodyId: TRAFFORD, partnerBodyId: 'nobody' }, deps),
    ).rejects.toThrow(ValidationError);
    await expect(
      shareUnpublished(handle.db, world.officer, { ownerBodyId: TRAFFORD, partnerBodyId: TRAFFORD }, deps),
    ).rejects.toThrow(ValidationError);
    expect(await listSharesWithPartner(handle.db, HOUSING)).toEqual([]);
  });
});
