import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type ChoroplethOptions, choroplethSvg } from './choropleth.ts';
import { binColours } from './colours.ts';
import { parseTopology, topologyFeatures, validInYear } from './geo.ts';
import { accessibleText, parseSvg } from './test-xml.ts';

const BOUNDARIES = join(import.meta.dirname, '../../../../data/boundaries/ons_uk_topo_2014_2025.json');
const councils = topologyFeatures(parseTopology(readFileSync(BOUNDARIES, 'utf8')), 'ltla', validInYear(2023));
const percent = (v: number) => `${v.toFixed(1)}%`;

/** English councils get a made-up value; the others have none. */
const values = new Map<string, number | null>(
  councils.features.flatMap((f, i) => {
    const code = String(f.properties?.areacd);
    return code.startsWith('E') ? [[code, 20 + ((i * 37) % 50) + (i % 10) / 10] as [string, number]] : [];
  }),
);

function map(overrides: Partial<ChoroplethOptions> = {}): ChoroplethOptions {
  return {
    id: 'recycling-map',
    title: 'Recycling rate by council, 2023/24',
    summary: 'Values range from 20.0% to 69.9%.',
    features: councils,
    values,
    format: percent,
    legendTitle: 'Household waste recycled',
    ...overrides,
  };
}

/** Two squares near Manchester, wound as RFC 7946 says (anticlockwise), one with an awkward name. */
function squares(): FeatureCollection {
  const square = (x: number, y: number) => [
    [
      [x, y],
      [x + 0.1, y],
      [x + 0.1, y + 0.1],
      [x, y + 0.1],
      [x, y],
    ],
  ];
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: 'A1', name: 'Brent & <Harrow>' },
        geometry: { type: 'Polygon', coordinates: square(-2.3, 53.4) },
      },
      {
        type: 'Feature',
        properties: { code: 'B2', name: 'Bury' },
        geometry: { type: 'Polygon', coordinates: square(-2.2, 53.4) },
      },
    ],
  };
}

/** The horizontal extent of path data written as "M x y" then relative "l dx dy …" moves. */
function widthOf(d: string | undefined): number {
  const xs: number[] = [];
  for (const ring of (d ?? '').split('M').filter(Boolean)) {
    const numbers = (ring.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    let x = numbers[0] ?? 0;
    xs.push(x);
    for (let i = 2; i < numbers.length; i += 2) xs.push((x += numbers[i] ?? 0));
  }
  return Math.max(...xs) - Math.min(...xs);
}

describe('choroplethSvg of the councils of 2023 (data/boundaries)', () => {
  const raw = choroplethSvg(map({ highlight: 'E08000009' }));
  const svg = parseSvg(raw);

  it('has the 361 councils of 2023', () => {
    expect(councils.features).toHaveLength(361);
  });

  it('draws every council with its name and value in a title', () => {
    const areas = svg.querySelectorAll('.lv-map__area');
    expect(areas).toHaveLength(361);
    const titles = areas.map((a) => a.querySelector('title')?.text);
    expect(titles).toContain('Trafford: ' + percent(values.get('E08000009') ?? 0));
    expect(titles).toContain('Glasgow City: no data');
    expect(areas.every((a) => (a.getAttribute('d') ?? '').length > 0)).toBe(true);
  });

  it('lists the five bins, "No data" and the outlined council in the legend', () => {
    const rows = svg.querySelectorAll('.lv-map__legend text').map((t) => t.text);
    expect(rows[0]).toBe('Household waste recycled');
    expect(rows.slice(1, 6).every((r) => /^\d+\.\d% to \d+\.\d% \(\d+ areas\)$/.test(r))).toBe(true);
    expect(rows[6]).toBe(`No data (${361 - values.size} areas)`);
    expect(rows[7]).toBe('Outlined: Trafford');
  });

  it('shades each bin in its own colour and hatches the areas with no data', () => {
    const fills = new Set(svg.querySelectorAll('.lv-map__area').map((a) => a.getAttribute('fill')));
    expect(fills).toEqual(new Set([...binColours(5), 'url(#recycling-map-no-data)']));
    expect(svg.querySelector('pattern#recycling-map-no-data')).not.toBeNull();
  });

  it('draws each council at its size (the file is wound as d3 expects)', () => {
    const trafford = svg.querySelector('.lv-map__area[data-code="E08000009"]');
    expect(widthOf(trafford?.getAttribute('d'))).toBeGreaterThan(3);
    expect(widthOf(trafford?.getAttribute('d'))).toBeLessThan(20);
  });

  it('outlines the highlighted council', () => {
    expect(svg.querySelector('.lv-map__highlight')?.getAttribute('data-code')).toBe('E08000009');
  });

  it('is an image, named and described, that scales to its container', () => {
    expect(svg.getAttribute('role')).toBe('img');
    expect(accessibleText(svg)).toEqual({
      name: 'Recycling rate by council, 2023/24',
      description: 'Values range from 20.0% to 69.9%.',
    });
    expect(svg.getAttribute('width')).toBeUndefined();
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 480 \d+$/);
  });

  it('stays well under 300 KB', () => {
    expect(Buffer.byteLength(raw)).toBeLessThan(250_000);
  });

  it('links each area when asked, and is then a group (links in an image would be hidden)', () => {
    const linked = parseSvg(choroplethSvg(map({ hrefOf: (code) => (code.startsWith('E') ? `/areas/${code}` : undefined) })));
    expect(linked.getAttribute('role')).toBe('group');
    const links = linked.querySelectorAll('a.lv-map__link');
    expect(links).toHaveLength(296);
    const trafford = links.find((a) => a.getAttribute('href') === '/areas/E08000009');
    expect(trafford?.querySelector('title')?.text).toMatch(/^Trafford: /);
  });

  it('draws darker for lower values when reversed', () => {
    const reversed = parseSvg(choroplethSvg(map({ reverse: true })));
    const swatches = reversed.querySelectorAll('.lv-map__legend rect').map((r) => r.getAttribute('fill'));
    expect(swatches.slice(0, 5)).toEqual(binColours(5, { reverse: true }));
  });
});

describe('choroplethSvg', () => {
  it('escapes names and draws GeoJSON wound either way', () => {
    const raw = choroplethSvg(map({ features: squares(), values: new Map([['A1', 1]]), legendTitle: 'Score & <rank>' }));
    expect(raw).not.toContain('<Harrow>');
    const svg = parseSvg(raw);
    expect(svg.querySelectorAll('.lv-map__area title').map((t) => t.text)).toEqual(['Brent & <Harrow>: 1.0%', 'Bury: no data']);
    expect(svg.querySelector('.lv-map__legend text')?.text).toBe('Score & <rank>');
    // wound the wrong way for d3, each square would be "the world but the square"
    const widths = svg.querySelectorAll('.lv-map__area').map((a) => widthOf(a.getAttribute('d')));
    for (const w of widths) expect(w).toBeGreaterThan(200);
    for (const w of widths) expect(w).toBeLessThan(250);
  });

  it.each([
    ['one value', [5], ['5.0% (1 area)', 'No data (1 area)']],
    ['no values', [], ['No data (2 areas)']],
    ['tied values', [5, 5], ['5.0% (2 areas)', 'No data (0 areas)']],
  ])('makes only the bins the values need: %s', (_, list, rows) => {
    const v = new Map(list.map((value, i) => [i === 0 ? 'A1' : 'B2', value]));
    const svg = parseSvg(choroplethSvg(map({ features: squares(), values: v })));
    expect(
      svg
        .querySelectorAll('.lv-map__legend text')
        .map((t) => t.text)
        .slice(1),
    ).toEqual(rows);
  });

  it('takes the code and name from accessors', () => {
    const features = squares();
    for (const f of features.features) f.properties = { id: f.properties?.code, label: f.properties?.name };
    const svg = parseSvg(
      choroplethSvg(
        map({
          features,
          values: new Map([['B2', 3]]),
          codeOf: (f) => String(f.properties?.id),
          nameOf: (f) => String(f.properties?.label),
        }),
      ),
    );
    expect(svg.querySelectorAll('.lv-map__area title').map((t) => t.text)).toEqual(['Brent & <Harrow>: no data', 'Bury: 3.0%']);
  });

  it('gives the same output for the same input', () => {
    expect(choroplethSvg(map({ features: squares() }))).toBe(choroplethSvg(map({ features: squares() })));
  });
});
