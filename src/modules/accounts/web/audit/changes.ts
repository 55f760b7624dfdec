/** An audit event's before and after as readable lines: each field that changed, from what to what. */

export interface ChangeLine {
  /** "revoked at" */
  field: string;
  /** "none" when there was nothing */
  before: string;
  after: string;
}

const NOTHING = 'none';

/** "revokedAt" and "revoked_at" are both "revoked at". */
export function fieldInWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

export function valueInWords(value: unknown): string {
  if (value === undefined || value === null || value === '') return NOTHING;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields that differ between before and after, in the order they first appear. A state recorded
 * on one side only (something made, or removed) lists every field it has; a state that is not an
 * object is one line, "value".
 */
export function describeChanges(before: unknown, after: unknown): ChangeLine[] {
  const empty = (v: unknown) => v === undefined || v === null;
  if (empty(before) && empty(after)) return [];
  if (!(isRecord(before) || empty(before)) || !(isRecord(after) || empty(after))) {
    return JSON.stringify(before) === JSON.stringify(after)
      ? []
      : [{ field: 'value', before: valueInWords(before), after: valueInWords(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ field: fieldInWords(k), before: valueInWords(b[k]), after: valueInWords(a[k]) }));
}
