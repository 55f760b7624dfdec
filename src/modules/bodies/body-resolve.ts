/**
 * Naming the bodies of a file before anything is written: which id each row's body has (found by
 * identifier, given, or made), and which body each member and successor reference means.
 */
import type { ProblemDetail } from '../../platform/errors.ts';
import { type BodyRecord, type BodyRef, problemAt, refKey } from './readers/body-file.ts';

export interface IdAssignment {
  ids: string[];
  problems: ProblemDetail[];
}

/**
 * - a row found by an identifier keeps the recorded body's id;
 * - a row that gives an id uses it (an identifier already held by another body is a problem);
 * - otherwise the proposed id, or, when that is taken, the proposed id with the identifier appended.
 */
export function assignBodyIds(
  records: readonly BodyRecord[],
  idByIdentifier: ReadonlyMap<string, string>,
  recordedIds: ReadonlySet<string>,
): IdAssignment {
  const problems: ProblemDetail[] = [];
  const used = new Map<string, number>();
  const ids = records.map((r) => {
    const found = r.identifiers.map((i) => idByIdentifier.get(refKey(i))).find((id) => id !== undefined);
    let id = r.id ?? found ?? r.proposedId ?? '';
    if (r.id && found && found !== r.id)
      problems.push(problemAt(r, 'identifiers', found, `this identifier already belongs to body ${found}`));
    if (!r.id && !found && (recordedIds.has(id) || used.has(id)))
      id = `${id}-${(r.identifiers[0]?.identifier ?? String(r.line)).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const earlier = used.get(id);
    if (earlier !== undefined) problems.push(problemAt(r, 'id', id, `repeats the body of entry ${earlier}`));
    used.set(id, r.line);
    return id;
  });
  return { ids, problems };
}

/** Finds a referenced body: in this file, then among recorded bodies. */
export function resolveRef(
  ref: BodyRef,
  inFile: ReadonlyMap<string, string>,
  recordedIds: ReadonlySet<string>,
  idByIdentifier: ReadonlyMap<string, string>,
): string | undefined {
  const key = refKey(ref);
  return inFile.get(key) ?? ('id' in ref ? (recordedIds.has(ref.id) ? ref.id : undefined) : idByIdentifier.get(key));
}

/** refKey → id for every body in the file: by its id and by each identifier. */
export function fileRefs(records: readonly BodyRecord[], ids: readonly string[]): Map<string, string> {
  const refs = new Map<string, string>();
  records.forEach((r, i) => {
    const id = ids[i]!;
    refs.set(refKey({ id }), id);
    for (const x of r.identifiers) refs.set(refKey(x), id);
  });
  return refs;
}
