import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  POLICE,
  seedSubmissionWorld,
  setUp,
  submissionClock,
  type SubmissionWorld,
  TRAFFORD,
} from '../../../test/support/submission-factories.ts';
import { auditForBody } from '../audit/index.ts';
import { getSubmissionRules, MAX_RULE_REASON_LENGTH, selfApprovalAllowed, setSelfApproval, shareUnpublished } from './index.ts';

let handle: DatabaseHandle;
let world: SubmissionWorld;
const clock = submissionClock();
const deps = { clock };
const REASON = 'One officer until the new post is filled';

beforeEach(async () => {
  handle = await freshDatabase();
  world = await seedSubmissionWorld(handle.db);
});
afterEach(async () => handle.close());

const ruleEvents = async () => (await auditForBody(handle.db, TRAFFORD, { action: 'submission_rules' })).items;

describe('a body’s rule for approving its submissions', () => {
  it('starts forbidding self-approval, and is seen by the body’s people, its token, assessors and administrators', async () => {
    const expected = { bodyId: TRAFFORD, bodyName: 'Trafford Council', selfApprovalAllowed: false, lastChange: null };
    for (const actor of [world.officer, world.councillor, world.traffordToken, world.assessor, world.administrator, setUp])
      expect(await getSubmissionRules(handle.db, actor, TRAFFORD)).toEqual(expected);
    await expect(getSubmissionRules(handle.db, world.stockportOfficer, TRAFFORD)).rejects.toThrow(ForbiddenError);
    await expect(getSubmissionRules(handle.db, world.partnerOfficer, TRAFFORD)).rejects.toThrow(
      'You may not see this body’s rules for submissions',
    );
    await shareUnpublished(handle.db, setUp, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, deps);
    expect(await getSubmissionRules(handle.db, world.partnerOfficer, TRAFFORD)).toEqual(expected);
    const unknown = await getSubmissionRules(handle.db, world.administrator, 'nowhere').catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect((unknown as NotFoundError).details).toEqual([{ field: 'bodyId', value: 'nowhere', reason: 'is not a known body' }]);
  });

  it('is changed by an administrator with a reason the audit log keeps, and shows who changed it, when and why', async () => {
    const allowed = await setSelfApproval(
      handle.db,
      world.administrator,
      { bodyId: TRAFFORD, allowed: true, reason: ` ${REASON} ` },
      deps,
    );
    expect(allowed).toEqual({ bodyId: TRAFFORD, bodyName: 'Trafford Council', selfApprovalAllowed: true, changed: true });
    expect(await selfApprovalAllowed(handle.db, TRAFFORD)).toBe(true);
    expect(await getSubmissionRules(handle.db, world.officer, TRAFFORD)).toMatchObject({
      selfApprovalAllowed: true,
      lastChange: { by: world.administrator.displayName, at: '2025-06-01T09:00:00.000Z', reason: REASON },
    });
    expect(await ruleEvents()).toEqual([
      expect.objectContaining({
        action: 'submission_rules.set',
        subjectKind: 'body',
        subjectId: TRAFFORD,
        before: { selfApprovalAllowed: false },
        after: { selfApprovalAllowed: true, reason: REASON },
        summary: `Trafford Council allows a submission to be approved by the person who uploaded or submitted it, because: ${REASON}`,
        actorPersonId: world.administrator.personId,
      }),
    ]);

    const again = await setSelfApproval(handle.db, setUp, { bodyId: TRAFFORD, allowed: true, reason: 'Again' }, deps);
    expect(again.changed).toBe(false);
    expect(await ruleEvents()).toHaveLength(1);

    await setSelfApproval(handle.db, setUp, { bodyId: TRAFFORD, allowed: false, reason: 'A second officer has started' }, deps);
    expect(await selfApprovalAllowed(handle.db, TRAFFORD)).toBe(false);
    expect(await getSubmissionRules(handle.db, world.officer, TRAFFORD)).toMatchObject({
      selfApprovalAllowed: false,
      lastChange: { by: 'command line', reason: 'A second officer has started' },
    });
    expect((await ruleEvents()).map((e) => e.after)).toEqual([
      { selfApprovalAllowed: false, reason: 'A second officer has started' },
      { selfApprovalAllowed: true, reason: REASON },
    ]);
  });

  it('cannot be changed by the body’s own officers, its token or anyone else but administrators', async () => {
    for (const actor of [world.officer, world.traffordToken, world.assessor, world.councillor, world.stockportOfficer]) {
      const refused = setSelfApproval(handle.db, actor, { bodyId: TRAFFORD, allowed: true, reason: REASON }, deps);
      await expect(refused).rejects.toThrow('You may not change this body’s rules for submissions');
    }
    expect(await selfApprovalAllowed(handle.db, TRAFFORD)).toBe(false);
    expect(await ruleEvents()).toEqual([]);
  });

  it('refuses a change without a reason, with too long a reason, or for an unknown body, and changes nothing', async () => {
    const refusal = async (input: { bodyId: string; allowed: boolean; reason: string }) => {
      const error = await setSelfApproval(handle.db, world.administrator, input, deps).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).details;
    };
    expect(await refusal({ bodyId: TRAFFORD, allowed: true, reason: '   ' })).toEqual([
      { field: 'reason', value: '   ', reason: 'is required: say why the rule changes' },
    ]);
    const long = 'x'.repeat(MAX_RULE_REASON_LENGTH + 1);
    expect(await refusal({ bodyId: TRAFFORD, allowed: true, reason: long })).toEqual([
      { field: 'reason', value: long, reason: `must be at most ${MAX_RULE_REASON_LENGTH} characters` },
    ]);
    expect(await refusal({ bodyId: 'nowhere', allowed: true, reason: REASON })).toEqual([
      { field: 'bodyId', value: 'nowhere', reason: 'is not a known body' },
    ]);
    expect(await selfApprovalAllowed(handle.db, TRAFFORD)).toBe(false);
    expect(await ruleEvents()).toEqual([]);
  });
});
