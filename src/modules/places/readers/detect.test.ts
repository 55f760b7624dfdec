import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/errors.ts';
import { readAreaFile } from './detect.ts';

const LA_HEADER =
  'local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,nation,region,local-authority-type,local-authority-type-name,county-la,combined-authority,former-gss-codes,pop-2020';

describe('recognising an area file', () => {
  it.each([
    ['las.csv', `${LA_HEADER}\n`, 'mysociety-local-authorities'],
    ['imd.csv', 'local-authority-code,official-name,la-deprivation-score,la-imd-pop-decile\n', 'mysociety-la-deprivation'],
    ['w.csv', 'FID,WD19CD,WD19NM,LAD19CD,LAD19NM\n', 'ons-ward-lookup-2019'],
    ['w.csv', 'WD22CD,WD22NM,LAD22CD\n', 'ons-ward-lookup-2022'],
    ['l.csv', 'LSOA11CD,LSOA11NM,LAD19CD,LAD19NM,IMD19,FID\n', 'ons-lsoa-imd-2019'],
    ['c.csv', '\uFEFFoldcd,oldnm,newcd,newnm,type,start\n', 'ons-la-changes'],
    ['a.csv', 'code,name,type,parent_codes\n', 'generic-area-csv'],
    ['a.json', '{"areas": []}', 'generic-area-json'],
    [
      'wards.geojson',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"area_code":"E05015239","area_name":"Altrincham","local_authority_area_code":"E08000009"},"geometry":null}]}',
      'ward-geojson',
    ],
  ])('%s with %j is read by %s', (name, content, reader) => {
    expect(readAreaFile({ name, content }).reader).toBe(reader);
  });

  it.each([
    ['x.csv', 'a,b,c\n1,2,3'],
    ['x.json', '{"type":"Topology"}'],
  ])('refuses %s it does not know', (name, content) => {
    expect(() => readAreaFile({ name, content })).toThrow(ValidationError);
  });

  it('names the missing columns of a local authorities file', () => {
    const error = (() => {
      try {
        readAreaFile({ name: 'las.csv', content: 'local-authority-code,gss-code,local-authority-type\n' });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error?.details.map((d) => d.field)).toContain('nice-name');
  });
});
