import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../platform/files.ts';
import { readGenericAreaCsv, readGenericAreaJson } from './generic-areas.ts';
import { writeGenericAreaCsv, writeGenericAreaJson, type ExportedArea } from './generic-areas-writer.ts';

const readText = (text: string) => readGenericAreaCsv(readCsv({ name: 'a.csv', content: text }), 'a.csv');

describe('reading the area format', () => {
  it.each([
    ['only the required columns', 'code,name,type\nTRF-N1,North,neighbourhood', { name: 'North', type: 'neighbourhood' }],
    [
      'a GSS code gives its country',
      'code,name,type\nE05015239,Altrincham,ward',
      { name: 'Altrincham', type: 'ward', countryCode: 'E92000001' },
    ],
    [
      'empty cells clear values',
      'code,name,type,valid_to,population\nX1,X,neighbourhood,,',
      { name: 'X', type: 'neighbourhood', validTo: null, population: null },
    ],
    [
      'every optional column',
      'code,name,type,valid_from,valid_to,population,population_year,country_code,imd_rank,imd_score,imd_decile\nX1,X,ward,2020-05-07,2024-05-01,5000,2021,E92000001,12,30.5,1',
      {
        name: 'X',
        type: 'ward',
        validFrom: '2020-05-07',
        validTo: '2024-05-01',
        population: 5000,
        populationYear: 2021,
        countryCode: 'E92000001',
        imdRank: 12,
        imdScore: 30.5,
        imdDecile: 1,
      },
    ],
  ])('%s', (_what, text, facts) => {
    const content = readText(text);
    expect(content.problems).toEqual([]);
    expect(content.areas[0]?.facts).toEqual(facts);
  });

  it('turns parent codes and building blocks into links, complete for that area', () => {
    const content = readText('code,name,type,parent_codes,building_blocks\nN1,North,neighbourhood,E08000009,E05015245;E05015252');
    expect(content.areas[0]).toMatchObject({ parentScope: 'all', childrenComplete: true });
    expect(content.links.map((l) => [l.childCode, l.parentCode, l.field])).toEqual([
      ['N1', 'E08000009', 'parent_codes'],
      ['E05015245', 'N1', 'building_blocks'],
      ['E05015252', 'N1', 'building_blocks'],
    ]);
  });

  it.each([
    ['code,name,type\nN1,North,estate', 'type', 'estate'],
    ['code,name,type\nN 1,North,neighbourhood', 'code', 'N 1'],
    ['code,name,type\nN1,,neighbourhood', 'name', ''],
    ['code,name,type,parent_codes\nN1,North,neighbourhood,N1', 'parent_codes', 'N1'],
    ['code,name,type,valid_from,valid_to\nN1,North,neighbourhood,2024-01-01,2023-01-01', 'valid_to', '2023-01-01'],
    ['code,name,type,country_code\nN1,North,neighbourhood,E12000002', 'country_code', 'E12000002'],
    ['code,name,type,imd_decile\nN1,North,neighbourhood,0', 'imd_decile', '0'],
  ])('refuses %j', (text, field, value) => {
    expect(readText(text).problems).toEqual([{ line: 2, field, value, reason: expect.any(String) }]);
  });

  it('refuses a repeated code', () => {
    expect(readText('code,name,type\nN1,A,neighbourhood\nN1,B,neighbourhood').problems).toEqual([
      { line: 3, field: 'code', value: 'N1', reason: 'repeats entry 2' },
    ]);
  });

  it('reads JSON entries like CSV rows, naming entries by path', () => {
    const content = readGenericAreaJson(
      {
        areas: [
          { code: 'N1', name: 'North', type: 'neighbourhood', parent_codes: ['E08000009'], population: 100, valid_to: null },
          { code: 'N2', type: 'neighbourhood' },
        ],
      },
      'a.json',
    );
    expect(content.areas[0]).toMatchObject({ code: 'N1', path: 'areas[0].', facts: { population: 100, validTo: null } });
    expect(content.links[0]).toMatchObject({ childCode: 'N1', parentCode: 'E08000009' });
    expect(content.problems).toEqual([{ field: 'areas[1].name', value: '', reason: 'is required' }]);
  });
});

describe('writing the area format', () => {
  const area: ExportedArea = {
    code: 'N1',
    name: 'North, Trafford',
    type: 'neighbourhood',
    countryCode: null,
    validFrom: '2024-04-01',
    validTo: null,
    population: 100,
    populationYear: 2022,
    imdRank: null,
    imdScore: 12.345678901234567,
    imdDecile: null,
    parentCodes: ['E08000009'],
    buildingBlocks: ['E05015245', 'E05015252'],
  };

  it('writes CSV the reader reads back to the same facts', () => {
    const csv = writeGenericAreaCsv([area]);
    expect(csv.split('\n')[1]).toBe(
      'N1,"North, Trafford",neighbourhood,E08000009,E05015245;E05015252,2024-04-01,,100,2022,,,12.345678901234567,',
    );
    const back = readText(csv);
    expect(back.areas[0]?.facts).toEqual({
      name: 'North, Trafford',
      type: 'neighbourhood',
      validFrom: '2024-04-01',
      validTo: null,
      population: 100,
      populationYear: 2022,
      countryCode: null,
      imdRank: null,
      imdScore: 12.345678901234567,
      imdDecile: null,
    });
    expect(back.links).toHaveLength(3);
  });

  it('writes JSON the reader reads back', () => {
    const back = readGenericAreaJson(JSON.parse(writeGenericAreaJson([area])), 'a.json');
    expect(back.problems).toEqual([]);
    expect(back.areas[0]?.facts.imdScore).toBe(12.345678901234567);
  });
});
