/** A version's content (its fields and items): read from a version, compared, and turned into rows. Pure. */
import type { NewItem } from './item.repository.ts';
import type { PlanContent } from './plan-input.ts';
import type { PlanItem, PlanVersion } from './plans.types.ts';

export function contentOf(version: PlanVersion, items: readonly PlanItem[]): PlanContent {
  return {
    title: version.title,
    vision: version.vision,
    coversFrom: version.coversFrom,
    coversTo: version.coversTo,
    partnerBodyIds: [...version.partnerBodyIds],
    disclaimer: version.disclaimer,
    items: [...items],
  };
}

/** The content as one text, the same for the same content whatever the order of items or fields. */
export function canonicalContent(content: PlanContent): string {
  const items = [...content.items].sort(
    (a, b) => (a.parentKey ?? '').localeCompare(b.parentKey ?? '') || a.position - b.position || a.key.localeCompare(b.key),
  );
  return stable({ ...content, items });
}

export function sameContent(a: PlanContent, b: PlanContent): boolean {
  return canonicalContent(a) === canonicalContent(b);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The rows of an item: plan_item, its kind's own row, and its serves links. */
export function itemRows(item: PlanItem): NewItem {
  const base = {
    key: item.key,
    kind: item.kind,
    parent_key: item.parentKey,
    title: item.title,
    description: item.description,
    position: item.position,
  };
  const serves = item.serves.map((s) => ({ planId: s.planId, key: s.key }));
  if (item.kind === 'target') {
    const value = item.target.value;
    return {
      item: base,
      target: {
        target_kind: item.targetKind,
        national_priority_code: item.nationalPriorityCode,
        indicator_code: item.indicatorCode,
        area_code: item.areaCode,
        coverage_area_codes: JSON.stringify(item.coverageAreaCodes),
        measure: item.measure,
        gap_part_type: item.gapPartType,
        direction: item.direction,
        baseline_period: item.baseline?.period ?? null,
        baseline_value: item.baseline?.value ?? null,
        target_period: item.target.period,
        target_value: value && 'value' in value ? value.value : null,
        target_low: value && 'low' in value ? value.low : null,
        target_high: value && 'high' in value ? value.high : null,
        milestones: JSON.stringify(item.milestones),
        stretch_amount_gbp: item.stretch?.amountGbp ?? null,
        stretch_description: item.stretch?.description ?? null,
        owner_body_id: item.ownerBodyId,
        lead_person: item.leadPerson,
      },
      action: null,
      serves,
    };
  }
  if (item.kind === 'action') {
    return {
      item: base,
      target: null,
      action: {
        owner_body_id: item.ownerBodyId,
        lead_person: item.leadPerson,
        due: item.due,
        milestones: JSON.stringify(item.milestones),
      },
      serves,
    };
  }
  return { item: base, target: null, action: null, serves };
}
