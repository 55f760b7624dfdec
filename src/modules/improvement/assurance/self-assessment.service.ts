/**
 * Self-assessment: a council's performance officers file one for an inspection theme (a grade, a
 * summary and the evidence); an assessor agrees with it or challenges it with reasons. A newer filing for
 * the same council and theme stands beside the older one, which keeps its state.
 */
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import { ConflictError, NotFoundError, type ProblemDetail } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../accounts/index.ts';
import { getBody } from '../../bodies/index.ts';
import {
  INSPECTION_THEME_NAMES,
  INSPECTION_THEMES,
  SELF_ASSESSMENT_GRADES,
  SELF_ASSESSMENT_STATES,
  type SelfAssessment,
  type SelfAssessmentState,
} from '../improvement.types.ts';
import { audit, personOf, recordedBy, selfAssessmentSubject } from './assurance-audit.ts';
import { toSelfAssessment } from './assurance.mapper.ts';
import { InputReader, isRowId, MAX_TEXT, objectOf, refusal } from './input.ts';
import {
  findSelfAssessmentRow,
  findSelfAssessmentRows,
  insertSelfAssessmentRow,
  respondToRow,
} from './self-assessment.repository.ts';

export interface SelfAssessmentInput {
  bodyId: unknown;
  theme: unknown;
  grade: unknown;
  summary: unknown;
  evidence: unknown;
}

export async function fileSelfAssessment(
  db: Executor,
  actor: Actor,
  input: SelfAssessmentInput,
  deps: { clock: Clock },
): Promise<SelfAssessment> {
  const what = 'The self-assessment cannot be filed';
  const problems: ProblemDetail[] = [];
  const r = new InputReader(objectOf(input, what), problems);
  r.refuseOthers(['bodyId', 'theme', 'grade', 'summary', 'evidence']);
  const bodyId = r.text('bodyId', { required: true, max: MAX_TEXT.name });
  const body = bodyId ? await getBody(db, bodyId) : undefined;
  if (bodyId && !body) r.report('bodyId', bodyId, 'is not a known body');
  else if (body && body.kind !== 'council')
    r.report('bodyId', bodyId, `is ${body.name}, not a council: only councils file self-assessments`);
  if (bodyId && body) requirePermission(actor, 'file_self_assessment', { bodyId });
  const theme = r.oneOf('theme', INSPECTION_THEMES);
  const grade = r.oneOf('grade', SELF_ASSESSMENT_GRADES);
  const summary = r.text('summary', { required: true, max: MAX_TEXT.short });
  const evidence = r.text('evidence', { required: true, max: MAX_TEXT.long });
  if (problems.length > 0) throw refusal(what, problems);
  const at = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const id = await insertSelfAssessmentRow(trx, {
      body_id: bodyId!,
      theme: theme!,
      grade: grade!,
      summary: summary!,
      evidence: evidence!,
      state: 'filed',
      filed_at: at,
      filed_by: recordedBy(actor),
      filed_by_person_id: personOf(actor),
      response: null,
      responded_at: null,
      responded_by: null,
      responded_by_person_id: null,
    });
    await audit(
      trx,
      actor,
      {
        action: 'self_assessment.file',
        subject: selfAssessmentSubject(id),
        bodyId,
        after: { theme, grade, summary, evidence },
        summary: `${body!.name} filed a self-assessment of ${INSPECTION_THEME_NAMES[theme!]}: ${grade!.replace(/_/g, ' ')}`,
      },
      deps.clock,
    );
    return toSelfAssessment((await findSelfAssessmentRow(trx, id))!);
  });
}

export interface SelfAssessmentResponse {
  verdict: unknown;
  /** required for a challenge: the assessor's reasons */
  response?: unknown;
}

export async function respondToSelfAssessment(
  db: Executor,
  actor: Actor,
  id: number,
  input: SelfAssessmentResponse,
  deps: { clock: Clock },
): Promise<SelfAssessment> {
  requirePermission(actor, 'respond_self_assessment');
  const row = isRowId(id) ? await findSelfAssessmentRow(db, id) : undefined;
  if (!row)
    throw new NotFoundError(`No self-assessment has the id ${id}`, [
      { field: 'id', value: id, reason: 'is not a known self-assessment' },
    ]);
  const what = `Self-assessment ${id} cannot be answered`;
  if (row.state !== 'filed')
    throw new ConflictError(`${what}: it has already been ${row.state} by ${row.responded_by ?? 'an assessor'}`, [
      { field: 'id', value: id, reason: `is ${row.state} already: only a filed self-assessment is answered` },
    ]);
  const problems: ProblemDetail[] = [];
  const r = new InputReader(objectOf(input, what), problems);
  r.refuseOthers(['verdict', 'response']);
  const verdict = r.oneOf('verdict', ['agreed', 'challenged'] as const);
  const response = r.text('response', { required: verdict === 'challenged', max: MAX_TEXT.long });
  if (problems.length > 0) throw refusal(what, problems);
  return inTransaction(db, async (trx) => {
    const done = await respondToRow(trx, id, {
      state: verdict!,
      response,
      responded_at: deps.clock.now().toISOString(),
      responded_by: recordedBy(actor),
      responded_by_person_id: personOf(actor),
    });
    if (!done)
      throw new ConflictError(`${what}: it was answered a moment ago`, [
        { field: 'id', value: id, reason: 'is no longer filed' },
      ]);
    await audit(
      trx,
      actor,
      {
        action: `self_assessment.${verdict === 'agreed' ? 'agree' : 'challenge'}`,
        subject: selfAssessmentSubject(id),
        bodyId: row.body_id,
        before: { state: row.state },
        after: { state: verdict, response },
        summary: `Self-assessment ${id} (${INSPECTION_THEME_NAMES[row.theme as keyof typeof INSPECTION_THEME_NAMES] ?? row.theme}) ${verdict}${response ? `: ${response}` : ''}`,
      },
      deps.clock,
    );
    return toSelfAssessment((await findSelfAssessmentRow(trx, id))!);
  });
}

/** Newest first; by council and state when asked. */
export async function listSelfAssessments(
  db: Executor,
  q: { bodyId?: string; state?: SelfAssessmentState } = {},
): Promise<SelfAssessment[]> {
  if (q.state !== undefined && !SELF_ASSESSMENT_STATES.includes(q.state)) return [];
  return (await findSelfAssessmentRows(db, q)).map(toSelfAssessment);
}

export async function getSelfAssessment(db: Executor, id: number): Promise<SelfAssessment | undefined> {
  if (!isRowId(id)) return undefined;
  const row = await findSelfAssessmentRow(db, id);
  return row ? toSelfAssessment(row) : undefined;
}
