/** zod schema for an IndicatorInput: every field of the contract, with the cross-field rules. */
import { z } from 'zod';
import {
  AREA_AGGREGATIONS,
  COLLECTION_METHODS,
  FREQUENCIES,
  INDICATOR_UNITS,
  POLARITIES,
  TIME_AGGREGATIONS,
  type IndicatorInput,
} from './indicator.types.ts';
import { AREA_TYPES, PERIOD_TYPES, type AreaType } from './vocab.ts';

export const INDICATOR_CODE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** Codes the indicator pages' own addresses use (/indicators/new, /local, /national): no indicator may take one. */
export const RESERVED_INDICATOR_CODES: readonly string[] = ['new', 'local', 'national'];

const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** Optional text: missing, null and blank all mean null (so a fingerprint never tells them apart). */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => {
      const t = v?.trim();
      return t ? t : null;
    });

/** Separators of the CSV alias list (scheme:alias;scheme:alias) cannot appear where they would split. */
const aliasSchema = z.object({
  scheme: z
    .string()
    .trim()
    .min(1, 'alias scheme must not be empty')
    .max(40)
    .regex(/^[^:;]+$/, 'an alias scheme cannot contain ":" or ";"'),
  alias: z
    .string()
    .trim()
    .min(1, 'alias must not be empty')
    .max(200)
    .regex(/^[^;]+$/, 'an alias cannot contain ";"'),
});

const oneOf = <T extends string>(values: readonly T[]) =>
  z.enum(values as [T, ...T[]], { error: () => `must be one of ${values.join(', ')}` });

export const indicatorInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(INDICATOR_CODE_PATTERN, 'must be 1–64 letters, digits, "-", "_" or "."')
      .refine((code) => !RESERVED_INDICATOR_CODES.includes(code.toLowerCase()), 'is a word the site’s own pages use'),
    title: requiredText(300),
    description: requiredText(5000),
    rationale: optionalText(5000),
    numeratorDefinition: optionalText(2000),
    denominatorDefinition: optionalText(2000),
    unit: oneOf(INDICATOR_UNITS),
    unitMultiplier: z
      .number()
      .positive('must be a positive number')
      .finite()
      .nullish()
      .transform((v) => v ?? null),
    decimalPlaces: z.number().int('must be a whole number').min(0, 'must be 0 to 6').max(6, 'must be 0 to 6'),
    polarity: oneOf(POLARITIES),
    targetRange: z
      .object({ low: z.number().finite(), high: z.number().finite() })
      .nullish()
      .transform((v) => v ?? null),
    areaAggregation: oneOf(AREA_AGGREGATIONS),
    timeAggregation: oneOf(TIME_AGGREGATIONS),
    frequency: oneOf(FREQUENCIES),
    periodType: oneOf(PERIOD_TYPES),
    areaTypes: z.array(oneOf(AREA_TYPES)).min(1, 'name at least one area type'),
    theme: optionalText(100),
    source: optionalText(1000),
    ownerBodyId: optionalText(100),
    collectionMethod: oneOf(COLLECTION_METHODS).default('administrative'),
    comparabilityNote: optionalText(5000),
    aliases: z.array(aliasSchema).default([]),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.unit === 'rate' && v.unitMultiplier === null)
      issue('unitMultiplier', 'a rate needs a unit multiplier (per N, e.g. 1000)');
    if (v.polarity === 'target_range') {
      if (!v.targetRange) issue('targetRange', 'polarity target_range needs a target range (low and high)');
      else if (v.targetRange.low > v.targetRange.high)
        issue('targetRange', 'the low end of the target range is above the high end');
    } else if (v.targetRange) {
      issue('targetRange', 'a target range is only used with polarity target_range');
    }
    for (const [field, rule] of [
      ['areaAggregation', v.areaAggregation],
      ['timeAggregation', v.timeAggregation],
    ] as const) {
      if (rule !== 'ratio') continue;
      if (!v.numeratorDefinition) issue('numeratorDefinition', `${field} ratio needs a numerator definition`);
      if (!v.denominatorDefinition) issue('denominatorDefinition', `${field} ratio needs a denominator definition`);
    }
    const seenTypes = new Set<string>();
    for (const t of v.areaTypes) {
      if (seenTypes.has(t)) issue('areaTypes', `area type ${t} is listed twice`);
      seenTypes.add(t);
    }
    const seenAliases = new Set<string>();
    for (const a of v.aliases) {
      const key = aliasKey(a);
      if (seenAliases.has(key)) issue('aliases', `alias ${a.scheme}:${a.alias} is listed twice`);
      seenAliases.add(key);
    }
  })
  .transform((v): IndicatorInput => ({
    ...v,
    // one canonical order, so the same set of area types always reads and fingerprints the same
    areaTypes: [...v.areaTypes].sort((a, b) => areaTypeOrder(a) - areaTypeOrder(b)),
  }));

function areaTypeOrder(t: AreaType): number {
  return AREA_TYPES.indexOf(t);
}

/** Aliases are unique ignoring case, within their scheme. */
export function aliasKey(a: { scheme: string; alias: string }): string {
  return `${a.scheme.toLowerCase()}\u0000${a.alias.toLowerCase()}`;
}
