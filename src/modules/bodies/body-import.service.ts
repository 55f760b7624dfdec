/**
 * Importing a bodies file (mySociety's local authorities, or the documented bodies format): every
 * reference is checked first (areas through places, member bodies in the file or recorded); a file
 * with any problem changes nothing; a good file is applied in one transaction; the same file again
 * writes nothing.
 */
import type { Clock } from '../../platform/clock.ts';
import { type ProblemDetail, ValidationError } from '../../platform/errors.ts';
import type { SubmittedFile } from '../../platform/files.ts';
import type { ImportSummary, ProgressListener } from '../../platform/import-summary.ts';
import { getAreas } from '../places/index.ts';
import type { MembershipRow } from './body.repository.ts';
import * as read from './body.repository.ts';
import * as write from './body-write.repository.ts';
import { type BodyPlan, type RecordedBodies, type ResolvedBody, planBodyChanges } from './body-plan.ts';
import { assignBodyIds, fileRefs, resolveRef } from './body-resolve.ts';
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import { type BodyFileContent, type BodyRecord, type BodyRef, problemAt, refKey } from './readers/body-file.ts';
import { readBodyFile } from './readers/detect.ts';

export interface BodyImportOptions {
  clock: Clock;
  onProgress?: ProgressListener;
}

export async function importBodyFile(db: Executor, file: SubmittedFile, opts: BodyImportOptions): Promise<ImportSummary> {
  const content = readBodyFile(file);
  opts.onProgress?.(0, content.rowsRead);
  const summary = await inTransaction(db, async (trx) => {
    const problems = [...content.problems];
    const resolved = await resolveBodies(trx, content.bodies, problems);
    await checkAreas(trx, content, problems);
    if (problems.length > 0) throw refusal(file.name, problems);
    const plan = planBodyChanges(resolved, await loadRecorded(trx, resolved), content.source);
    await applyPlan(trx, plan);
    return summarise(content, plan);
  });
  opts.onProgress?.(content.rowsRead, content.rowsRead);
  return summary;
}

function refusal(fileName: string, problems: ProblemDetail[]): ValidationError {
  const rows = new Set(problems.map((p) => p.line ?? p.field?.replace(/\].*$/, ']')));
  return new ValidationError(
    `${fileName}: ${rows.size} ${rows.size === 1 ? 'entry has' : 'entries have'} problems; nothing was imported`,
    problems,
  );
}

function refsOf(records: readonly BodyRecord[]): BodyRef[] {
  return records.flatMap((r) => [...r.identifiers, ...(r.facts.replacedBy ?? []), ...(r.members ?? []).map((m) => m.body)]);
}

async function resolveBodies(db: Executor, records: readonly BodyRecord[], problems: ProblemDetail[]): Promise<ResolvedBody[]> {
  const refs = refsOf(records);
  const idByIdentifier = new Map<string, string>();
  for (const scheme of new Set(refs.flatMap((r) => ('scheme' in r ? [r.scheme] : [])))) {
    const wanted = refs.flatMap((r) => ('scheme' in r && r.scheme === scheme ? [r.identifier] : []));
    for (const row of await read.findIdentifierRows(db, scheme, wanted)) idByIdentifier.set(refKey(row), row.body_id);
  }
  const candidates = [...records.flatMap((r) => [r.id, r.proposedId]), ...refs.flatMap((r) => ('id' in r ? [r.id] : []))].filter(
    (x): x is string => !!x,
  );
  const recordedIds = new Set((await read.findBodyRows(db, candidates)).map((b) => b.id));
  const assigned = assignBodyIds(records, idByIdentifier, recordedIds);
  problems.push(...assigned.problems);
  const inFile = fileRefs(records, assigned.ids);
  const find = (ref: BodyRef) => resolveRef(ref, inFile, recordedIds, idByIdentifier);
  return records.map((record, i) => {
    const id = assigned.ids[i]!;
    const replacedBy = record.facts.replacedBy?.map((ref) => find(ref) ?? '');
    const members = record.members?.map((m): MembershipRow => {
      const memberId = find(m.body);
      if (!memberId)
        problems.push(
          problemAt(
            record,
            m.field,
            refKey(m.body).replace(/^id:/, ''),
            'is not a known body; import it first or add it to this file',
          ),
        );
      else if (memberId === id) problems.push(problemAt(record, m.field, memberId, 'a body cannot be a member of itself'));
      return { body_id: id, member_body_id: memberId ?? '', role: m.role, valid_from: m.validFrom, valid_to: m.validTo };
    });
    return {
      record,
      id,
      ...(replacedBy ? { replacedBy: replacedBy.length > 0 ? replacedBy.join(',') : null } : {}),
      ...(members ? { members } : {}),
    };
  });
}

async function checkAreas(db: Executor, content: BodyFileContent, problems: ProblemDetail[]): Promise<void> {
  const codes = content.bodies.flatMap((b) => (b.areas ?? []).map((a) => a.code));
  const known = await getAreas(db, codes);
  const hint = content.reader === 'mysociety-local-authorities' ? 'import this file as areas first' : 'import the areas first';
  for (const body of content.bodies) {
    for (const a of body.areas ?? [])
      if (!known.has(a.code)) problems.push(problemAt(body, a.field, a.code, `area ${a.code} is not a known area; ${hint}`));
  }
}

async function loadRecorded(db: Executor, resolved: readonly ResolvedBody[]): Promise<RecordedBodies> {
  const ids = resolved.map((r) => r.id);
  const identifiers: RecordedBodies['identifiers'][number][] = [];
  for (const scheme of new Set(resolved.flatMap((r) => r.record.identifiers.map((x) => x.scheme)))) {
    const wanted = resolved.flatMap((r) => r.record.identifiers.filter((x) => x.scheme === scheme).map((x) => x.identifier));
    identifiers.push(...(await read.findIdentifierRows(db, scheme, wanted)));
  }
  return {
    bodies: new Map((await read.findBodyRows(db, ids)).map((b) => [b.id, b])),
    identifiers,
    areas: await read.findBodyAreaRows(db, ids),
    memberships: await read.findMembershipRows(db, ids),
  };
}

async function applyPlan(db: Executor, plan: BodyPlan): Promise<void> {
  await write.insertBodyRows(db, plan.insertBodies);
  for (const u of plan.updateBodies) await write.updateBodyRow(db, u.id, u.set);
  await write.insertBodyIdentifierRows(db, plan.insertIdentifiers);
  for (const x of plan.moveIdentifiers) await write.moveBodyIdentifier(db, x);
  for (const a of plan.deleteAreas) await write.deleteBodyAreaRow(db, a);
  await write.insertBodyAreaRows(db, plan.insertAreas);
  for (const a of plan.updateAreas) await write.updateBodyAreaRow(db, a);
  for (const m of plan.deleteMemberships) await write.deleteMembershipRow(db, m);
  await write.insertMembershipRows(db, plan.insertMemberships);
  for (const m of plan.updateMemberships) await write.updateMembershipRow(db, m);
}

function summarise(content: BodyFileContent, plan: BodyPlan): ImportSummary {
  return {
    reader: content.reader,
    rowsRead: content.rowsRead,
    rowsWritten: plan.writtenLines.size,
    rowsUnchanged: content.rowsRead - plan.writtenLines.size,
    rowsRejected: 0,
    problems: [],
  };
}
