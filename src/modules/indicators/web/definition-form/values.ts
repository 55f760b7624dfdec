/**
 * The definition form's fields as text, the way the browser sends them and the form shows them
 * again: from a saved definition, from a posted body, or blank for a new indicator.
 */
import type { IndicatorDefinition } from '../../indicator.types.ts';

export interface DefinitionFormValues {
  code: string;
  title: string;
  description: string;
  rationale: string;
  numeratorDefinition: string;
  denominatorDefinition: string;
  unit: string;
  unitMultiplier: string;
  decimalPlaces: string;
  polarity: string;
  targetRangeLow: string;
  targetRangeHigh: string;
  areaAggregation: string;
  timeAggregation: string;
  frequency: string;
  periodType: string;
  areaTypes: string[];
  theme: string;
  source: string;
  collectionMethod: string;
  comparabilityNote: string;
  /** `scheme:alias`, one a line */
  aliases: string;
}

type TextField = Exclude<keyof DefinitionFormValues, 'areaTypes'>;

const TEXT_FIELDS: readonly TextField[] = [
  'code',
  'title',
  'description',
  'rationale',
  'numeratorDefinition',
  'denominatorDefinition',
  'unit',
  'unitMultiplier',
  'decimalPlaces',
  'polarity',
  'targetRangeLow',
  'targetRangeHigh',
  'areaAggregation',
  'timeAggregation',
  'frequency',
  'periodType',
  'theme',
  'source',
  'collectionMethod',
  'comparabilityNote',
  'aliases',
];

/** A new indicator's form: nothing chosen but the usual way of collecting figures. */
export function blankValues(): DefinitionFormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>;
  return { ...values, areaTypes: [], collectionMethod: 'administrative' };
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function valuesOfDefinition(def: IndicatorDefinition): DefinitionFormValues {
  return {
    code: def.code,
    title: def.title,
    description: def.description,
    rationale: text(def.rationale),
    numeratorDefinition: text(def.numeratorDefinition),
    denominatorDefinition: text(def.denominatorDefinition),
    unit: def.unit,
    unitMultiplier: text(def.unitMultiplier),
    decimalPlaces: String(def.decimalPlaces),
    polarity: def.polarity,
    targetRangeLow: text(def.targetRange?.low),
    targetRangeHigh: text(def.targetRange?.high),
    areaAggregation: def.areaAggregation,
    timeAggregation: def.timeAggregation,
    frequency: def.frequency,
    periodType: def.periodType,
    areaTypes: [...def.areaTypes],
    theme: text(def.theme),
    source: text(def.source),
    collectionMethod: def.collectionMethod,
    comparabilityNote: text(def.comparabilityNote),
    aliases: def.aliases.map((a) => `${a.scheme}:${a.alias}`).join('\n'),
  };
}

/**
 * The fields of a posted form. Browsers send a textarea's line breaks as CRLF: they become LF, so
 * saving a description unchanged does not make a new version.
 */
export function sentValues(body: unknown): DefinitionFormValues {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const one = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '');
  const sent = fields.areaTypes;
  const areaTypes = (Array.isArray(sent) ? sent : [sent]).filter((t): t is string => typeof t === 'string' && t !== '');
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, one(fields[f])])) as Record<TextField, string>;
  return { ...values, areaTypes };
}
