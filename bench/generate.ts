/**
 * Writes the benchmark data set: areas, indicator definitions and one tidy observation CSV per
 * indicator (every ward, LSOA and council × 12 financial years). Deterministic for a scale and seed;
 * a complete earlier set with the same manifest is reused.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { generateGeography, type SynthArea, type SynthGeography } from './gen-areas.ts';
import { generateIndicators, indicatorCsvRows, type SynthIndicator } from './gen-indicators.ts';
import { writeAreaFile } from './area-file.ts';
import { Rng } from './prng.ts';

const GENERATOR_VERSION = 4;
export const FIRST_YEAR = 2013;
export const YEARS = 12;
export const OBSERVATION_HEADER = 'indicator,area,period,value,numerator,denominator,sample_size,ci_lower,ci_upper,status';

export interface ObservationFile {
  indicator: string;
  path: string;
  rows: number;
  bytes: number;
}

export interface Dataset {
  dir: string;
  scale: number;
  seed: number;
  /** areas in the places module's import format */
  areaFile: string;
  /** code,name,type,population,imd_rank and child,parent: for DuckDB */
  plainAreaFile: string;
  parentFile: string;
  /** indicator definitions in the indicators module's CSV format, and their generator metadata */
  indicatorFile: string;
  indicatorMetaFile: string;
  observationFiles: ObservationFile[];
  /** period keys (FY2013 …) and labels (2013/14 …), oldest first */
  periods: { key: string; label: string }[];
  counts: Record<string, number>;
  totalRows: number;
  totalBytes: number;
  indicators: SynthIndicator[];
  reused: boolean;
  seconds: number;
}

export function periodList(): { key: string; label: string }[] {
  return Array.from({ length: YEARS }, (_, i) => {
    const y = FIRST_YEAR + i;
    return { key: `FY${y}`, label: `${y}/${String((y + 1) % 100).padStart(2, '0')}` };
  });
}

export function generateDataset(root: string, scale: number, seed: number, log: (s: string) => void): Dataset {
  const started = performance.now();
  const dir = join(root, `data-s${scale}-seed${seed}`);
  const manifestPath = join(dir, 'manifest.json');
  const indicators = generateIndicators(seed);
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Omit<Dataset, 'indicators' | 'reused' | 'seconds'> & {
      version: number;
    };
    if (
      m.version === GENERATOR_VERSION &&
      m.observationFiles.every((f) => existsSync(f.path) && statSync(f.path).size === f.bytes)
    ) {
      log(`Reusing the generated data set in ${dir}`);
      return { ...m, indicators, reused: true, seconds: (performance.now() - started) / 1000 };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'observations'), { recursive: true });
  const geo = generateGeography(scale, seed);
  const base = {
    dir,
    scale,
    seed,
    areaFile: join(dir, 'areas.csv'),
    plainAreaFile: join(dir, 'areas-plain.csv'),
    parentFile: join(dir, 'area-parents.csv'),
    indicatorFile: join(dir, 'indicators.csv'),
    indicatorMetaFile: join(dir, 'indicators-meta.csv'),
  };
  writeAreaFile(base.areaFile, geo.areas);
  writeFileSync(
    base.plainAreaFile,
    stringify(
      geo.areas.map((a) => [a.code, a.name, a.type, a.population, a.imdRank ?? '']),
      { header: true, columns: ['code', 'name', 'type', 'population', 'imd_rank'] },
    ),
  );
  writeFileSync(
    base.parentFile,
    stringify(
      geo.areas.flatMap((a) => a.parents.map((p) => [a.code, p])),
      { header: true, columns: ['child', 'parent'] },
    ),
  );
  writeFileSync(
    base.indicatorFile,
    stringify(indicatorCsvRows(indicators), { header: true, columns: Object.keys(indicatorCsvRows(indicators)[0]!) }),
  );
  writeFileSync(
    base.indicatorMetaFile,
    stringify(
      indicators.map((d) => [d.code, d.kind, d.polarity, d.scale, d.decimalPlaces, d.areaAggregation]),
      { header: true, columns: ['code', 'kind', 'polarity', 'scale', 'decimal_places', 'area_aggregation'] },
    ),
  );
  const periods = periodList();
  const observationFiles: ObservationFile[] = [];
  for (const ind of indicators) {
    const path = join(dir, 'observations', `${ind.code}.csv`);
    const rows = writeObservations(path, geo, ind, periods, seed);
    observationFiles.push({ indicator: ind.code, path, rows, bytes: statSync(path).size });
    if (ind.index % 10 === 0) log(`  generated ${ind.index}/${indicators.length} indicator files`);
  }
  const counts: Record<string, number> = {};
  for (const a of geo.areas) counts[a.type] = (counts[a.type] ?? 0) + 1;
  const manifest = {
    version: GENERATOR_VERSION,
    ...base,
    observationFiles,
    periods,
    counts,
    totalRows: observationFiles.reduce((s, f) => s + f.rows, 0),
    totalBytes: observationFiles.reduce((s, f) => s + f.bytes, 0),
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  return { ...manifest, indicators, reused: false, seconds: (performance.now() - started) / 1000 };
}

/** Buffered line output (one write per ~1 MB). */
class LineWriter {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  line(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length > 0) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  ciLower: number | null;
  ciUpper: number | null;
}

/** what a council's own figure is built from: its wards (ratio: Σnum, Σden; sum: Σvalue; score: Σvalue·pop, Σpop) */
interface Agg {
  a: number;
  b: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r1 = (x: number) => Math.round(x * 10) / 10;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A standard normal fixed for a pair (area, indicator): the area's lasting difference on that indicator. */
function pairNormal(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(b + 0x165667b1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  const u1 = ((h >>> 0) + 1) / 4294967297;
  h = Math.imul(h ^ (h >>> 13), 0x297a2d39);
  const u2 = (h >>> 0) / 4294967296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function figure(ind: SynthIndicator, area: SynthArea, areaNo: number, t: number, rng: Rng): Figure {
  const eff = pairNormal(areaNo, ind.index);
  const none: Figure = { value: null, numerator: null, denominator: null, sampleSize: null, ciLower: null, ciUpper: null };
  switch (ind.kind) {
    case 'percent': {
      const den = Math.max(5, Math.round(area.population * ind.denominatorShare * (1 + 0.01 * t)));
      const p = sigmoid(
        Math.log(ind.base / (1 - ind.base)) + ind.loading * area.z + 0.25 * eff + ind.slope * t + 0.1 * rng.normal(),
      );
      const num = clamp(Math.round(den * p + Math.sqrt(den * p * (1 - p)) * rng.normal()), 0, den);
      const value = r2((num / den) * 100);
      if (!ind.withCi) return { ...none, value, numerator: num, denominator: den };
      const half = 196 * Math.sqrt(Math.max(0.0001, (num / den) * (1 - num / den)) / den);
      return {
        value,
        numerator: num,
        denominator: den,
        sampleSize: den,
        ciLower: r2(clamp(value - half, 0, 100)),
        ciUpper: r2(clamp(value + half, 0, 100)),
      };
    }
    case 'rate': {
      const den = area.population;
      const lambda = (ind.base / 1000) * Math.exp(ind.loading * area.z + 0.2 * eff + ind.slope * t + 0.05 * rng.normal());
      const num = Math.max(0, Math.round(den * lambda + Math.sqrt(den * lambda) * rng.normal()));
      return { ...none, value: r2((num / den) * 1000), numerator: num, denominator: den };
    }
    case 'count': {
      const value = Math.max(
        0,
        Math.round(
          (area.population / 1000) *
            ind.base *
            Math.exp(0.5 * ind.loading * area.z + 0.3 * eff + ind.slope * t + 0.1 * rng.normal()),
        ),
      );
      return { ...none, value };
    }
    case 'money':
      return {
        ...none,
        value: r1(
          area.population * ind.base * Math.exp(0.3 * ind.loading * area.z + 0.2 * eff + ind.slope * t + 0.05 * rng.normal()),
        ),
      };
    case 'score':
    case 'survey': {
      const value = r1(clamp(ind.base + 10 * ind.loading * area.z + 3 * eff + 30 * ind.slope * t + 1.5 * rng.normal(), 0, 100));
      if (ind.kind === 'score') return { ...none, value };
      const n = Math.max(30, Math.round(area.population * 0.01));
      const half = (1.96 * 15) / Math.sqrt(n);
      return {
        ...none,
        value,
        sampleSize: n,
        ciLower: r1(clamp(value - half, 0, 100)),
        ciUpper: r1(clamp(value + half, 0, 100)),
      };
    }
  }
}

function accumulate(ind: SynthIndicator, agg: Agg, f: Figure, population: number): void {
  if (ind.areaAggregation === 'ratio') {
    agg.a += f.numerator ?? 0;
    agg.b += f.denominator ?? 0;
  } else if (ind.areaAggregation === 'sum') {
    agg.a += f.value ?? 0;
  } else if (f.value !== null) {
    agg.a += f.value * population;
    agg.b += population;
  }
}

function fromAgg(ind: SynthIndicator, agg: Agg): Figure {
  const none: Figure = { value: null, numerator: null, denominator: null, sampleSize: null, ciLower: null, ciUpper: null };
  if (ind.areaAggregation === 'ratio')
    return { ...none, value: r2((agg.a / agg.b) * ind.scale), numerator: agg.a, denominator: agg.b };
  if (ind.areaAggregation === 'sum') return { ...none, value: r1(agg.a) };
  return { ...none, value: r1(agg.a / agg.b) };
}

const cell = (v: number | null) => (v === null ? '' : String(v));

function writeObservations(
  path: string,
  geo: SynthGeography,
  ind: SynthIndicator,
  periods: { key: string; label: string }[],
  seed: number,
): number {
  const rng = new Rng(seed, 1000 + ind.index);
  const out = new LineWriter(path);
  const areaNo = new Map(geo.areas.map((a, i) => [a.code, i]));
  let rows = 0;
  out.line(`${OBSERVATION_HEADER}\n`);
  periods.forEach((period, t) => {
    const status = t === periods.length - 1 ? 'provisional' : 'final';
    const write = (area: SynthArea, f: Figure) => {
      out.line(
        `${ind.code},${area.code},${period.label},${cell(f.value)},${cell(f.numerator)},${cell(f.denominator)},${cell(f.sampleSize)},${cell(f.ciLower)},${cell(f.ciUpper)},${status}\n`,
      );
      rows++;
    };
    const councilAgg = new Map<string, Agg>();
    for (const council of geo.lowerTier) {
      const agg: Agg = { a: 0, b: 0 };
      for (const ward of geo.wardsOf.get(council.code) ?? []) {
        const f = figure(ind, ward, areaNo.get(ward.code)!, t, rng);
        accumulate(ind, agg, f, ward.population);
        write(ward, f);
      }
      for (const lsoa of geo.lsoasOf.get(council.code) ?? []) write(lsoa, figure(ind, lsoa, areaNo.get(lsoa.code)!, t, rng));
      councilAgg.set(council.code, agg);
      write(
        council,
        ind.areaAggregation === 'none' ? figure(ind, council, areaNo.get(council.code)!, t, rng) : fromAgg(ind, agg),
      );
    }
    for (const county of geo.counties) {
      const agg: Agg = { a: 0, b: 0 };
      for (const d of geo.districtsOf.get(county.code) ?? []) {
        const da = councilAgg.get(d.code)!;
        agg.a += da.a;
        agg.b += da.b;
      }
      write(county, ind.areaAggregation === 'none' ? figure(ind, county, areaNo.get(county.code)!, t, rng) : fromAgg(ind, agg));
    }
  });
  out.close();
  return rows;
}
