/** The shapes both sides' answers are brought to, and the check that they agree. */

export interface FigureRow {
  areaCode: string;
  source: string;
  value: number | null;
}

export interface CompareRow {
  code: string;
  value: number;
  rank: number;
  quartile: number;
  median: number | null;
}

export interface ProfileRow {
  indicator: string;
  period: string;
  value: number | null;
  previous: number | null;
  rank: number | null;
  n: number | null;
}

export interface SeriesRow {
  period: string;
  value: number | null;
}

export interface Agreement {
  what: string;
  rows: number;
  mismatches: string[];
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Compare two keyed row sets field by field; every difference is listed (the first 10 kept). */
export function agree<T extends object>(
  what: string,
  ours: readonly T[],
  theirs: readonly T[],
  key: (r: T) => string,
  fields: readonly (keyof T & string)[],
): Agreement {
  const mismatches: string[] = [];
  const other = new Map(theirs.map((r) => [key(r), r]));
  const seen = new Set<string>();
  for (const r of ours) {
    const k = key(r);
    seen.add(k);
    const t = other.get(k);
    if (!t) {
      mismatches.push(`${k}: only in ours`);
      continue;
    }
    for (const f of fields) {
      const a = r[f] as unknown;
      const b = t[f] as unknown;
      const same = typeof a === 'number' || typeof b === 'number' ? close(a as number | null, b as number | null) : a === b;
      if (!same) mismatches.push(`${k}.${f}: ours ${String(a)}, DuckDB ${String(b)}`);
    }
  }
  for (const k of other.keys()) if (!seen.has(k)) mismatches.push(`${k}: only in DuckDB`);
  return { what, rows: ours.length, mismatches };
}
