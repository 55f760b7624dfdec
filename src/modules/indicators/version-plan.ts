/** What saving one input would do to the catalogue. Pure, so the rules have table-driven tests. */
import { changedDefinitionalFields, changedFields, fingerprintDefinition, type VersionedField } from './fingerprint.ts';
import { sameAliases } from './indicator.mapper.ts';
import type { IndicatorDefinition, IndicatorInput } from './indicator.types.ts';

export type VersionPlan =
  | { kind: 'create'; version: 1; fingerprint: string }
  | { kind: 'unchanged'; aliasesChanged: boolean }
  | { kind: 'version'; version: number; fingerprint: string; changed: VersionedField[]; aliasesChanged: boolean }
  | { kind: 'refused'; field: 'comparabilityNote'; reason: string; changed: VersionedField[] };

/**
 * `current` is the current version with its stored fingerprint. A definitional change needs a
 * comparability note, and a new one: a note copied from the current version describes the last change.
 */
export function planVersion(
  current: { definition: IndicatorDefinition; fingerprint: string } | undefined,
  input: IndicatorInput,
): VersionPlan {
  const fingerprint = fingerprintDefinition(input);
  if (!current) return { kind: 'create', version: 1, fingerprint };
  const aliasesChanged = !sameAliases(current.definition.aliases, input.aliases);
  if (fingerprint === current.fingerprint) return { kind: 'unchanged', aliasesChanged };
  const changed = changedFields(current.definition, input);
  // a fingerprint from an older recipe: trust the field-by-field comparison
  if (changed.length === 0) return { kind: 'unchanged', aliasesChanged };
  const definitional = changedDefinitionalFields(current.definition, input);
  if (definitional.length > 0) {
    const note = input.comparabilityNote;
    if (!note || note === current.definition.comparabilityNote) {
      return {
        kind: 'refused',
        field: 'comparabilityNote',
        changed: definitional,
        reason:
          `${input.code}: the definition changed (${definitional.join(', ')}), so version ${current.definition.version + 1} ` +
          `needs a new comparability note saying how its values compare with version ${current.definition.version}'s`,
      };
    }
  }
  return { kind: 'version', version: current.definition.version + 1, fingerprint, changed, aliasesChanged };
}
