import { describe, expect, it } from 'vitest';
import { type LineChartOptions, lineChartSvg } from './line-chart.ts';
import { accessibleText, parseSvg } from './test-xml.ts';

const percent = (v: number) => `${v.toFixed(1)}%`;
const PERIODS = ['2015/16', '2016/17', '2017/18', '2018/19', '2019/20'];

function chart(overrides: Partial<LineChartOptions> = {}): LineChartOptions {
  return {
    id: 'recycling',
    title: 'Recycling rate in Trafford',
    summary: 'Recycling rate in Trafford fell from 60.4% in 2015/16 to 58.4% in 2019/20',
    yLabel: 'Household waste recycled',
    format: percent,
    categories: PERIODS,
    series: [{ name: 'Trafford', values: [60.4, 61.2, 62, 59.1, 58.4] }],
    ...overrides,
  };
}

const draw = (overrides: Partial<LineChartOptions> = {}) => parseSvg(lineChartSvg(chart(overrides)));
const moves = (d: string | undefined) => (d ?? '').match(/M/g)?.length ?? 0;

describe('lineChartSvg', () => {
  it('is an image named by its title and described by its summary', () => {
    const svg = draw();
    expect(svg.getAttribute('role')).toBe('img');
    expect(accessibleText(svg)).toEqual({
      name: 'Recycling rate in Trafford',
      description: 'Recycling rate in Trafford fell from 60.4% in 2015/16 to 58.4% in 2019/20',
    });
  });

  it('scales with its container: a viewBox, no fixed width or height', () => {
    const svg = draw();
    expect(svg.getAttribute('viewBox')).toBe('0 0 560 320');
    expect(svg.getAttribute('preserveAspectRatio')).toBe('xMidYMid meet');
    expect(svg.getAttribute('width')).toBeUndefined();
    expect(svg.getAttribute('height')).toBeUndefined();
    expect(svg.classList.contains('lv-chart')).toBe(true);
  });

  it('labels the value axis with ticks written by the format', () => {
    const svg = draw();
    const ticks = svg.querySelectorAll('.lv-chart__y-axis text').map((t) => t.text);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^\d+\.\d%$/);
    expect(svg.querySelector('.lv-chart__axis-label')?.text).toBe('Household waste recycled');
  });

  it('labels the latest period always, and thins labels that would overlap', () => {
    const categories = Array.from({ length: 20 }, (_, i) => `${2004 + i}/${String(5 + i).padStart(2, '0')}`);
    const labels = draw({ categories, series: [{ name: 'A', values: categories.map((_, i) => i) }] })
      .querySelectorAll('.lv-chart__x-axis text')
      .map((t) => t.text);
    expect(labels.length).toBeLessThan(20);
    expect(labels.at(-1)).toBe(categories.at(-1));
    expect(
      draw()
        .querySelectorAll('.lv-chart__x-axis text')
        .map((t) => t.text),
    ).toEqual(PERIODS);
  });

  it.each([
    ['no gap', [1, 2, 3, 4, 5], 1, 5],
    ['a gap in the middle', [1, 2, null, 4, 5], 2, 4],
    ['two gaps', [1, null, 3, null, 5], 3, 3],
    ['missing at the ends', [null, 2, 3, 4, null], 1, 3],
  ])('leaves a gap where a value is missing: %s', (_, values, lines, points) => {
    const series = draw({ series: [{ name: 'A', values }] }).querySelector('.lv-chart__series');
    expect(moves(series?.querySelector('path')?.getAttribute('d'))).toBe(lines);
    expect(series?.querySelectorAll('title')).toHaveLength(points);
  });

  it('gives each point a tooltip with the series, period, value and interval', () => {
    const svg = draw({ series: [{ name: 'Trafford', values: [1, 2, 3, 4, 5], lower: [0, 1, 2, 3, 4], upper: [2, 3, 4, 5, 6] }] });
    expect(svg.querySelectorAll('.lv-chart__series title').map((t) => t.text)[1]).toBe('Trafford, 2016/17: 2.0% (1.0% to 3.0%)');
  });

  it.each([
    ['no interval', {}, 0],
    ['an interval', { lower: [58, 59, 60, 57, 56], upper: [62, 63, 64, 61, 60] }, 1],
    ['a lower end only', { lower: [58, 59, 60, 57, 56] }, 0],
  ])('draws a shaded band only when both ends are given: %s', (_, ends, bands) => {
    const svg = draw({ series: [{ name: 'Trafford', values: [60.4, 61.2, 62, 59.1, 58.4], ...ends }] });
    expect(svg.querySelectorAll('.lv-chart__band')).toHaveLength(bands);
  });

  it('draws a dotted target line with its label only when there is a target', () => {
    expect(draw().querySelector('.lv-chart__target')).toBeNull();
    const target = draw({ target: { label: 'Target 65%', values: [null, null, 65, 65, 65] } }).querySelector('.lv-chart__target');
    expect(target?.querySelector('path')?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(target?.querySelector('text')?.text).toBe('Target 65%');
  });

  it('shows a lone target value as a short level mark', () => {
    const d = draw({ target: { label: 'Target', values: [null, null, 65, null, null] } })
      .querySelector('.lv-chart__target path')
      ?.getAttribute('d');
    expect(d).toMatch(/h32$/);
  });

  it('has a legend only when there is more than one series or a band to explain', () => {
    expect(draw().querySelector('.lv-chart__legend')).toBeNull();
    const two = draw({
      series: [
        { name: 'Trafford', values: [1, 2, 3, 4, 5], emphasis: true },
        { name: 'England', values: [2, 3, 4, 5, 6] },
      ],
      target: { label: 'Target', values: [5, 5, 5, 5, 5] },
    });
    expect(two.querySelectorAll('.lv-chart__legend text').map((t) => t.text)).toEqual(['Trafford', 'England', 'Target']);
    const band = draw({ series: [{ name: 'A', values: [1, 2, 3, 4, 5], lower: [0, 1, 2, 3, 4], upper: [2, 3, 4, 5, 6] }] });
    expect(band.querySelectorAll('.lv-chart__legend text').map((t) => t.text)).toEqual(['Confidence interval']);
  });

  it('draws the emphasised series last, so it is on top', () => {
    const svg = draw({
      series: [
        { name: 'Trafford', values: [1, 2, 3, 4, 5], emphasis: true },
        { name: 'England', values: [2, 3, 4, 5, 6] },
      ],
    });
    expect(svg.querySelectorAll('.lv-chart__series').map((g) => g.getAttribute('data-series'))).toEqual(['England', 'Trafford']);
  });

  it.each([
    [false, [58, 62], '57.0%'],
    [true, [58, 62], '0.0%'],
    [false, [0.5, 100], '0.0%'],
  ])('with includeZero %s, values %j start the axis at %s', (includeZero, values, lowest) => {
    const ticks = draw({ includeZero, categories: ['a', 'b'], series: [{ name: 'A', values }] })
      .querySelectorAll('.lv-chart__y-axis text')
      .map((t) => t.text);
    expect(ticks[0]).toBe(lowest);
  });

  it('says "No data" when no series has a value', () => {
    const svg = draw({ series: [{ name: 'A', values: [null, null, null, null, null] }] });
    expect(svg.querySelectorAll('text').some((t) => t.text === 'No data')).toBe(true);
  });

  it('escapes names, labels and titles', () => {
    const nasty = 'Brent & <Harrow> "quoted"';
    const raw = lineChartSvg(
      chart({
        title: nasty,
        summary: nasty,
        yLabel: nasty,
        categories: ['<a>', '&b', 'c', 'd', 'e'],
        series: [
          { name: nasty, values: [1, 2, 3, 4, 5] },
          { name: 'B', values: [1, 2, 3, 4, 5] },
        ],
        target: { label: nasty, values: [1, 1, 1, 1, 1] },
      }),
    );
    expect(raw).not.toContain('<Harrow>');
    const svg = parseSvg(raw);
    expect(accessibleText(svg).name).toBe(nasty);
    expect(svg.querySelector('.lv-chart__legend text')?.text).toBe(nasty);
    expect(svg.querySelector('.lv-chart__series title')?.text).toBe(`${nasty}, <a>: 1.0%`);
  });

  it('gives the same output for the same input', () => {
    expect(lineChartSvg(chart())).toBe(lineChartSvg(chart()));
  });

  it.each([
    ['a series with too few values', { series: [{ name: 'A', values: [1, 2] }] }, 'A has 2 values for 5 periods'],
    ['a target with too many values', { target: { label: 'T', values: [1, 2, 3, 4, 5, 6] } }, 'T has 6 values for 5 periods'],
    ['an id that is not a name', { id: '1 bad' }, 'Chart id must start with a letter'],
  ])('refuses %s', (_, overrides, message) => {
    expect(() => lineChartSvg(chart(overrides))).toThrow(message);
  });
});
