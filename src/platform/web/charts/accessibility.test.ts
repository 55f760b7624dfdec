/**
 * What every chart owes its readers: a name and a description, text that can be read (4.5:1 against
 * the background), lines and marks that can be seen (3:1), and map colours that still differ in
 * greyscale (lightness that rises steadily from bin to bin).
 */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { choroplethSvg } from './choropleth.ts';
import {
  AXIS,
  BACKGROUND,
  NO_DATA_HATCH,
  SERIES_STYLES,
  TARGET_STYLE,
  binColours,
  contrastRatio,
  parseRgb,
  relativeLuminance,
} from './colours.ts';
import { lineChartSvg } from './line-chart.ts';
import { sparklineSvg } from './sparkline.ts';
import { accessibleText, parseSvg } from './test-xml.ts';

const square: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: 'A', name: 'A' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [0, 1],
            [1, 1],
            [1, 0],
            [0, 0],
          ],
        ],
      },
    },
  ],
};

const CHARTS: [string, string][] = [
  [
    'line chart',
    lineChartSvg({
      id: 'line',
      title: 'Title',
      summary: 'Summary',
      yLabel: 'Rate',
      format: String,
      categories: ['a', 'b', 'c'],
      series: [
        { name: 'One', values: [1, 2, 3], lower: [0, 1, 2], upper: [2, 3, 4] },
        { name: 'Two', values: [2, null, 1] },
      ],
      target: { label: 'Target', values: [3, 3, 3] },
    }),
  ],
  ['sparkline', sparklineSvg({ id: 'spark', title: 'Title', values: [1, 2, 3], summary: 'Summary' })],
  [
    'map',
    choroplethSvg({
      id: 'map',
      title: 'Title',
      summary: 'Summary',
      features: square,
      values: new Map([['A', 1]]),
      format: String,
      legendTitle: 'Legend',
      highlight: 'A',
    }),
  ],
];

describe.each(CHARTS)('the %s', (_, raw) => {
  const svg = parseSvg(raw);

  it('is named by its title and described by its summary', () => {
    expect(accessibleText(svg)).toEqual({ name: 'Title', description: 'Summary' });
  });

  it('draws all text in colours with at least 4.5:1 contrast against the background', () => {
    const fills = [...svg.querySelectorAll('text'), ...svg.querySelectorAll('tspan')].map(
      (t) => t.getAttribute('fill') ?? '#000000',
    );
    for (const fill of fills) expect(contrastRatio(fill, BACKGROUND), fill).toBeGreaterThanOrEqual(4.5);
  });

  it('uses no inline styles, which the Content-Security-Policy of pages would block', () => {
    expect(raw).not.toMatch(/\sstyle=|<style/);
  });

  it('has no fixed width, so it scales down to a 320px screen', () => {
    expect(svg.getAttribute('width')).toBeUndefined();
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+(\.\d)? \d+(\.\d)?$/);
  });
});

describe('colours', () => {
  it.each([...SERIES_STYLES.map((s) => s.colour), TARGET_STYLE.colour, AXIS, NO_DATA_HATCH])(
    'line colour %s has at least 3:1 contrast against the background',
    (colour) => {
      expect(contrastRatio(colour, BACKGROUND)).toBeGreaterThanOrEqual(3);
    },
  );

  it('gives each series a dash pattern or marker unlike its neighbours, for greyscale', () => {
    const looks = SERIES_STYLES.map((s) => `${s.dash}|${s.marker}`);
    expect(new Set(looks).size).toBe(looks.length);
  });

  it.each([2, 3, 5, 7, 9])('%i map bins get lighter to darker, evenly enough to tell apart in greyscale', (n) => {
    const lightness = binColours(n).map(relativeLuminance);
    for (let i = 1; i < n; i++) expect(lightness[i]!).toBeLessThan(lightness[i - 1]!);
    expect(binColours(n, { reverse: true })).toEqual([...binColours(n)].reverse());
  });

  it.each([
    ['#0b0c0c', '#ffffff', 19.6],
    ['#505a5f', '#ffffff', 7.07],
    ['#ffffff', '#ffffff', 1],
    ['rgb(0, 0, 0)', '#fff', 21],
  ])('contrast of %s on %s is %f', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseRgb('red')).toThrow('Not a colour: red');
  });
});
