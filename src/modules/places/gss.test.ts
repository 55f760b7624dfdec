import { describe, expect, it } from 'vitest';
import { countryCodeForName, countryCodeOf, isGssCode, regionCodeForName } from './gss.ts';

describe('countryCodeOf', () => {
  it.each([
    ['E08000009', 'E92000001'],
    ['W05000001', 'W92000004'],
    ['S12000049', 'S92000003'],
    ['N09000002', 'N92000002'],
    ['K02000001', null],
    ['TRF-N01', null],
    ['E0800009', null],
  ])('%s is in %s', (code, country) => {
    expect(countryCodeOf(code)).toBe(country);
  });
});

describe('regionCodeForName', () => {
  it.each([
    ['North West', 'E12000002'],
    ['north-west', 'E12000002'],
    ['Yorkshire and The Humber', 'E12000003'],
    ['Yorkshire & the Humber', 'E12000003'],
    ['East of England', 'E12000006'],
    ['London', 'E12000007'],
    ['Wales', undefined],
    ['', undefined],
  ])('%s is %s', (name, code) => {
    expect(regionCodeForName(name)).toBe(code);
  });
});

describe('countryCodeForName and isGssCode', () => {
  it.each([
    ['England', 'E92000001'],
    ['Northern Ireland', 'N92000002'],
    ['Scotland', 'S92000003'],
    ['Wales', 'W92000004'],
    ['Cornwall', undefined],
  ])('country %s is %s', (name, code) => {
    expect(countryCodeForName(name)).toBe(code);
  });

  it.each([
    ['E05015239', true],
    ['K02000001', true],
    ['e05015239', false],
    ['E050152391', false],
    ['', false],
  ])('%s is a GSS code: %s', (code, yes) => {
    expect(isGssCode(code)).toBe(yes);
  });
});
