import { describe, expect, it } from 'vitest';
import { sparklineSvg } from './sparkline.ts';
import { accessibleText, parseSvg } from './test-xml.ts';

describe('sparklineSvg', () => {
  it('is a small image with the latest value marked', () => {
    const svg = parseSvg(sparklineSvg({ id: 'spark-1', title: 'Recycling rate trend', values: [60.4, 61.2, null, 58.4] }));
    expect(svg.getAttribute('viewBox')).toBe('0 0 80 20');
    expect(svg.getAttribute('role')).toBe('img');
    expect(accessibleText(svg)).toEqual({ name: 'Recycling rate trend', description: 'From 60.4 to 58.4' });
    const last = svg.querySelector('.lv-sparkline__last');
    expect(Number(last?.getAttribute('cx'))).toBe(77);
  });

  it('leaves a gap for a missing value', () => {
    const d = parseSvg(sparklineSvg({ id: 's', title: 't', values: [1, 2, null, 4, 5] }))
      .querySelector('path')
      ?.getAttribute('d');
    expect(d?.match(/M/g)).toHaveLength(2);
  });

  it.each([
    [[], 'No data'],
    [[null, 3], 'Only one value: 3.0'],
    [[1, null, 2], 'From 1.0 to 2.0'],
  ])('describes %j as "%s"', (values, description) => {
    const svg = parseSvg(sparklineSvg({ id: 's', title: 't', values, format: (v) => v.toFixed(1) }));
    expect(accessibleText(svg).description).toBe(description);
  });

  it('takes a summary of its own', () => {
    const svg = parseSvg(sparklineSvg({ id: 's', title: 't', values: [1, 2], summary: 'Rising & <faster>' }));
    expect(accessibleText(svg).description).toBe('Rising & <faster>');
  });

  it('is hidden from assistive technology when decorative', () => {
    const svg = parseSvg(sparklineSvg({ id: 's', title: 'Trend', values: [1, 2, 3], decorative: true }));
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.getAttribute('focusable')).toBe('false');
    expect(svg.getAttribute('role')).toBeUndefined();
    expect(svg.querySelector('title')).toBeNull();
  });

  it('draws a flat line through the middle when every value is the same', () => {
    const svg = parseSvg(sparklineSvg({ id: 's', title: 't', values: [5, 5, 5] }));
    expect(svg.querySelector('.lv-sparkline__last')?.getAttribute('cy')).toBe('10');
  });
});
