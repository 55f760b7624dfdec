/** The generated areas in the places module's generic area CSV format (src/modules/places/README.md). */
import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { SynthArea } from './gen-areas.ts';

export function writeAreaFile(path: string, areas: readonly SynthArea[]): void {
  const lsoas = areas.filter((a) => a.imdRank !== null).length;
  const rows = areas.map((a) => [
    a.code,
    a.name,
    a.type,
    a.parents.join(';'),
    a.population,
    2021,
    a.imdRank ?? '',
    a.imdRank === null ? '' : Math.min(10, Math.ceil((a.imdRank / lsoas) * 10)),
  ]);
  writeFileSync(
    path,
    stringify(rows, {
      header: true,
      columns: ['code', 'name', 'type', 'parent_codes', 'population', 'population_year', 'imd_rank', 'imd_decile'],
    }),
  );
}
