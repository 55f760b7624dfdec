import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../platform/files.ts';
import { councilBodyId, readCouncils } from './mysociety-councils.ts';

const HEADER =
  'local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,local-authority-type,local-authority-type-name';
const read = (...rows: string[]) => readCouncils(readCsv({ name: 'las.csv', content: [HEADER, ...rows].join('\n') }));

describe('councilBodyId', () => {
  it.each([
    ['MD', 'Trafford', 'Trafford Metropolitan Borough Council', 'trafford-council'],
    ['CTY', 'Kent', 'Kent County Council', 'kent-county-council'],
    ['CTY', 'Buckinghamshire County', 'Buckinghamshire County Council', 'buckinghamshire-county-council'],
    [
      'NMD',
      "King's Lynn and West Norfolk",
      'Borough Council of Kings Lynn and West Norfolk',
      'king-s-lynn-and-west-norfolk-council',
    ],
    ['COMB', 'Greater Manchester', 'Greater Manchester Combined Authority', 'greater-manchester-combined-authority'],
    ['SRA', 'Greater London', 'Greater London Authority', 'greater-london-authority'],
    [
      'NID',
      'Armagh City, Banbridge and Craigavon',
      'Armagh City, Banbridge and Craigavon Borough Council',
      'armagh-city-banbridge-and-craigavon-council',
    ],
  ])('%s %s is %s', (type, nice, official, id) => {
    expect(councilBodyId(type, nice, official)).toBe(id);
  });
});

describe('reading councils', () => {
  it.each([
    ['TRF,Trafford Metropolitan Borough Council,Trafford,E08000009,1974-04-01,,,MD,Metropolitan district', 'E08000009', 'single'],
    ['KEN,Kent County Council,Kent,E10000016,,,,CTY,County', 'E10000016', 'upper'],
    ['ASF,Ashford Borough Council,Ashford,E07000105,,,,NMD,Non-metropolitan district', 'E07000105', 'lower'],
    [
      'GMCA,Greater Manchester Combined Authority,Greater Manchester,E47000001,2014-04-01,,,COMB,Combined authority',
      'E47000001',
      'combined',
    ],
    [
      'GLA,Greater London Authority,Greater London,E61000001,2005-06-22,,,SRA,Strategic Regional Authority',
      'E12000007',
      'combined',
    ],
  ])('%s governs %s as %s', (row, area, tier) => {
    const content = read(row);
    expect(content.problems).toEqual([]);
    expect(content.bodies[0]?.areas).toEqual([expect.objectContaining({ code: area, role: 'governs', tier })]);
    expect(content.bodies[0]?.areaRoles).toEqual(['governs']);
  });

  it('keeps a council with no GSS code, with no area', () => {
    const content = read('NIR-A,Derry City Council,Derry City,,,2015-03-31,,NID,NI district');
    expect(content.bodies[0]).toMatchObject({ proposedId: 'derry-city-council', areas: [], facts: { validTo: '2015-03-31' } });
  });

  it('names successors by their mySociety code', () => {
    const content = read(
      'AYL,Aylesbury Vale District Council,Aylesbury Vale,E07000004,,2020-03-31,BUC,NMD,Non-metropolitan district',
      'BUC,Buckinghamshire Council,Buckinghamshire,E06000060,2020-04-01,,,UA,Unitary authority',
    );
    expect(content.bodies[0]?.facts.replacedBy).toEqual([{ scheme: 'mysociety-la', identifier: 'BUC' }]);
  });

  it.each([
    ['XYZ,X Council,X,E07000001,,,,ZZZ,Unknown', 'local-authority-type'],
    ['XYZ,X Council,X,E07000001,1/4/74,,,NMD,Non-metropolitan district', 'start-date'],
    ['XYZ,X Council,X,E07000001,,,ABC,NMD,Non-metropolitan district', 'replaced-by'],
    ['XYZ,,X,E07000001,,,,NMD,Non-metropolitan district', 'official-name'],
  ])('refuses %s', (row, field) => {
    const content = read(row);
    expect(content.problems.map((p) => [p.line, p.field])).toEqual([[2, field]]);
    expect(content.bodies).toEqual([]);
  });
});
