/**
 * The rows of a generated tidy CSV file (bench/generate.ts writes no quotes), as the streaming
 * importer takes them. Shared by the benchmark's streaming import and scripts/perf/build-db.ts.
 */
import { readFileSync } from 'node:fs';
import type { TidyRow } from '../src/modules/data/index.ts';

export function* tidyRowsOf(path: string): Generator<TidyRow> {
  const text = readFileSync(path, 'utf8');
  let at = text.indexOf('\n') + 1;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const c = text.slice(at, end).split(',');
    at = end + 1;
    yield {
      indicator: c[0],
      area: c[1],
      period: c[2],
      value: c[3],
      numerator: c[4],
      denominator: c[5],
      sampleSize: c[6],
      ciLower: c[7],
      ciUpper: c[8],
      status: c[9],
    };
  }
}
