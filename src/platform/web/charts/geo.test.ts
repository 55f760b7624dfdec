import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geojsonFeatures, parseTopology, topologyFeatures, topologyObjectNames, validInYear } from './geo.ts';

const BOUNDARIES = join(import.meta.dirname, '../../../../data/boundaries');
const topology = parseTopology(readFileSync(join(BOUNDARIES, 'ons_uk_topo_2014_2025.json'), 'utf8'));

const feature = (properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry: null as never });

describe('topologyFeatures', () => {
  it('lists the layers of the ONS file', () => {
    expect(topologyObjectNames(topology)).toEqual(['cauth', 'ctry', 'cty', 'ltla', 'mcty', 'rgn', 'uk', 'utla']);
  });

  it.each([
    ['ltla', 2018, 391],
    ['ltla', 2019, 382],
    ['ltla', 2023, 361],
    ['utla', 2023, 218],
    ['rgn', 2023, 12],
  ])('finds the %s areas valid in %i: %i', (layer, year, count) => {
    expect(topologyFeatures(topology, layer, validInYear(year)).features).toHaveLength(count);
  });

  it('gives every feature its code and name', () => {
    const first = topologyFeatures(topology, 'rgn').features[0];
    expect(first?.properties).toEqual({ areacd: 'E12000001', areanm: 'North East' });
    expect(first?.geometry?.type).toMatch(/Polygon$/);
  });

  it('names the layers it has when asked for one it has not', () => {
    expect(() => topologyFeatures(topology, 'wards')).toThrow('The topology has no object "wards"; it has cauth, ctry');
  });
});

describe('validInYear', () => {
  it.each([
    [{}, 2023, true],
    [{ end: 2018 }, 2018, true],
    [{ end: 2018 }, 2019, false],
    [{ start: 2019 }, 2018, false],
    [{ start: 2019 }, 2019, true],
    [{ start: 2019, end: 2022 }, 2023, false],
    [{ start: '2019' }, 2020, true],
  ])('%j in %i: %s', (properties, year, valid) => {
    expect(validInYear(year)(feature(properties))).toBe(valid);
  });
});

describe('parseTopology', () => {
  it.each([['{"type": "FeatureCollection", "features": []}'], ['[]'], ['{"type": "Topology", "objects": {}}']])(
    'refuses %s',
    (text) => {
      expect(() => parseTopology(text)).toThrow('Not a TopoJSON topology');
    },
  );
});

describe('geojsonFeatures', () => {
  it('reads the Trafford wards file', () => {
    const wards = geojsonFeatures(readFileSync(join(BOUNDARIES, 'trafford_lab_trafford_ward_2023_generalised.geojson'), 'utf8'));
    expect(wards.features).toHaveLength(21);
    expect(wards.features[0]?.properties?.area_name).toBe('Altrincham');
  });

  it.each([
    ['a feature', '{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [0, 0]}}', 1],
    ['a bare geometry', '{"type": "Point", "coordinates": [0, 0]}', 1],
    ['an empty collection', '{"type": "FeatureCollection", "features": []}', 0],
  ])('wraps %s in a collection', (_, text, count) => {
    expect(geojsonFeatures(text)).toMatchObject({ type: 'FeatureCollection', features: { length: count } });
  });

  it.each([
    ['{"type": "Topology"}', 'unknown type "Topology"'],
    ['{"type": "FeatureCollection"}', 'needs a "features" list'],
    ['"text"', 'expected an object'],
  ])('refuses %s', (text, message) => {
    expect(() => geojsonFeatures(text)).toThrow(message);
  });
});
