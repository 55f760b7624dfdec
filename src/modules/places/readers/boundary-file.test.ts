import { describe, expect, it } from 'vitest';
import { boundaryIdFromName, commonType, inspectBoundaryFile } from './boundary-file.ts';
import { readWardGeoJson, yearInName } from './ward-geojson.ts';

const feature = (code: string, geometry: unknown = { type: 'Polygon', coordinates: [] }) => ({
  type: 'Feature',
  properties: { area_code: code },
  geometry,
});

describe('inspecting a boundary file', () => {
  it.each([
    [
      'GeoJSON wards',
      { type: 'FeatureCollection', features: [feature('E05015239'), feature('E05015240')] },
      { format: 'geojson', featureCount: 2, areaType: 'ward' },
    ],
    [
      'GeoJSON of mixed areas',
      { type: 'FeatureCollection', features: [feature('E05015239'), feature('E08000009')] },
      { format: 'geojson', areaType: null },
    ],
    [
      'a null geometry',
      { type: 'FeatureCollection', features: [feature('E01000001', null)] },
      { featureCount: 1, areaType: 'lsoa' },
    ],
    [
      'TopoJSON',
      {
        type: 'Topology',
        arcs: [],
        objects: { rgn: { type: 'GeometryCollection', geometries: [{}, {}] }, uk: { type: 'Polygon' } },
      },
      { format: 'topojson', featureCount: 3 },
    ],
  ])('accepts %s', (_what, json, info) => {
    const found = inspectBoundaryFile(json);
    expect(found.ok && found.info).toMatchObject(info);
  });

  it.each([
    ['an array', [], ''],
    ['a Feature', { type: 'Feature' }, 'type'],
    ['features missing', { type: 'FeatureCollection' }, 'features'],
    [
      'a bad geometry',
      { type: 'FeatureCollection', features: [feature('E05015239', { type: 'Circle', coordinates: [] })] },
      'features[0].geometry',
    ],
    ['a Topology without objects', { type: 'Topology', arcs: [], objects: {} }, 'objects'],
    ['a Topology without arcs', { type: 'Topology', objects: { a: { type: 'Polygon' } } }, 'arcs'],
  ])('refuses %s', (_what, json, field) => {
    const found = inspectBoundaryFile(json);
    expect(found.ok ? [] : found.problems.map((p) => p.field)).toEqual([field]);
  });

  it.each([
    [['E05000001', 'W05000001'], 'ward'],
    [['E12000001'], 'region'],
    [['E02000001'], null],
    [[undefined], null],
    [[], null],
  ])('commonType(%j) is %s', (codes, type) => {
    expect(commonType(codes)).toBe(type);
  });

  it.each([
    ['trafford_lab_gm_ward_2023_super_generalised.geojson', 'trafford-lab-gm-ward-2023-super-generalised'],
    ['data/boundaries/UK Topo.json', 'uk-topo'],
    ['wards.topojson', 'wards'],
  ])('boundaryIdFromName(%s) is %s', (name, id) => {
    expect(boundaryIdFromName(name)).toBe(id);
  });
});

describe('reading wards from GeoJSON', () => {
  it.each([
    ['gm_ward_2023_super_generalised.geojson', 2023],
    ['wards-1999.json', 1999],
    ['wards20230.json', undefined],
    ['wards.json', undefined],
  ])('yearInName(%s) is %s', (name, year) => {
    expect(yearInName(name)).toBe(year);
  });

  it('reads wards with their district and retires the districts’ other wards', () => {
    const json = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { area_code: 'E05015239', area_name: 'Altrincham', local_authority_area_code: 'E08000009' },
        },
      ],
    };
    const content = readWardGeoJson(json, 'gm_ward_2023.geojson');
    expect(content.areas).toEqual([
      expect.objectContaining({ code: 'E05015239', path: 'features[0].properties.', validFromIfNew: '2023-05-01' }),
    ]);
    expect(content.links).toEqual([
      expect.objectContaining({ childCode: 'E05015239', parentCode: 'E08000009', validFrom: '2023-05-01' }),
    ]);
    expect(content.retire).toEqual({ parentCodes: ['E08000009'], type: 'ward', validTo: '2023-04-30' });
  });

  it('names a bad feature by its path and retires nothing', () => {
    const json = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { area_code: 'E05015239', area_name: 'Altrincham', local_authority_area_code: 'Trafford' },
        },
      ],
    };
    const content = readWardGeoJson(json, 'gm_ward_2023.geojson');
    expect(content.problems).toEqual([
      { field: 'features[0].properties.local_authority_area_code', value: 'Trafford', reason: 'is not a GSS code' },
    ]);
    expect(content.retire).toBeUndefined();
  });
});
