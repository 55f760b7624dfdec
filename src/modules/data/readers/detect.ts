/** Which reader understands a file: JSON is the tidy format; a CSV is told by its header. */
import { ValidationError } from '../../../platform/errors.ts';
import { isJsonFile, type SubmittedFile } from '../../../platform/files.ts';
import { readCsvHeader } from './csv-stream.ts';
import { isOflogHeader, oflogAscSource } from './oflog-asc.ts';
import type { ObservationSource } from './source.ts';
import { tidyCsvSource } from './tidy-csv.ts';
import { tidyJsonSource } from './tidy-json.ts';
import { isTraffordLabHeader, traffordLabSource } from './trafford-lab.ts';
import { isTraffordWardHeader, traffordWardSource } from './trafford-ward.ts';

export const SHAPES =
  'the tidy format (indicator, area, period, value, …), Trafford Data Lab (area_code, area_name, period, indicator, measure, unit, value), ' +
  'Oflog (Financial year, Local authority code, …, Code, Value, …) or Trafford ward indicators (theme, source_file, area_code, …)';

export function observationSource(file: SubmittedFile, opts: { indicator?: string; meta?: SubmittedFile }): ObservationSource {
  if (isJsonFile(file)) return withoutMeta(file, opts, tidyJsonSource(file, opts));
  const header = readCsvHeader(file);
  if (!header || header.every((c) => c === '')) {
    throw new ValidationError(`${file.name} is empty`, [{ line: 1, reason: 'the file has no header row' }]);
  }
  if (isTraffordWardHeader(header)) return traffordWardSource(file, opts.meta);
  if (isOflogHeader(header)) return withoutMeta(file, opts, oflogAscSource(file));
  if (isTraffordLabHeader(header)) return withoutMeta(file, opts, traffordLabSource(file));
  if (header.includes('area') || header.includes('period') || header.includes('indicator'))
    return withoutMeta(file, opts, tidyCsvSource(file, opts));
  throw new ValidationError(`${file.name}: the columns are not a shape we read`, [{ line: 1, reason: `expected ${SHAPES}` }]);
}

function withoutMeta(file: SubmittedFile, opts: { meta?: SubmittedFile }, source: ObservationSource): ObservationSource {
  if (!opts.meta) return source;
  throw new ValidationError(`${file.name} does not take a metadata file`, [
    { field: 'meta', value: opts.meta.name, reason: 'only the Trafford ward indicators file is read with a metadata file' },
  ]);
}
