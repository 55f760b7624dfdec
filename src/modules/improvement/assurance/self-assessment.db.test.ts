import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { freshDatabase } from '../../../../test/support/database.ts';
import { actorFor, personWithRole } from '../../../../test/support/accounts-factories.ts';
import type { Actor } from '../../accounts/index.ts';
import { assuranceClock, COUNCILS, POLICE, seedAssuranceWorld } from '../../../../test/support/assurance-factories.ts';
import { listAuditEvents } from '../../audit/index.ts';
import { fileSelfAssessment, getSelfAssessment, listSelfAssessments, respondToSelfAssessment } from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
const clock = assuranceClock();
let officer: Actor;
let assessor: Actor;
const filing = {
  bodyId: COUNCILS.trafford.id,
  theme: 'local_services',
  grade: 'performing_well',
  summary: 'Most local services improved this year.',
  evidence: 'Recycling up 2 points; street cleanliness on target.',
};

beforeEach(async () => {
  handle = await freshDatabase();
  db = handle.db;
  await seedAssuranceWorld(db);
  officer = (await personWithRole(db, 'performance_officer', { bodyId: COUNCILS.trafford.id })).actor;
  assessor = (await personWithRole(db, 'assessor')).actor;
});
const nameOf = (a: Actor) => (a.kind === 'person' ? a.displayName : '');
afterEach(async () => handle.close());

async function rejection(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('self-assessment', () => {
  it('is filed by the council’s officer and agreed by an assessor, each step in the audit log', async () => {
    const filed = await fileSelfAssessment(db, officer, filing, { clock });
    expect(filed).toMatchObject({ ...filing, state: 'filed', filedBy: nameOf(officer), response: null });
    const agreed = await respondToSelfAssessment(db, assessor, filed.id, { verdict: 'agreed' }, { clock });
    expect(agreed).toMatchObject({ state: 'agreed', respondedBy: nameOf(assessor), response: null });
    expect(await getSelfAssessment(db, filed.id)).toEqual(agreed);
    const events = await listAuditEvents(
      db,
      { subject: { kind: 'self_assessment', id: String(filed.id) } },
      { limit: 10, offset: 0 },
    );
    expect(events.items.map((e) => e.action).sort()).toEqual(['self_assessment.agree', 'self_assessment.file']);
  });

  it('is challenged only with reasons, and answered once', async () => {
    const filed = await fileSelfAssessment(db, officer, filing, { clock });
    const noReason = await rejection(respondToSelfAssessment(db, assessor, filed.id, { verdict: 'challenged' }, { clock }));
    expect(noReason).toBeInstanceOf(ValidationError);
    expect((noReason as ValidationError).details).toEqual([{ field: 'response', value: '', reason: 'is required' }]);
    const challenged = await respondToSelfAssessment(
      db,
      assessor,
      filed.id,
      { verdict: 'challenged', response: 'Street cleanliness fell in two wards.' },
      { clock },
    );
    expect(challenged).toMatchObject({ state: 'challenged', response: 'Street cleanliness fell in two wards.' });
    const again = await rejection(respondToSelfAssessment(db, assessor, filed.id, { verdict: 'agreed' }, { clock }));
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as Error).message).toContain('already been challenged');
    const badVerdict = await rejection(
      respondToSelfAssessment(
        db,
        assessor,
        (await fileSelfAssessment(db, officer, filing, { clock })).id,
        { verdict: 'maybe' },
        { clock },
      ),
    );
    expect((badVerdict as ValidationError).details[0]).toMatchObject({ field: 'verdict', value: 'maybe' });
    for (const id of [999, Number.NaN, 1e12, -1])
      expect(await rejection(respondToSelfAssessment(db, assessor, id, { verdict: 'agreed' }, { clock }))).toBeInstanceOf(
        NotFoundError,
      );
    expect(await getSelfAssessment(db, 1e12)).toBeUndefined();
  });

  it('keeps an older filing’s state beside a newer one for the same theme', async () => {
    const first = await fileSelfAssessment(db, officer, filing, { clock });
    await respondToSelfAssessment(db, assessor, first.id, { verdict: 'challenged', response: 'Not yet evidenced.' }, { clock });
    const second = await fileSelfAssessment(db, officer, { ...filing, grade: 'performing_adequately' }, { clock });
    const listed = await listSelfAssessments(db, { bodyId: COUNCILS.trafford.id });
    expect(listed.map((s) => [s.id, s.state, s.grade])).toEqual([
      [second.id, 'filed', 'performing_adequately'],
      [first.id, 'challenged', 'performing_well'],
    ]);
    expect((await listSelfAssessments(db, { state: 'filed' })).map((s) => s.id)).toEqual([second.id]);
    expect(await listSelfAssessments(db, { bodyId: COUNCILS.stockport.id })).toEqual([]);
  });

  it.each([
    ['an unknown theme', { theme: 'parks' }, 'theme', 'must be one of'],
    ['an unknown grade', { grade: 'excellent' }, 'grade', 'must be one of'],
    ['no summary', { summary: ' ' }, 'summary', 'is required'],
    ['no evidence', { evidence: '' }, 'evidence', 'is required'],
    ['too long a summary', { summary: 'x'.repeat(2001) }, 'summary', 'at most 2000 characters'],
    ['a body that is not a council', { bodyId: POLICE }, 'bodyId', 'not a council'],
    ['an unknown body', { bodyId: 'nowhere-council' }, 'bodyId', 'is not a known body'],
    ['a field it does not have', { rating: 5 }, 'rating', 'is not a field here'],
  ])('refuses %s, saying where, and records nothing', async (_name, change, field, reason) => {
    const cli = { kind: 'cli', label: 'command line' } as const;
    const e = await rejection(fileSelfAssessment(db, cli, { ...filing, ...change }, { clock }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).details.find((d) => d.field === field)?.reason).toContain(reason);
    expect(await listSelfAssessments(db)).toEqual([]);
  });

  it('is filed only by the council’s own officers, and answered only by assessors', async () => {
    const other = actorFor('performance_officer', { bodyId: COUNCILS.stockport.id });
    expect(await rejection(fileSelfAssessment(db, other, filing, { clock }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(fileSelfAssessment(db, assessor, filing, { clock }))).toBeInstanceOf(ForbiddenError);
    const filed = await fileSelfAssessment(db, officer, filing, { clock });
    expect(await rejection(respondToSelfAssessment(db, officer, filed.id, { verdict: 'agreed' }, { clock }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect((await getSelfAssessment(db, filed.id))?.state).toBe('filed');
  });
});
