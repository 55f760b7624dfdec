/**
 * What makes two definitions "the same", and which changes break comparability.
 * Pure: no database, no clock.
 */
import { createHash } from 'node:crypto';
import type { IndicatorInput } from './indicator.types.ts';

/** Everything a version records (all fields but the code and the aliases, which are not versioned). */
export type VersionedFields = Omit<IndicatorInput, 'code' | 'aliases'>;

const VERSIONED_FIELDS = [
  'title',
  'description',
  'rationale',
  'numeratorDefinition',
  'denominatorDefinition',
  'unit',
  'unitMultiplier',
  'decimalPlaces',
  'polarity',
  'targetRange',
  'areaAggregation',
  'timeAggregation',
  'frequency',
  'periodType',
  'areaTypes',
  'theme',
  'source',
  'ownerBodyId',
  'collectionMethod',
  'comparabilityNote',
] as const satisfies readonly (keyof VersionedFields)[];

export type VersionedField = (typeof VERSIONED_FIELDS)[number];

/**
 * Changes to these make values before and after the change not comparable, so the new version
 * must say how in its comparability note. Beyond the brief's list we count targetRange (it is part of
 * what "good" means), timeAggregation (it changes derived values) and collectionMethod (a survey
 * figure is not comparable with an administrative count).
 */
export const DEFINITIONAL_FIELDS = [
  'numeratorDefinition',
  'denominatorDefinition',
  'unit',
  'unitMultiplier',
  'polarity',
  'targetRange',
  'areaAggregation',
  'timeAggregation',
  'periodType',
  'collectionMethod',
] as const satisfies readonly VersionedField[];

/** A stable text form: fixed field order, arrays as given (the schema already sorts area types). */
export function canonicalDefinition(def: VersionedFields): string {
  return JSON.stringify(VERSIONED_FIELDS.map((f) => [f, def[f] ?? null]));
}

export function fingerprintDefinition(def: VersionedFields): string {
  return createHash('sha256').update(canonicalDefinition(def)).digest('hex');
}

/** The versioned fields whose values differ. */
export function changedFields(before: VersionedFields, after: VersionedFields): VersionedField[] {
  return VERSIONED_FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
}

export function changedDefinitionalFields(before: VersionedFields, after: VersionedFields): VersionedField[] {
  const definitional: readonly VersionedField[] = DEFINITIONAL_FIELDS;
  return changedFields(before, after).filter((f) => definitional.includes(f));
}
