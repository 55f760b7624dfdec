/**
 * The parent-link part of an area plan: new links, stated end dates, links a file no longer lists
 * (ended today), and children a complete ward set leaves out (retired).
 */
import type { AreaRecord, ParentLinkRecord } from './readers/area-file.ts';
import { type AreaParentRow, type AreaPlan, type LinkEnd, type PlanInput, UNKNOWN_START } from './area-plan.types.ts';

const pairKey = (child: string, parent: string) => `${child}\u0000${parent}`;

/** The latest recorded link for each (child, parent). */
function latestLinks(links: readonly AreaParentRow[]): Map<string, AreaParentRow> {
  const latest = new Map<string, AreaParentRow>();
  for (const l of links) {
    const key = pairKey(l.child_code, l.parent_code);
    const seen = latest.get(key);
    if (!seen || seen.valid_from < l.valid_from) latest.set(key, l);
  }
  return latest;
}

export function planLinks(records: readonly AreaRecord[], input: PlanInput, plan: AreaPlan): void {
  const latest = latestLinks(input.recorded.links);
  const stated = new Set<string>();
  for (const link of input.links) {
    const key = pairKey(link.childCode, link.parentCode);
    if (stated.has(key)) continue;
    stated.add(key);
    planOneLink(link, latest.get(key), input.content.source, plan);
  }
  const current = [...latest.values()].filter((l) => l.valid_to === null);
  const byChild = groupBy(current, (l) => l.child_code);
  const byParent = groupBy(current, (l) => l.parent_code);
  for (const record of records) {
    if (record.parentScope) endUnlistedParents(record, byChild.get(record.code) ?? [], stated, input, plan);
    if (record.childrenComplete) endUnlistedChildren(record, byParent.get(record.code) ?? [], stated, input.today, plan);
  }
  retireMissingChildren(records, current, input, plan);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function planOneLink(link: ParentLinkRecord, recorded: AreaParentRow | undefined, source: string, plan: AreaPlan): void {
  if (!recorded) {
    plan.insertLinks.push({
      child_code: link.childCode,
      parent_code: link.parentCode,
      valid_from: link.validFrom ?? UNKNOWN_START,
      valid_to: link.validTo ?? null,
      source,
    });
    plan.writtenLines.add(link.line);
  } else if (link.validTo !== undefined && link.validTo !== recorded.valid_to) {
    plan.updateLinks.push(end(recorded, link.validTo));
    plan.writtenLines.add(link.line);
  }
}

function end(link: AreaParentRow, validTo: string | null): LinkEnd {
  return { childCode: link.child_code, parentCode: link.parent_code, validFrom: link.valid_from, validTo };
}

function endUnlistedParents(
  record: AreaRecord,
  current: readonly AreaParentRow[],
  stated: Set<string>,
  input: PlanInput,
  plan: AreaPlan,
): void {
  const scope = record.parentScope;
  for (const l of current) {
    if (stated.has(pairKey(l.child_code, l.parent_code))) continue;
    const parentType = input.recorded.areas.get(l.parent_code)?.type;
    if (scope === 'all' || (parentType !== undefined && (scope as readonly string[]).includes(parentType))) {
      plan.updateLinks.push(end(l, input.today));
      plan.writtenLines.add(record.line);
    }
  }
}

function endUnlistedChildren(
  record: AreaRecord,
  current: readonly AreaParentRow[],
  stated: Set<string>,
  today: string,
  plan: AreaPlan,
): void {
  for (const l of current) {
    if (stated.has(pairKey(l.child_code, l.parent_code))) continue;
    plan.updateLinks.push(end(l, today));
    plan.writtenLines.add(record.line);
  }
}

/** A complete set of wards for some districts: their other current wards are retired, not deleted. */
function retireMissingChildren(
  records: readonly AreaRecord[],
  current: readonly AreaParentRow[],
  input: PlanInput,
  plan: AreaPlan,
): void {
  const retire = input.content.retire;
  if (!retire) return;
  const inFile = new Set(records.map((r) => r.code));
  const parents = new Set(retire.parentCodes);
  const retired = new Set<string>();
  for (const l of current) {
    const child = input.recorded.areas.get(l.child_code);
    if (!parents.has(l.parent_code) || inFile.has(l.child_code) || child?.type !== retire.type) continue;
    plan.updateLinks.push(end(l, retire.validTo));
    if (child.valid_to === null && !retired.has(child.code)) {
      plan.updateAreas.push({ code: child.code, set: { valid_to: retire.validTo } });
      retired.add(child.code);
    }
  }
}
