/**
 * Importing an area file: read it (pure, readers/), check every reference against what is
 * recorded, plan the changes (pure, area-plan.ts) and apply them in one transaction, then rebuild
 * the closure. A file with any bad row changes nothing; the same file again writes nothing.
 */
import type { Clock } from '../../platform/clock.ts';
import type { AreaRow } from '../../platform/db/schema.ts';
import { type ProblemDetail, ValidationError } from '../../platform/errors.ts';
import type { SubmittedFile } from '../../platform/files.ts';
import type { ImportSummary, ProgressListener } from '../../platform/import-summary.ts';
import { checkAreaReferences, problemAt } from './area-check.ts';
import * as repo from './area-import.repository.ts';
import { planAreaChanges } from './area-plan.ts';
import type { AreaParentRow, AreaPlan, RecordedAreaState } from './area-plan.types.ts';
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import type { AreaFileContent, AreaRecord, ParentLinkRecord, SkippedRow } from './readers/area-file.ts';
import { readAreaFile } from './readers/detect.ts';

export interface AreaImportOptions {
  clock: Clock;
  onProgress?: ProgressListener;
}

/** Reads any area file the readers recognise (see README.md) and applies it. */
export async function importAreaFile(db: Executor, file: SubmittedFile, opts: AreaImportOptions): Promise<ImportSummary> {
  const content = readAreaFile(file);
  return applyAreaFileContent(db, content, file.name, opts);
}

export async function applyAreaFileContent(
  db: Executor,
  content: AreaFileContent,
  fileName: string,
  opts: AreaImportOptions,
): Promise<ImportSummary> {
  const progress = opts.onProgress ?? (() => undefined);
  progress(0, content.rowsRead);
  return inTransaction(db, async (trx) => {
    const problems = [...content.problems];
    const resolved = { ...content, areas: [...content.areas, ...(await resolveIdentifiedFacts(trx, content, problems))] };
    const named = new Map((await repo.findAreaRows(trx, codesNamed(resolved))).map((r) => [r.code, r]));
    const checked = checkAreaReferences(resolved, named);
    problems.push(...checked.problems);
    if (problems.length > 0) throw refusal(fileName, problems);
    const recorded = await loadRecordedState(trx, resolved, checked.links, named);
    const today = opts.clock.now().toISOString().slice(0, 10);
    const plan = planAreaChanges({ content: resolved, links: checked.links, recorded, today });
    await applyPlan(trx, plan);
    progress(content.rowsRead, content.rowsRead);
    return summarise(content, plan, [...content.skipped, ...checked.skipped]);
  });
}

function refusal(fileName: string, problems: ProblemDetail[]): ValidationError {
  const rows = new Set(problems.map((p) => p.line ?? p.field?.replace(/\].*$/, ']')));
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return new ValidationError(
    `${fileName}: ${rows.size} ${rows.size === 1 ? 'row has' : 'rows have'} problems; nothing was imported`,
    sorted,
  );
}

async function resolveIdentifiedFacts(db: Executor, content: AreaFileContent, problems: ProblemDetail[]): Promise<AreaRecord[]> {
  const records: AreaRecord[] = [];
  const schemes = new Set(content.identifiedFacts.map((f) => f.scheme));
  for (const scheme of schemes) {
    const wanted = content.identifiedFacts.filter((f) => f.scheme === scheme);
    const rows = await repo.findIdentifierRows(
      db,
      scheme,
      wanted.map((f) => f.identifier),
    );
    const codeOf = new Map(rows.map((r) => [r.identifier, r.area_code]));
    for (const f of wanted) {
      const code = codeOf.get(f.identifier);
      if (code) records.push({ line: f.line, ...(f.path === undefined ? {} : { path: f.path }), code, facts: f.facts });
      else
        problems.push(
          problemAt(
            f,
            f.field,
            f.identifier,
            `${f.identifier} is not a known ${scheme} code; import the local authorities first (uk_local_authorities_current.csv)`,
          ),
        );
    }
  }
  return records;
}

function codesNamed(content: AreaFileContent): Set<string> {
  const codes = new Set<string>();
  for (const a of content.areas) codes.add(a.code);
  for (const l of content.links) codes.add(l.childCode).add(l.parentCode);
  for (const i of content.identifiers) codes.add(i.areaCode);
  return codes;
}

async function loadRecordedState(
  db: Executor,
  content: AreaFileContent,
  links: readonly ParentLinkRecord[],
  named: Map<string, AreaRow>,
): Promise<RecordedAreaState> {
  const children = new Set([...content.areas.map((a) => a.code), ...links.map((l) => l.childCode)]);
  const parents = new Set([
    ...content.areas.filter((a) => a.childrenComplete).map((a) => a.code),
    ...(content.retire?.parentCodes ?? []),
  ]);
  const byKey = new Map<string, AreaParentRow>();
  for (const l of [
    ...(await repo.findLinksOf(db, 'child_code', children)),
    ...(await repo.findLinksOf(db, 'parent_code', parents)),
  ]) {
    byKey.set(`${l.child_code}\u0000${l.parent_code}\u0000${l.valid_from}`, l);
  }
  const areas = new Map(named);
  const ends = [...byKey.values()].flatMap((l) => [l.child_code, l.parent_code]).filter((c) => !areas.has(c));
  for (const r of await repo.findAreaRows(db, ends)) areas.set(r.code, r);
  const identifiers: RecordedAreaState['identifiers'][number][] = [];
  for (const scheme of new Set(content.identifiers.map((i) => i.scheme))) {
    identifiers.push(
      ...(await repo.findIdentifierRows(
        db,
        scheme,
        content.identifiers.filter((i) => i.scheme === scheme).map((i) => i.identifier),
      )),
    );
  }
  const successions = await repo.findSuccessionsFrom(
    db,
    content.successions.map((s) => s.oldCode),
  );
  return { areas, links: [...byKey.values()], identifiers, successions };
}

async function applyPlan(db: Executor, plan: AreaPlan): Promise<void> {
  await repo.insertAreaRows(db, plan.insertAreas);
  for (const u of plan.updateAreas) await repo.updateAreaRow(db, u.code, u.set);
  await repo.insertLinkRows(db, plan.insertLinks);
  for (const l of plan.updateLinks) await repo.setLinkEnd(db, l);
  await repo.insertIdentifierRows(db, plan.insertIdentifiers);
  for (const i of plan.updateIdentifiers) await repo.moveIdentifier(db, i);
  await repo.insertSuccessionRows(db, plan.insertSuccessions);
  for (const s of plan.updateSuccessions) await repo.setSuccessionDate(db, s);
  if (plan.insertAreas.length + plan.insertLinks.length + plan.updateLinks.length > 0) await repo.rebuildClosure(db);
}

function summarise(content: AreaFileContent, plan: AreaPlan, skipped: readonly SkippedRow[]): ImportSummary {
  const skippedLines = new Set(skipped.map((s) => s.line).filter((l) => l > 0 && !plan.writtenLines.has(l)));
  const reasons = new Map<string, number>();
  for (const s of skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  return {
    reader: content.reader,
    rowsRead: content.rowsRead,
    rowsWritten: plan.writtenLines.size,
    rowsUnchanged: content.rowsRead - plan.writtenLines.size - skippedLines.size,
    rowsRejected: 0,
    ...(reasons.size > 0 ? { skipped: [...reasons].map(([reason, count]) => ({ count, reason })) } : {}),
    problems: [],
  };
}
