import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../platform/files.ts';
import { readLaDeprivation } from './mysociety-la-deprivation.ts';
import { readLaChanges } from './ons-la-changes.ts';
import { readLsoaImd } from './ons-lsoa-imd.ts';
import { readWardLookup, wardLookupColumns } from './ons-ward-lookup.ts';

const csv = (...lines: string[]) => readCsv({ name: 'f.csv', content: lines.join('\n') });

describe('wardLookupColumns', () => {
  it.each([
    [['FID', 'WD19CD', 'WD19NM', 'LAD19CD', 'LAD19NM'], { ward: 'WD19CD', wardName: 'WD19NM', district: 'LAD19CD', year: 2019 }],
    [['WD23CD', 'WD23NM', 'LAD23CD'], { ward: 'WD23CD', wardName: 'WD23NM', district: 'LAD23CD', year: 2023 }],
    [['WD19CD', 'WD19NM', 'LAD18CD'], undefined],
    [['code', 'name'], undefined],
  ])('%j', (columns, found) => {
    expect(wardLookupColumns(columns)).toEqual(found);
  });
});

describe('reading an ONS ward lookup', () => {
  const HEADER = 'FID,WD19CD,WD19NM,LAD19CD,LAD19NM,CTY19CD,CTY19NM,CED19CD,CED19NM';
  const read = (...rows: string[]) => {
    const table = csv(HEADER, ...rows);
    return readWardLookup(table, wardLookupColumns(table.columns)!, 'wards.csv');
  };

  it('reads a ward and its district, from May of the lookup year', () => {
    const content = read('1,E05010364,Winslow,E07000004,Aylesbury Vale,E10000002,Buckinghamshire,E58000049,Winslow ED');
    expect(content.areas).toEqual([
      {
        line: 2,
        code: 'E05010364',
        facts: { name: 'Winslow', type: 'ward', countryCode: 'E92000001' },
        validFromIfNew: '2019-05-01',
        parentScope: expect.any(Array),
        keepNameSpelling: true,
      },
    ]);
    expect(content.links).toEqual([
      { line: 2, field: 'LAD19CD', childCode: 'E05010364', parentCode: 'E07000004', validFrom: '2019-05-01' },
    ]);
  });

  it.each([
    [
      'a ward repeated for another division is skipped',
      ['1,E05000001,A,E07000001,X,,,E58000001,D1', '2,E05000001,A,E07000001,X,,,E58000002,D2'],
      [],
      1,
    ],
    [
      'a ward in two districts is a problem',
      ['1,E05000001,A,E07000001,X,,,,', '2,E05000001,A,E07000002,Y,,,,'],
      [{ line: 3, field: 'LAD19CD', value: 'E07000002', reason: 'ward E05000001 is in E07000001 on line 2' }],
      0,
    ],
    [
      'a bad ward code is a problem',
      ['1,E5000001,A,E07000001,X,,,,'],
      [{ line: 2, field: 'WD19CD', value: 'E5000001', reason: 'is not a GSS code' }],
      0,
    ],
    [
      'a missing district is a problem',
      ['1,E05000001,A,,X,,,,'],
      [{ line: 2, field: 'LAD19CD', value: '', reason: 'is required' }],
      0,
    ],
  ])('%s', (_what, rows, problems, skipped) => {
    const content = read(...rows);
    expect(content.problems).toEqual(problems);
    expect(content.skipped).toHaveLength(skipped);
  });
});

describe('reading the ONS LSOA IMD lookup', () => {
  const read = (...rows: string[]) => readLsoaImd(csv('LSOA11CD,LSOA11NM,LAD19CD,LAD19NM,IMD19,FID', ...rows));

  it('reads an LSOA with its rank and district', () => {
    const content = read('E01000001,City of London 001A,E09000001,City of London,29199,1');
    expect(content.areas[0]?.facts).toEqual({
      name: 'City of London 001A',
      type: 'lsoa',
      countryCode: 'E92000001',
      imdRank: 29199,
    });
    expect(content.links[0]).toMatchObject({ childCode: 'E01000001', parentCode: 'E09000001', validFrom: null });
  });

  it.each([
    ['E01000001,A,E09000001,X,0,1', 'IMD19', '0'],
    ['E01000001,A,E09000001,X,32845,1', 'IMD19', '32845'],
    ['E01000001,A,E09000001,X,high,1', 'IMD19', 'high'],
    ['W01000001,A,W06000001,X,5,1', 'LSOA11CD', 'W01000001'],
  ])('refuses %s', (row, field, value) => {
    expect(read(row).problems).toEqual([{ line: 2, field, value, reason: expect.any(String) }]);
  });
});

describe('reading mySociety council deprivation', () => {
  const HEADER =
    'local-authority-code,official-name,la-deprivation-score,label,desc,low-deprivation,medium-deprivation,high-deprivation,density,la-imd-pop-quintile,la-imd-pop-decile';

  it('keys the score and decile by the mySociety code', () => {
    const content = readLaDeprivation(csv(HEADER, 'TRF,Trafford,15.1,x,y,0.5,0.3,0.2,2200,4,8'));
    expect(content.identifiedFacts).toEqual([
      {
        line: 2,
        field: 'local-authority-code',
        scheme: 'mysociety-la',
        identifier: 'TRF',
        facts: { imdScore: 15.1, imdDecile: 8 },
      },
    ]);
  });

  it.each([
    ['TRF,Trafford,15.1,x,y,0.5,0.3,0.2,2200,4,11', 'la-imd-pop-decile'],
    ['TRF,Trafford,lots,x,y,0.5,0.3,0.2,2200,4,8', 'la-deprivation-score'],
  ])('refuses %s', (row, field) => {
    expect(readLaDeprivation(csv(HEADER, row)).problems.map((p) => p.field)).toEqual([field]);
  });
});

describe('reading ONS local authority changes', () => {
  const read = (...rows: string[]) => readLaChanges(csv('\uFEFFoldcd,oldnm,newcd,newnm,type,start', ...rows));

  it.each([
    [
      'E07000004,Aylesbury Vale,E06000060,Buckinghamshire,merger,2020',
      'succession',
      { oldCode: 'E07000004', newCode: 'E06000060', changeType: 'merger', effectiveDate: '2020-04-01' },
    ],
    ['S12000015,Fife,S12000047,Fife,new_code,2018', 'succession', { changeType: 'new_code', effectiveDate: '2018-04-01' }],
    ['S12000046,Glasgow City,S12000049,Glasgow City,new_geo,2019', 'succession', { changeType: 'new_geo' }],
    [
      'E06000014,York,E47000012,York and North Yorkshire,new_geo,2024',
      'link',
      { childCode: 'E06000014', parentCode: 'E47000012', validFrom: '2024-04-01', ifKnown: true },
    ],
    ['E10000002,Buckinghamshire,,,termination,2020', 'skipped', { reason: expect.stringContaining('termination') }],
  ])('%s becomes a %s', (row, kind, expected) => {
    const content = read(row);
    expect(content.problems).toEqual([]);
    const found = kind === 'succession' ? content.successions : kind === 'link' ? content.links : content.skipped;
    expect(found).toEqual([expect.objectContaining(expected)]);
  });

  it.each([
    ['E07000004,A,E06000060,B,merge,2020', 'type'],
    ['E07000004,A,E06000060,B,merger,20', 'start'],
    ['E07000004,A,,B,merger,2020', 'newcd'],
  ])('refuses %s', (row, field) => {
    expect(read(row).problems.map((p) => p.field)).toEqual([field]);
  });
});
