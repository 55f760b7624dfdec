import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../platform/files.ts';
import { readLocalAuthorities } from './mysociety-local-authorities.ts';

const HEADER =
  'local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,nation,region,local-authority-type,local-authority-type-name,county-la,combined-authority,former-gss-codes,pop-2020';

const ROWS = {
  TRF: 'TRF,Trafford Metropolitan Borough Council,Trafford,E08000009,1974-04-01,,,England,North West,MD,Metropolitan district,,GMCA,,237579.0',
  GMCA: 'GMCA,Greater Manchester Combined Authority,Greater Manchester,E47000001,2014-04-01,,,England,North West,COMB,Combined authority,,,,2848286.0',
  KEN: 'KEN,Kent County Council,Kent,E10000016,,,,England,South East,CTY,County,,,,1589057.0',
  ASF: 'ASF,Ashford Borough Council,Ashford,E07000105,,,,England,South East,NMD,Non-metropolitan district,KEN,,,131018.0',
  GLA: 'GLA,Greater London Authority,Greater London,E61000001,2005-06-22,,,England,London,SRA,Strategic Regional Authority,,,,9002488.0',
  LND: 'LND,City of London Corporation,City of London,E09000001,2005-06-28,,,England,London,CC,City corporation,,GLA,,10938.0',
  NIRA: 'NIR-A,Derry City Council,Derry,,,2015-03-31,,Northern Ireland,Northern Ireland,NID,NI district,,,,',
  GLG: 'GLG,Glasgow City Council,Glasgow City,S12000049,2005-06-18,,,Scotland,Scotland,SCO,Scottish unitary authority,,,"S12000046,S12000043",635640.0',
  CMA: 'CMA,Cumbria County Council,Cumbria,E10000006,,2023-04-01,"CBD,WAF",England,North West,CTY,County,,,,499781.0',
  CBD: 'CBD,Cumberland Council,Cumberland,E06000063,2023-04-01,,,England,North West,UA,Unitary authority,,,,274396.0',
  WAF: 'WAF,Westmorland and Furness Council,Westmorland and Furness,E06000064,2023-04-01,,,England,North West,UA,Unitary authority,,,,225385.0',
  ALL: 'ALL,Allerdale Borough Council,Allerdale,E07000026,,2023-04-01,CBD,England,North West,NMD,Non-metropolitan district,CMA,,,',
};

/** The rows given, each council once (the first row for a code wins). */
function read(...rows: string[]) {
  const unique = rows.filter((r, i) => rows.findIndex((o) => o.split(',')[0] === r.split(',')[0]) === i);
  return readLocalAuthorities(readCsv({ name: 'las.csv', content: [HEADER, ...unique].join('\n') }));
}

describe('reading mySociety local authorities', () => {
  it.each([
    ['TRF', 'metropolitan_district'],
    ['GMCA', 'combined_authority'],
    ['KEN', 'county'],
    ['ASF', 'district'],
    ['LND', 'london_borough'],
    ['GLG', 'unitary'],
  ] as const)('%s is a %s', (code, type) => {
    const content = read(ROWS[code], ROWS.GMCA, ROWS.KEN, ROWS.GLA);
    expect(content.problems).toEqual([]);
    expect(content.areas.find((a) => a.line === 2)?.facts.type).toBe(type);
  });

  it.each([
    ['TRF', [ROWS.TRF, ROWS.GMCA], ['E12000002', 'E47000001']],
    ['ASF', [ROWS.ASF, ROWS.KEN], ['E10000016', 'E12000008']],
    ['LND', [ROWS.LND, ROWS.GLA], ['E12000007']],
    ['GLG', [ROWS.GLG], ['S92000003']],
  ])('%s has parents %j', (_code, rows, parents) => {
    const content = read(...rows);
    expect(
      content.links
        .filter((l) => l.line === 2)
        .map((l) => l.parentCode)
        .sort(),
    ).toEqual(parents);
  });

  it('adds the countries and regions, regions under England', () => {
    const content = read(ROWS.TRF, ROWS.GMCA);
    expect(content.areas.filter((a) => a.line === 0).map((a) => a.facts.type)).toEqual([
      ...Array(4).fill('country'),
      ...Array(9).fill('region'),
    ]);
    expect(content.links.filter((l) => l.line === 0).every((l) => l.parentCode === 'E92000001')).toBe(true);
  });

  it('reads dates, population and the mySociety code', () => {
    const content = read(ROWS.TRF, ROWS.GMCA);
    const trafford = content.areas.find((a) => a.code === 'E08000009');
    expect(trafford?.facts).toEqual({
      name: 'Trafford',
      type: 'metropolitan_district',
      countryCode: 'E92000001',
      validFrom: '1974-04-01',
      validTo: null,
      population: 237579,
      populationYear: 2020,
    });
    expect(content.identifiers.find((i) => i.areaCode === 'E08000009')).toMatchObject({
      scheme: 'mysociety-la',
      identifier: 'TRF',
    });
  });

  it('skips councils without a GSS code and gives the GLA the London region', () => {
    const content = read(ROWS.NIRA, ROWS.GLA);
    expect(content.skipped).toEqual([{ line: 2, reason: expect.stringContaining('no GSS code') }]);
    expect(content.identifiers).toEqual([
      { line: 3, field: 'local-authority-code', areaCode: 'E12000007', scheme: 'mysociety-la', identifier: 'GLA' },
    ]);
  });

  it('records former codes, splits and mergers as successions, and ends a retired council’s links', () => {
    const content = read(ROWS.CMA, ROWS.CBD, ROWS.WAF, ROWS.ALL, ROWS.GLG);
    expect(content.successions.map((s) => [s.oldCode, s.newCode, s.changeType, s.effectiveDate])).toEqual([
      ['E10000006', 'E06000063', 'split', '2023-04-01'],
      ['E10000006', 'E06000064', 'split', '2023-04-01'],
      ['E07000026', 'E06000063', 'merger', '2023-04-01'],
      ['S12000046', 'S12000049', 'new_code', ''],
      ['S12000043', 'S12000049', 'new_code', ''],
    ]);
    expect(content.links.filter((l) => l.childCode === 'E07000026').map((l) => [l.parentCode, l.validTo])).toEqual([
      ['E12000002', '2023-04-01'],
      ['E10000006', '2023-04-01'],
    ]);
  });

  it.each([
    ['an unknown type', ROWS.KEN.replace(',CTY,', ',XYZ,'), 'local-authority-type', 'XYZ'],
    ['a bad GSS code', ROWS.KEN.replace('E10000016', 'E1000016'), 'gss-code', 'E1000016'],
    ['an unknown region', ROWS.KEN.replace('South East', 'Wessex'), 'region', 'Wessex'],
    ['an unknown county', ROWS.ASF.replace(',KEN,', ',KNT,'), 'county-la', 'KNT'],
    ['a bad date', ROWS.TRF.replace('1974-04-01', '01/04/1974'), 'start-date', '01/04/1974'],
    ['an unknown successor', ROWS.ALL.replace(',CBD,', ',CUM,').replace(',CMA,', ',,'), 'replaced-by', 'CUM'],
  ])('reports %s', (_what, row, field, value) => {
    const content = read(row, ROWS.GMCA, ROWS.KEN, ROWS.CBD);
    expect(content.problems).toEqual([{ line: 2, field, value, reason: expect.any(String) }]);
    expect(content.areas.filter((a) => a.line === 2)).toEqual([]);
  });
});
