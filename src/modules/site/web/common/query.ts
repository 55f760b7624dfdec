/** Reading the figure pages' query strings: one value per name, trimmed, bounded. */
import { z } from 'zod';

export const firstOf = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/**
 * A text parameter ('' when absent), cut to `max` characters: an over-long value is kept in part (and
 * shown back, so the reader sees what was used) rather than dropped.
 */
export const text = (max = 100) =>
  z.preprocess(
    firstOf,
    z
      .string()
      .catch('')
      .default('')
      .transform((s) => s.trim().slice(0, max)),
  );

/** A page number, 1 when absent or nonsense. */
export const pageNumber = z.preprocess(firstOf, z.coerce.number().int().min(1).max(100_000).catch(1).default(1));

/** A GSS code typed in lower case is still a GSS code. */
export function normaliseCode(code: string): string {
  return /^[a-z]\d{8}$/i.test(code) ? code.toUpperCase() : code;
}
