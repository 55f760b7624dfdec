/**
 * A GeoJSON FeatureCollection of wards with their district (Trafford Data Lab's
 * gm_ward_2023 files: properties area_code, area_name, local_authority_area_code).
 * Such a file is the complete set of wards of each district it names, at the year in its
 * name: a ward of those districts missing from it is retired the day before (never deleted).
 */
import { DISTRICT_TYPES } from '../area.types.ts';
import { countryCodeOf, isGssCode } from '../gss.ts';
import { type AreaFileContent, emptyContent } from './area-file.ts';
import { rowCells } from './values.ts';

export const WARD_PROPERTIES = ['area_code', 'area_name', 'local_authority_area_code'] as const;

interface Feature {
  properties?: Record<string, unknown> | null;
}

export function isWardFeatureCollection(json: unknown): boolean {
  const features = featuresOf(json);
  const first = features?.[0]?.properties;
  return !!first && WARD_PROPERTIES.every((p) => p in first);
}

function featuresOf(json: unknown): Feature[] | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { type, features } = json as { type?: unknown; features?: unknown };
  return type === 'FeatureCollection' && Array.isArray(features) ? (features as Feature[]) : undefined;
}

/** The year in a file name such as gm_ward_2023_super_generalised.geojson. */
export function yearInName(fileName: string): number | undefined {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/.exec(fileName);
  return m ? Number(m[1]) : undefined;
}

export function readWardGeoJson(json: unknown, fileName: string): AreaFileContent {
  const features = featuresOf(json) ?? [];
  const content = emptyContent('ward-geojson', `ward boundaries ${fileName}`, features.length);
  const year = yearInName(fileName);
  const since = year ? `${year}-05-01` : undefined;
  const districts = new Set<string>();
  const seen = new Set<string>();
  features.forEach((feature, i) => {
    const props = feature.properties ?? {};
    const cells = rowCells(
      {
        prefix: `features[${i}].properties.`,
        get: (f) => (props[f] === undefined || props[f] === null ? undefined : String(props[f])),
      },
      content.problems,
    );
    const code = cells.required('area_code');
    const name = cells.required('area_name');
    const district = cells.required('local_authority_area_code');
    checkCodes(cells, code, district, seen);
    if (cells.bad) return;
    seen.add(code);
    districts.add(district);
    const line = i + 1;
    const path = `features[${i}].properties.`;
    content.areas.push({
      line,
      path,
      code,
      facts: { name, type: 'ward', countryCode: countryCodeOf(code) },
      ...(since ? { validFromIfNew: since } : {}),
      parentScope: DISTRICT_TYPES,
      keepNameSpelling: true,
    });
    content.links.push({
      line,
      path,
      field: 'local_authority_area_code',
      childCode: code,
      parentCode: district,
      validFrom: since ?? null,
    });
  });
  if (year && content.problems.length === 0)
    content.retire = { parentCodes: [...districts], type: 'ward', validTo: `${year}-04-30` };
  return content;
}

function checkCodes(
  cells: { fail(field: string, value: unknown, reason: string): void },
  code: string,
  district: string,
  seen: Set<string>,
): void {
  if (code !== '' && !isGssCode(code)) cells.fail('area_code', code, 'is not a GSS code');
  if (seen.has(code)) cells.fail('area_code', code, 'repeats an earlier feature');
  if (district !== '' && !isGssCode(district)) cells.fail('local_authority_area_code', district, 'is not a GSS code');
}
