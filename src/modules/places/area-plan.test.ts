import { describe, expect, it } from 'vitest';
import type { AreaRow } from '../../platform/db/schema.ts';
import { areaChanges, planAreaChanges, sameSpelling } from './area-plan.ts';
import type { AreaParentRow, PlanInput, RecordedAreaState } from './area-plan.types.ts';
import type { AreaFileContent, AreaRecord, ParentLinkRecord } from './readers/area-file.ts';
import { emptyContent } from './readers/area-file.ts';

const row = (code: string, type: string, more: Partial<AreaRow> = {}): AreaRow => ({
  code,
  name: code,
  type,
  country_code: 'E92000001',
  valid_from: null,
  valid_to: null,
  population: null,
  population_year: null,
  imd_rank: null,
  imd_score: null,
  imd_decile: null,
  source: 'test',
  ...more,
});
const link = (child: string, parent: string, more: Partial<AreaParentRow> = {}): AreaParentRow => ({
  child_code: child,
  parent_code: parent,
  valid_from: '',
  valid_to: null,
  source: 'test',
  ...more,
});
const areaRecord = (line: number, code: string, more: Partial<AreaRecord> = {}): AreaRecord => ({
  line,
  code,
  facts: { name: code, type: 'ward' },
  ...more,
});
const linkRecord = (line: number, child: string, parent: string, more: Partial<ParentLinkRecord> = {}): ParentLinkRecord => ({
  line,
  field: 'parent',
  childCode: child,
  parentCode: parent,
  validFrom: null,
  ...more,
});

const DISTRICT = row('E08000009', 'metropolitan_district');
const OTHER = row('E08000010', 'metropolitan_district');
const NEIGHBOURHOOD = row('N1', 'neighbourhood');

function plan(content: Partial<AreaFileContent>, recorded: Partial<RecordedAreaState>) {
  const input: PlanInput = {
    content: { ...emptyContent('test', 'file', 0), ...content },
    links: content.links ?? [],
    recorded: { areas: new Map(), links: [], identifiers: [], successions: [], ...recorded },
    today: '2025-06-01',
  };
  return planAreaChanges(input);
}

describe('areaChanges', () => {
  it.each([
    ['nothing stated', {}, {}],
    ['the same name', { name: 'W1' }, {}],
    ['a new name', { name: 'Ward One' }, { name: 'Ward One' }],
    ['a cleared population', { population: null }, { population: null }],
    ['a retirement', { validTo: '2023-04-30' }, { valid_to: '2023-04-30' }],
    ['the same rank', { imdRank: 5 }, {}],
  ])('%s', (_what, facts, set) => {
    expect(areaChanges(row('W1', 'ward', { population: 10, imd_rank: 5 }), facts)).toEqual(set);
  });
});

describe('planAreaChanges', () => {
  const areas = new Map([DISTRICT, OTHER, NEIGHBOURHOOD, row('W1', 'ward'), row('W2', 'ward')].map((r) => [r.code, r]));

  it.each([
    [
      'a new area and link',
      [areaRecord(2, 'W3')],
      [linkRecord(2, 'W3', 'E08000009')],
      [],
      { insertAreas: 1, insertLinks: 1 },
      [2],
    ],
    [
      'an unchanged area and link',
      [areaRecord(2, 'W1', { facts: { name: 'W1' } })],
      [linkRecord(2, 'W1', 'E08000009')],
      [link('W1', 'E08000009')],
      {},
      [],
    ],
    [
      'a stated end date',
      [],
      [linkRecord(2, 'W1', 'E08000009', { validTo: '2023-04-30' })],
      [link('W1', 'E08000009')],
      { updateLinks: 1 },
      [2],
    ],
    [
      'an ended link is not reopened by a file that states no dates',
      [],
      [linkRecord(2, 'W1', 'E08000009')],
      [link('W1', 'E08000009', { valid_to: '2023-04-30' })],
      {},
      [],
    ],
    [
      'a district link the file moves',
      [areaRecord(2, 'W1', { facts: {}, parentScope: ['metropolitan_district'] })],
      [linkRecord(2, 'W1', 'E08000010')],
      [link('W1', 'E08000009')],
      { insertLinks: 1, updateLinks: 1 },
      [2],
    ],
    [
      'a neighbourhood link outside the scope stays',
      [areaRecord(2, 'W1', { facts: {}, parentScope: ['metropolitan_district'] })],
      [linkRecord(2, 'W1', 'E08000009')],
      [link('W1', 'E08000009'), link('W1', 'N1')],
      {},
      [],
    ],
    [
      'building blocks replace the old ones',
      [areaRecord(2, 'N1', { facts: {}, childrenComplete: true })],
      [linkRecord(2, 'W2', 'N1')],
      [link('W1', 'N1')],
      { insertLinks: 1, updateLinks: 1 },
      [2],
    ],
  ])('%s', (_what, records, links, recordedLinks, counts, lines) => {
    const p = plan({ areas: records, links }, { areas, links: recordedLinks });
    const sizes = Object.fromEntries(
      Object.entries(p)
        .filter(([, v]) => Array.isArray(v) && v.length > 0)
        .map(([k, v]) => [k, (v as unknown[]).length]),
    );
    expect(sizes).toEqual(counts);
    expect([...p.writtenLines]).toEqual(lines);
  });

  it('ends a link on today’s date', () => {
    const p = plan(
      { areas: [areaRecord(2, 'W1', { facts: {}, parentScope: 'all' })], links: [linkRecord(2, 'W1', 'E08000010')] },
      { areas, links: [link('W1', 'E08000009', { valid_from: '2019-05-01' })] },
    );
    expect(p.updateLinks).toEqual([{ childCode: 'W1', parentCode: 'E08000009', validFrom: '2019-05-01', validTo: '2025-06-01' }]);
  });

  it('uses the default start for a new area only', () => {
    const p = plan(
      { areas: [areaRecord(2, 'W1', { validFromIfNew: '2019-05-01' }), areaRecord(3, 'W9', { validFromIfNew: '2019-05-01' })] },
      { areas },
    );
    expect(p.updateAreas).toEqual([]);
    expect(p.insertAreas.map((a) => [a.code, a.valid_from])).toEqual([['W9', '2019-05-01']]);
  });

  it('retires the wards a complete ward set leaves out', () => {
    const p = plan(
      {
        areas: [areaRecord(2, 'W2')],
        links: [linkRecord(2, 'W2', 'E08000009')],
        retire: { parentCodes: ['E08000009'], type: 'ward', validTo: '2023-04-30' },
      },
      { areas, links: [link('W1', 'E08000009'), link('W2', 'E08000009'), link('N1', 'E08000009')] },
    );
    expect(p.updateAreas).toEqual([{ code: 'W1', set: { valid_to: '2023-04-30' } }]);
    expect(p.updateLinks).toEqual([{ childCode: 'W1', parentCode: 'E08000009', validFrom: '', validTo: '2023-04-30' }]);
  });

  it('keeps one succession per pair, filling in an unknown date', () => {
    const recorded = {
      successions: [{ old_code: 'A', new_code: 'B', change_type: 'new_code', effective_date: '', source: 'x' }],
    };
    const successions = [
      { line: 2, oldCode: 'A', newCode: 'B', changeType: 'new_geo', effectiveDate: '2019-04-01' },
      { line: 3, oldCode: 'A', newCode: 'C', changeType: 'merger', effectiveDate: '2020-04-01' },
      { line: 4, oldCode: 'A', newCode: 'C', changeType: 'merger', effectiveDate: '2020-04-01' },
    ];
    const p = plan({ successions }, recorded);
    expect(p.updateSuccessions).toEqual([
      { old_code: 'A', new_code: 'B', change_type: 'new_code', effective_date: '2019-04-01', source: 'x' },
    ]);
    expect(p.insertSuccessions.map((s) => s.new_code)).toEqual(['C']);
    expect([...p.writtenLines].sort()).toEqual([2, 3]);
  });

  it('moves an identifier to another area and leaves an unchanged one', () => {
    const identifiers = [
      { line: 2, field: 'code', areaCode: 'E08000009', scheme: 's', identifier: 'TRF' },
      { line: 3, field: 'code', areaCode: 'E08000010', scheme: 's', identifier: 'WGN' },
    ];
    const p = plan(
      { identifiers },
      {
        identifiers: [
          { area_code: 'E08000009', scheme: 's', identifier: 'TRF' },
          { area_code: 'E08000001', scheme: 's', identifier: 'WGN' },
        ],
      },
    );
    expect(p.updateIdentifiers).toEqual([{ area_code: 'E08000010', scheme: 's', identifier: 'WGN' }]);
    expect(p.insertIdentifiers).toEqual([]);
  });
});

describe('sameSpelling', () => {
  it.each([
    ['Petersfield St Peters', "Petersfield St Peter's", true],
    ['Benhall and the Reddings', 'Benhall and The Reddings', true],
    ['Ancoats & Beswick', 'Ancoats and Beswick', true],
    ['Altrincham', 'Altrincham East', false],
    ['Altrincham', undefined, false],
  ])('%s / %s: %s', (a, b, same) => {
    expect(sameSpelling(a, b)).toBe(same);
  });

  it('keeps the recorded spelling only when the record asks', () => {
    const areas = new Map([['W1', row('W1', 'ward', { name: "St Peter's" })]]);
    expect(
      plan({ areas: [areaRecord(2, 'W1', { facts: { name: 'St Peters' }, keepNameSpelling: true })] }, { areas }).updateAreas,
    ).toEqual([]);
    expect(plan({ areas: [areaRecord(2, 'W1', { facts: { name: 'St Peters' } })] }, { areas }).updateAreas).toHaveLength(1);
  });
});
