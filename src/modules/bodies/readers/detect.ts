/** Recognises a bodies file by its header (CSV) or shape (JSON). */
import { ValidationError } from '../../../platform/errors.ts';
import { type SubmittedFile, isJsonFile, readCsv, readJson } from '../../../platform/files.ts';
import type { BodyFileContent } from './body-file.ts';
import { isGenericBodyCsv, isGenericBodyJson, readGenericBodyCsv, readGenericBodyJson } from './generic-bodies.ts';
import { COUNCIL_COLUMNS, isLocalAuthoritiesFile, readCouncils } from './mysociety-councils.ts';

export function readBodyFile(file: SubmittedFile): BodyFileContent {
  if (isJsonFile(file)) {
    const json = readJson(file);
    if (isGenericBodyJson(json)) return readGenericBodyJson(json, file.name);
    throw new ValidationError(`${file.name} is not a recognised bodies file`, [
      { reason: 'expected {"bodies": [...]} in the bodies format (see the bodies README)' },
    ]);
  }
  const table = readCsv(file);
  if (isLocalAuthoritiesFile(table.columns)) {
    const missing = COUNCIL_COLUMNS.filter((c) => !table.columns.includes(c));
    if (missing.length > 0)
      throw new ValidationError(
        `${file.name} is missing required columns`,
        missing.map((c) => ({ line: 1, field: c, reason: 'required column is missing from the header' })),
      );
    return readCouncils(table);
  }
  if (isGenericBodyCsv(table.columns)) return readGenericBodyCsv(table, file.name);
  throw new ValidationError(`${file.name} is not a recognised bodies file`, [
    {
      line: 1,
      value: table.columns.join(','),
      reason:
        'expected mySociety local authorities (local-authority-code, gss-code, local-authority-type, …) or the bodies format (id, name, kind, …)',
    },
  ]);
}
