/**
 * A choropleth map: areas shaded by quantile bin of their value, hatched where there is no value,
 * with a legend below. Each area's `<title>` gives its name and value; with `hrefOf` each area is a
 * link. It is meant to sit beside a table of the same values, its accessible alternative.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { quantileBins } from './bins.ts';
import { BACKGROUND, BORDER, NO_DATA_FILL, NO_DATA_HATCH, TEXT, binColours } from './colours.ts';
import { projectedMap } from './map-geometry.ts';
import { mapLegend, mapLegendHeight } from './map-legend.ts';
import { attrs, escapeXml, svgDocument } from './svg.ts';

export interface ChoroplethOptions {
  id: string;
  title: string;
  summary: string;
  /** WGS84 longitude/latitude boundaries */
  features: FeatureCollection;
  /** value by area code; a missing code or null is "no data" */
  values: ReadonlyMap<string, number | null>;
  format: (value: number) => string;
  legendTitle: string;
  /** the area's code and name; by default `properties.areacd`/`areanm` (ONS), else `code`/`name` */
  codeOf?: (feature: Feature) => string;
  nameOf?: (feature: Feature) => string;
  /** the code of an area to outline */
  highlight?: string;
  /** a link for an area, if it has one */
  hrefOf?: (code: string) => string | undefined;
  /** number of quantile bins (default 5); fewer are drawn when values are few or tied */
  bins?: number;
  /** darker means lower (by default darker means higher): set it when lower is better, so darker always means better */
  reverse?: boolean;
  /** viewBox width (default 480); the height follows the shape of the areas */
  width?: number;
}

interface Area {
  code: string;
  name: string;
  value: number | null;
  path: string;
}

export function choroplethSvg(opts: ChoroplethOptions): string {
  const map = projectedMap(opts.features, opts.width ?? 480);
  const areas = areasOf(opts, map.paths);
  const known = areas.flatMap((a) => (a.value === null ? [] : [a.value]));
  const binning = quantileBins(known, opts.bins ?? 5);
  const colours = binning.bins.length > 0 ? binColours(binning.bins.length, { reverse: opts.reverse ?? false }) : [];
  const noData = `url(#${opts.id}-no-data)`;
  const fillOf = (a: Area) => (a.value === null ? noData : (colours[binning.binOf(a.value)] ?? noData));
  const highlighted = areas.find((a) => a.code === opts.highlight);
  const legendInput = {
    title: opts.legendTitle,
    bins: binning.bins,
    colours,
    format: opts.format,
    noDataCount: areas.length - known.length,
    noDataFill: noData,
    highlightName: highlighted?.name,
  };
  const height = map.height + 12 + mapLegendHeight(legendInput);
  const links = opts.hrefOf !== undefined;
  const body = [
    `<defs>${noDataPattern(`${opts.id}-no-data`)}</defs>`,
    `<rect${attrs({ width: map.width, height, fill: BACKGROUND })}/>`,
    `<g${attrs({ class: 'lv-map__areas', stroke: BORDER, 'stroke-width': 0.5, 'stroke-linejoin': 'round' })}>`,
    ...areas.map((a) => areaSvg(a, fillOf(a), opts)),
    '</g>',
    highlighted ? outline(highlighted) : '',
    mapLegend(legendInput, 8, map.height + 12),
  ];
  return svgDocument(
    {
      id: opts.id,
      title: opts.title,
      summary: opts.summary,
      width: map.width,
      height,
      className: 'lv-map',
      role: links ? 'group' : 'img',
    },
    body.join(''),
  );
}

function areasOf(opts: ChoroplethOptions, paths: (string | null)[]): Area[] {
  const codeOf = opts.codeOf ?? defaultCode;
  const nameOf = opts.nameOf ?? defaultName;
  return opts.features.features.flatMap((f, i) => {
    const path = paths[i];
    if (!path) return [];
    const code = codeOf(f);
    const value = opts.values.get(code);
    return [
      { code, name: nameOf(f), value: value === undefined || value === null || !Number.isFinite(value) ? null : value, path },
    ];
  });
}

function defaultCode(f: Feature): string {
  const code = f.properties?.areacd ?? f.properties?.code ?? f.id;
  if (code === undefined || code === null || code === '') throw new Error('A feature has no code: give codeOf');
  return String(code);
}

function defaultName(f: Feature): string {
  const name = f.properties?.areanm ?? f.properties?.name;
  return name === undefined || name === null ? defaultCode(f) : String(name);
}

function areaSvg(area: Area, fill: string, opts: ChoroplethOptions): string {
  const tip = `<title>${escapeXml(`${area.name}: ${area.value === null ? 'no data' : opts.format(area.value)}`)}</title>`;
  const href = opts.hrefOf?.(area.code);
  const path = attrs({ class: 'lv-map__area', d: area.path, fill, 'data-code': area.code });
  if (href === undefined) return `<path${path}>${tip}</path>`;
  return `<a${attrs({ class: 'lv-map__link', href })}>${tip}<path${path}/></a>`;
}

/** A white halo under a dark line, so the outline shows on the darkest and the lightest fills. */
function outline(area: Area): string {
  const common = { d: area.path, fill: 'none', 'stroke-linejoin': 'round', 'pointer-events': 'none' };
  return (
    `<g class="lv-map__highlight" data-code="${escapeXml(area.code)}">` +
    `<path${attrs({ ...common, stroke: BACKGROUND, 'stroke-width': 4.5 })}/>` +
    `<path${attrs({ ...common, stroke: TEXT, 'stroke-width': 2 })}/></g>`
  );
}

function noDataPattern(id: string): string {
  return (
    `<pattern${attrs({ id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' })}>` +
    `<rect${attrs({ width: 6, height: 6, fill: NO_DATA_FILL })}/>` +
    `<line${attrs({ x1: 0, y1: 0, x2: 0, y2: 6, stroke: NO_DATA_HATCH, 'stroke-width': 2 })}/></pattern>`
  );
}
