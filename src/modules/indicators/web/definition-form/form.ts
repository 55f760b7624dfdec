/**
 * Reading the definition form: each field checked with zod, with a message in plain words, and the
 * rules that tie fields together checked on what was sent, so one look at the error summary shows
 * everything to put right. The result is an IndicatorInput for the services, which check it again
 * (and decide who may save it).
 */
import { z } from 'zod';
import { changedDefinitionalFields, type VersionedField } from '../../fingerprint.ts';
import { INDICATOR_CODE_PATTERN, RESERVED_INDICATOR_CODES } from '../../indicator.schema.ts';
import type { IndicatorAlias, IndicatorDefinition, IndicatorInput } from '../../indicator.types.ts';
import { type FormErrors, formErrors } from '../../../../platform/web/index.ts';
import {
  AREA_AGGREGATION_CHOICES,
  AREA_TYPE_CHOICES,
  COLLECTION_METHOD_CHOICES,
  type DefinitionField,
  FIELD_NAMES,
  FREQUENCY_CHOICES,
  PERIOD_TYPE_CHOICES,
  POLARITY_CHOICES,
  TIME_AGGREGATION_CHOICES,
  UNIT_CHOICES,
} from '../words.ts';
import type { DefinitionFormValues } from './values.ts';

export interface DefinitionFormContext {
  /** the code of the indicator being changed; undefined for a new one (the form names it) */
  code?: string;
  /** the owning council, or null for a national indicator */
  owner: { id: string; name: string } | null;
  /** the current definition, when one is being changed */
  current?: IndicatorDefinition;
}

export type DefinitionFormResult = { ok: true; input: IndicatorInput } | { ok: false; errors: FormErrors };

interface Problem {
  field: DefinitionField;
  text: string;
}

/** Codes the pages under /indicators/ use for themselves: an indicator with one could not be shown. */
export const RESERVED_CODES = RESERVED_INDICATOR_CODES;

const FIELD_ORDER = Object.keys(FIELD_NAMES) as DefinitionField[];

const tooLong = (name: string, max: number) => `${name} must be ${max.toLocaleString('en-GB')} characters or fewer`;
const required = (max: number, name: string, empty: string) => z.string().trim().min(1, empty).max(max, tooLong(name, max));
const optional = (max: number, name: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(name, max))
    .transform((v) => (v === '' ? null : v));
const choice = <T extends string>(choices: Record<T, string>, message: string) =>
  z.enum(Object.keys(choices) as [T, ...T[]], { error: message });

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;
/** A number as people write it ("1,000"); blank for none. */
const optionalNumber = (message: string) =>
  z
    .string()
    .transform((v) => v.trim().replace(/,/g, ''))
    .refine((v) => v === '' || NUMBER.test(v), message)
    .transform((v) => (v === '' ? null : Number(v)));

const codeField = z
  .string()
  .trim()
  .min(1, 'Enter a code for the indicator')
  .regex(
    INDICATOR_CODE_PATTERN,
    'The code must be 64 characters or fewer, using only letters, digits, hyphens (-), underscores (_) and full stops (.)',
  )
  .refine((code) => !RESERVED_CODES.includes(code.toLowerCase()), 'Choose another code: the site’s own pages use that one');

/** `scheme:alias` lines; a council's indicators take only aliases in the council's own scheme. */
function aliasesField(owner: DefinitionFormContext['owner']) {
  const example = owner ? `${owner.id}:CP01` : 'NI:192';
  return z.string().transform((text, ctx) => {
    const aliases: IndicatorAlias[] = [];
    const refuse = (message: string) => ctx.addIssue({ code: 'custom', message });
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      const at = line.indexOf(':');
      const scheme = line.slice(0, Math.max(at, 0)).trim();
      const alias = line.slice(at + 1).trim();
      if (at < 0 || scheme === '' || alias === '')
        refuse(`Write each other code on a line of its own as scheme:code, such as ${example} (not “${line}”)`);
      else if (owner && scheme !== owner.id)
        refuse(`Other codes of ${owner.name}’s indicators begin “${owner.id}:”: write ${line} as ${owner.id}:${alias}`);
      else if (scheme.length > 40 || alias.length > 200 || line.includes(';'))
        refuse(`Other codes must not contain “;”, with up to 40 characters before the “:” and 200 after (not “${line}”)`);
      else aliases.push({ scheme, alias });
    }
    return aliases;
  });
}

function formSchema(ctx: DefinitionFormContext) {
  return z.object({
    code: ctx.code === undefined ? codeField : z.string(),
    title: required(300, 'The title', 'Enter a title'),
    description: required(5000, 'What it measures', 'Say what the indicator measures'),
    rationale: optional(5000, 'Why it matters'),
    numeratorDefinition: optional(2000, 'What is counted'),
    denominatorDefinition: optional(2000, 'What it is divided by'),
    unit: choice(UNIT_CHOICES, 'Choose the unit of the figures'),
    unitMultiplier: optionalNumber('Per how many must be a number, such as 1000').refine(
      (n) => n === null || n > 0,
      'Per how many must be more than 0, such as 1000',
    ),
    decimalPlaces: z
      .string()
      .trim()
      .min(1, 'Enter the number of decimal places')
      .regex(/^0*[0-6]$/, 'Decimal places must be a whole number from 0 to 6')
      .transform(Number),
    polarity: choice(POLARITY_CHOICES, 'Choose which way is better'),
    targetRangeLow: optionalNumber('The lowest figure of the target range must be a number'),
    targetRangeHigh: optionalNumber('The highest figure of the target range must be a number'),
    areaAggregation: choice(AREA_AGGREGATION_CHOICES, 'Choose how figures for several areas combine'),
    timeAggregation: choice(TIME_AGGREGATION_CHOICES, 'Choose how figures for several periods combine'),
    frequency: choice(FREQUENCY_CHOICES, 'Choose how often figures are published'),
    periodType: choice(PERIOD_TYPE_CHOICES, 'Choose what period each figure is for'),
    areaTypes: z
      .array(z.string())
      .min(1, 'Choose at least one type of area the indicator is published for')
      .pipe(z.array(choice(AREA_TYPE_CHOICES, 'Choose the types of area from the list')))
      .transform((types) => [...new Set(types)]),
    theme: optional(100, 'The theme'),
    source: optional(1000, 'Where the figures come from'),
    collectionMethod: choice(COLLECTION_METHOD_CHOICES, 'Choose how the figures are collected'),
    comparabilityNote: optional(5000, 'The comparability note'),
    aliases: aliasesField(ctx.owner),
  });
}

const blank = (text: string) => text.trim() === '';
const numberOf = (text: string) => (NUMBER.test(text.trim().replace(/,/g, '')) ? Number(text.trim().replace(/,/g, '')) : null);

/** The rules between fields, on the text sent (so they are reported with every other problem). */
function crossFieldProblems(v: DefinitionFormValues): Problem[] {
  const problems: Problem[] = [];
  if (v.unit === 'rate' && blank(v.unitMultiplier))
    problems.push({ field: 'unitMultiplier', text: 'Say per how many people or things the rate is given, such as 1000' });
  if (v.polarity === 'target_range') {
    const [low, high] = [numberOf(v.targetRangeLow), numberOf(v.targetRangeHigh)];
    if (blank(v.targetRangeLow)) problems.push({ field: 'targetRangeLow', text: 'Enter the lowest figure of the target range' });
    if (blank(v.targetRangeHigh))
      problems.push({ field: 'targetRangeHigh', text: 'Enter the highest figure of the target range' });
    if (low !== null && high !== null && low > high)
      problems.push({ field: 'targetRangeLow', text: 'The lowest figure of the target range must not be above the highest' });
  }
  if (v.areaAggregation === 'ratio' || v.timeAggregation === 'ratio') {
    const why = 'figures worked out again from what is counted and what it is divided by need it';
    if (blank(v.numeratorDefinition)) problems.push({ field: 'numeratorDefinition', text: `Say what is counted: ${why}` });
    if (blank(v.denominatorDefinition))
      problems.push({ field: 'denominatorDefinition', text: `Say what it is divided by: ${why}` });
  }
  return problems;
}

const CHANGE_WORDS: Partial<Record<VersionedField, string>> = {
  numeratorDefinition: 'what is counted',
  denominatorDefinition: 'what it is divided by',
  unit: 'the unit',
  unitMultiplier: 'per how many',
  polarity: 'which way is better',
  targetRange: 'the target range',
  areaAggregation: 'how figures for several areas combine',
  timeAggregation: 'how figures for several periods combine',
  periodType: 'what period each figure is for',
  collectionMethod: 'how the figures are collected',
};

/** A change of what the figures mean needs a new comparability note (the catalogue's versioning rule). */
function comparabilityProblem(current: IndicatorDefinition | undefined, input: IndicatorInput): Problem | undefined {
  if (!current) return undefined;
  const changed = changedDefinitionalFields(current, input);
  const note = input.comparabilityNote;
  if (changed.length === 0 || (note !== null && note !== current.comparabilityNote)) return undefined;
  const what = changed.map((f) => CHANGE_WORDS[f] ?? f).join(', ');
  return {
    field: 'comparabilityNote',
    text: `You changed ${what}: say in a new comparability note how figures from version ${current.version + 1} compare with earlier ones`,
  };
}

function errorsOf(problems: readonly Problem[]): FormErrors {
  const order = (p: Problem) => FIELD_ORDER.indexOf(p.field);
  return formErrors([...problems].sort((a, b) => order(a) - order(b)));
}

export function readDefinitionForm(values: DefinitionFormValues, ctx: DefinitionFormContext): DefinitionFormResult {
  const parsed = formSchema(ctx).safeParse(values);
  const problems = crossFieldProblems(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ field: issue.path[0] as DefinitionField, text: issue.message });
  }
  if (!parsed.success || problems.length > 0) return { ok: false, errors: errorsOf(problems) };
  const { targetRangeLow: low, targetRangeHigh: high, ...v } = parsed.data;
  const input: IndicatorInput = {
    ...v,
    code: ctx.code ?? v.code.trim(),
    targetRange: v.polarity === 'target_range' && low !== null && high !== null ? { low, high } : null,
    ownerBodyId: ctx.owner?.id ?? null,
  };
  const note = comparabilityProblem(ctx.current, input);
  return note ? { ok: false, errors: errorsOf([note]) } : { ok: true, input };
}
