/**
 * Working out what an area file changes, without touching the database: new and changed areas,
 * new and ended parent links, identifiers and successions, and which lines of the file caused a
 * write (the rest are unchanged). The import service loads the recorded state and applies the plan.
 */
import type { AreaRow } from '../../platform/db/schema.ts';
import type { AreaPlan, PlanInput } from './area-plan.types.ts';
import type { AreaFacts, AreaRecord } from './readers/area-file.ts';
import { planLinks } from './link-plan.ts';

const FACT_COLUMNS = {
  name: 'name',
  type: 'type',
  countryCode: 'country_code',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  population: 'population',
  populationYear: 'population_year',
  imdRank: 'imd_rank',
  imdScore: 'imd_score',
  imdDecile: 'imd_decile',
} as const satisfies Record<keyof AreaFacts, keyof AreaRow>;

export function planAreaChanges(input: PlanInput): AreaPlan {
  const plan: AreaPlan = {
    insertAreas: [],
    updateAreas: [],
    insertLinks: [],
    updateLinks: [],
    insertIdentifiers: [],
    updateIdentifiers: [],
    insertSuccessions: [],
    updateSuccessions: [],
    writtenLines: new Set(),
  };
  const records = mergeRecords(input.content.areas);
  planAreas(records, input, plan);
  planLinks(records, input, plan);
  planIdentifiers(input, plan);
  planSuccessions(input, plan);
  plan.writtenLines.delete(0);
  return plan;
}

/** One record per code: later rows add facts to the first. */
function mergeRecords(records: readonly AreaRecord[]): AreaRecord[] {
  const byCode = new Map<string, AreaRecord>();
  for (const r of records) {
    const first = byCode.get(r.code);
    if (first) byCode.set(r.code, { ...first, facts: { ...first.facts, ...r.facts } });
    else byCode.set(r.code, r);
  }
  return [...byCode.values()];
}

/** The columns a record's stated facts would change on the recorded row. */
export function areaChanges(row: AreaRow, facts: AreaFacts): Partial<AreaRow> {
  const set: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(FACT_COLUMNS) as [keyof AreaFacts, keyof AreaRow][]) {
    const value = facts[key];
    if (value !== undefined && row[column] !== value) set[column] = value;
  }
  return set as Partial<AreaRow>;
}

/** "Petersfield St Peters" and "Petersfield St Peter's" are the same name, spelt differently. */
export function sameSpelling(a: string, b: string | undefined): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(/[^a-z0-9]+/g, '');
  return b !== undefined && norm(a) === norm(b);
}

export function newAreaRow(record: AreaRecord, source: string): AreaRow {
  const f = record.facts;
  return {
    code: record.code,
    name: f.name ?? record.code,
    type: f.type ?? 'neighbourhood',
    country_code: f.countryCode ?? null,
    valid_from: f.validFrom ?? record.validFromIfNew ?? null,
    valid_to: f.validTo ?? null,
    population: f.population ?? null,
    population_year: f.populationYear ?? null,
    imd_rank: f.imdRank ?? null,
    imd_score: f.imdScore ?? null,
    imd_decile: f.imdDecile ?? null,
    source,
  };
}

function planAreas(records: readonly AreaRecord[], input: PlanInput, plan: AreaPlan): void {
  for (const record of records) {
    const row = input.recorded.areas.get(record.code);
    if (!row) {
      plan.insertAreas.push(newAreaRow(record, input.content.source));
      plan.writtenLines.add(record.line);
      continue;
    }
    const facts =
      record.keepNameSpelling && sameSpelling(row.name, record.facts.name) ? { ...record.facts, name: undefined } : record.facts;
    const set = areaChanges(row, facts);
    if (Object.keys(set).length === 0) continue;
    plan.updateAreas.push({ code: record.code, set: { ...set, source: input.content.source } });
    plan.writtenLines.add(record.line);
  }
}

function planIdentifiers(input: PlanInput, plan: AreaPlan): void {
  const recorded = new Map(input.recorded.identifiers.map((i) => [`${i.scheme}\u0000${i.identifier}`, i.area_code]));
  for (const id of input.content.identifiers) {
    const key = `${id.scheme}\u0000${id.identifier}`;
    const row = { area_code: id.areaCode, scheme: id.scheme, identifier: id.identifier };
    const current = recorded.get(key);
    if (current === id.areaCode) continue;
    (current === undefined ? plan.insertIdentifiers : plan.updateIdentifiers).push(row);
    recorded.set(key, id.areaCode);
    plan.writtenLines.add(id.line);
  }
}

/** One succession per pair of codes: the first change type stays; a known date replaces an unknown one. */
function planSuccessions(input: PlanInput, plan: AreaPlan): void {
  const recorded = new Map(input.recorded.successions.map((s) => [`${s.old_code}\u0000${s.new_code}`, s]));
  for (const s of input.content.successions) {
    const key = `${s.oldCode}\u0000${s.newCode}`;
    const current = recorded.get(key);
    if (!current) {
      const row = {
        old_code: s.oldCode,
        new_code: s.newCode,
        change_type: s.changeType,
        effective_date: s.effectiveDate,
        source: input.content.source,
      };
      plan.insertSuccessions.push(row);
      recorded.set(key, row);
      plan.writtenLines.add(s.line);
    } else if (current.effective_date === '' && s.effectiveDate !== '') {
      const row = { ...current, effective_date: s.effectiveDate };
      plan.updateSuccessions.push(row);
      recorded.set(key, row);
      plan.writtenLines.add(s.line);
    }
  }
}
