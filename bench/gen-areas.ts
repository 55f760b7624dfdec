/**
 * A synthetic England: 1 country, 9 regions, ~350 councils (counties with their districts, unitaries,
 * metropolitan districts, London boroughs), ~9,000 wards and ~33,000 LSOAs (with an IMD rank) under the
 * lower-tier councils. Counts of councils scale with √scale, wards and LSOAs with scale.
 */
import { Rng } from './prng.ts';

export type SynthAreaType =
  'country' | 'region' | 'county' | 'district' | 'unitary' | 'metropolitan_district' | 'london_borough' | 'ward' | 'lsoa';

export interface SynthArea {
  code: string;
  name: string;
  type: SynthAreaType;
  parents: string[];
  population: number;
  imdRank: number | null;
  /** latent "how well this place does" (not written; drives the figures) */
  z: number;
}

export interface SynthGeography {
  areas: SynthArea[];
  country: SynthArea;
  regions: SynthArea[];
  counties: SynthArea[];
  /** districts, unitaries, metropolitan districts, London boroughs: the councils with wards and LSOAs */
  lowerTier: SynthArea[];
  wards: SynthArea[];
  lsoas: SynthArea[];
  /** wards and LSOAs of each lower-tier council */
  wardsOf: Map<string, SynthArea[]>;
  lsoasOf: Map<string, SynthArea[]>;
  /** districts of each county */
  districtsOf: Map<string, SynthArea[]>;
}

export const COUNCIL_TYPES = ['county', 'district', 'unitary', 'metropolitan_district', 'london_borough'] as const;

const REGION_NAMES = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];
// councils per region at full scale (roughly England in 2013: 27 counties, 201 districts, 55 unitaries, 36 met, 33 London)
const FULL = {
  county: [0, 2, 1, 5, 3, 6, 0, 7, 3],
  unitary: [7, 8, 6, 4, 4, 6, 0, 11, 9],
  metropolitan_district: [5, 15, 9, 0, 7, 0, 0, 0, 0],
  london_borough: [0, 0, 0, 0, 0, 0, 33, 0, 0],
};
const FULL_DISTRICTS = 201;
const FULL_WARDS = 9000;
const FULL_LSOAS = 33000;

const FIRST = [
  'Ash',
  'Brad',
  'Cal',
  'Dun',
  'Elm',
  'Fair',
  'Glen',
  'Hart',
  'Ips',
  'Kings',
  'Lang',
  'Mar',
  'Nor',
  'Oak',
  'Pen',
  'Red',
  'Stan',
  'Thorn',
  'Wes',
  'Win',
  'Bar',
  'Chel',
  'Dar',
  'Hal',
];
const LAST = [
  'ford',
  'ley',
  'ton',
  'bury',
  'field',
  'wick',
  'ham',
  'worth',
  'stone',
  'by',
  'mouth',
  'dale',
  'chester',
  'minster',
];
const WARD_WORDS = [
  'Central',
  'North',
  'South',
  'East',
  'West',
  'Park',
  'Village',
  'Hill',
  'Green',
  'Moor',
  'Bridge',
  'Castle',
  'Abbey',
  'Heath',
];

/** Split total into parts proportional to weights (largest remainder), each at least min. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const free = total - min * weights.length;
  const raw = weights.map((w) => (sum === 0 ? 0 : (w / sum) * Math.max(0, free)));
  const out = raw.map((r) => Math.floor(r) + min);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = raw.map((r, i) => ({ i, f: r - Math.floor(r) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (let j = 0; left > 0 && order.length > 0; j = (j + 1) % order.length, left--) out[order[j]!.i]!++;
  return out;
}

function code(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(9 - prefix.length, '0')}`;
}

export function generateGeography(scale: number, seed: number): SynthGeography {
  const rng = new Rng(seed, 1);
  const k = Math.min(1, Math.sqrt(scale));
  const scaled = (perRegion: number[]): number[] => {
    const full = perRegion.reduce((s, n) => s + n, 0);
    return apportion(Math.max(1, Math.round(full * k)), perRegion);
  };
  const name = () => `${rng.pick(FIRST)}${rng.pick(LAST)}`;
  const areas: SynthArea[] = [];
  const add = (a: Omit<SynthArea, 'z'>, z = rng.normal()): SynthArea => {
    const area = { ...a, z };
    areas.push(area);
    return area;
  };

  const country = add({ code: 'E92000001', name: 'England', type: 'country', parents: [], population: 0, imdRank: null }, 0);
  const regions = REGION_NAMES.map((n, i) =>
    add({ code: code('E12', i + 1), name: n, type: 'region', parents: [country.code], population: 0, imdRank: null }, 0),
  );

  const counties: SynthArea[] = [];
  const lowerTier: SynthArea[] = [];
  const districtsOf = new Map<string, SynthArea[]>();
  const counters = { E10: 0, E07: 0, E06: 0, E08: 0, E09: 0 };
  const next = (p: keyof typeof counters) => code(p, ++counters[p]);

  const countyCounts = scaled(FULL.county);
  const nCounties = countyCounts.reduce((s, n) => s + n, 0);
  const districtCounts = apportion(
    Math.max(2 * nCounties, Math.round(FULL_DISTRICTS * k)),
    Array.from({ length: nCounties }, () => 0.5 + rng.next()),
    2,
  );
  let countyIndex = 0;
  regions.forEach((region, r) => {
    for (let c = 0; c < countyCounts[r]!; c++) {
      const county = add({
        code: next('E10'),
        name: `${name()}shire`,
        type: 'county',
        parents: [region.code],
        population: 0,
        imdRank: null,
      });
      counties.push(county);
      const districts: SynthArea[] = [];
      for (let d = 0; d < districtCounts[countyIndex]!; d++) {
        districts.push(
          add(
            { code: next('E07'), name: name(), type: 'district', parents: [county.code], population: 0, imdRank: null },
            0.5 * county.z + 0.8 * rng.normal(),
          ),
        );
      }
      districtsOf.set(county.code, districts);
      lowerTier.push(...districts);
      countyIndex++;
    }
  });
  const single: [SynthAreaType, number[], keyof typeof counters, string][] = [
    ['unitary', scaled(FULL.unitary), 'E06', ''],
    ['metropolitan_district', scaled(FULL.metropolitan_district), 'E08', ''],
    ['london_borough', scaled(FULL.london_borough), 'E09', ''],
  ];
  for (const [type, perRegion, prefix] of single) {
    regions.forEach((region, r) => {
      for (let i = 0; i < perRegion[r]!; i++) {
        lowerTier.push(add({ code: next(prefix), name: name(), type, parents: [region.code], population: 0, imdRank: null }));
      }
    });
  }

  // wards and LSOAs under the lower-tier councils, in proportion to a random size
  const sizes = lowerTier.map(() => Math.exp(0.45 * rng.normal()));
  const nWards = Math.max(lowerTier.length, Math.round(FULL_WARDS * scale));
  const nLsoas = Math.max(lowerTier.length, Math.round(FULL_LSOAS * scale));
  const wardCounts = apportion(nWards, sizes, 1);
  const lsoaCounts = apportion(nLsoas, sizes, 1);
  const wards: SynthArea[] = [];
  const lsoas: SynthArea[] = [];
  const wardsOf = new Map<string, SynthArea[]>();
  const lsoasOf = new Map<string, SynthArea[]>();
  let wardNo = 0;
  let lsoaNo = 0;
  lowerTier.forEach((council, i) => {
    const cw: SynthArea[] = [];
    for (let w = 0; w < wardCounts[i]!; w++) {
      const wardName = `${council.name} ${WARD_WORDS[w % WARD_WORDS.length]}${w >= WARD_WORDS.length ? ` ${Math.floor(w / WARD_WORDS.length) + 1}` : ''}`;
      const population = Math.round(7500 * Math.exp(0.35 * rng.normal()));
      cw.push(
        add(
          { code: code('E05', ++wardNo), name: wardName, type: 'ward', parents: [council.code], population, imdRank: null },
          0.7 * council.z + 0.7 * rng.normal(),
        ),
      );
    }
    const cl: SynthArea[] = [];
    for (let l = 0; l < lsoaCounts[i]!; l++) {
      const population = Math.round(1650 * Math.exp(0.15 * rng.normal()));
      const letter = String.fromCharCode(65 + (l % 4));
      const lsoaName = `${council.name} ${String(Math.floor(l / 4) + 1).padStart(3, '0')}${letter}`;
      cl.push(
        add(
          { code: code('E01', ++lsoaNo), name: lsoaName, type: 'lsoa', parents: [council.code], population, imdRank: null },
          0.6 * council.z + 0.8 * rng.normal(),
        ),
      );
    }
    wardsOf.set(council.code, cw);
    lsoasOf.set(council.code, cl);
    wards.push(...cw);
    lsoas.push(...cl);
    council.population = cw.reduce((s, w) => s + w.population, 0);
  });
  // IMD rank: 1 = most deprived, driven by the latent score with noise
  const byDeprivation = lsoas
    .map((l) => ({ l, key: l.z + 0.5 * rng.normal() }))
    .sort((a, b) => a.key - b.key || a.l.code.localeCompare(b.l.code));
  byDeprivation.forEach((x, i) => {
    x.l.imdRank = i + 1;
  });
  for (const county of counties) county.population = (districtsOf.get(county.code) ?? []).reduce((s, d) => s + d.population, 0);
  for (const region of regions) {
    region.population = lowerTier.filter((c) => regionOf(c, counties) === region.code).reduce((s, c) => s + c.population, 0);
  }
  country.population = regions.reduce((s, r) => s + r.population, 0);
  return { areas, country, regions, counties, lowerTier, wards, lsoas, wardsOf, lsoasOf, districtsOf };
}

function regionOf(council: SynthArea, counties: readonly SynthArea[]): string {
  if (council.type !== 'district') return council.parents[0]!;
  return counties.find((c) => c.code === council.parents[0])!.parents[0]!;
}
