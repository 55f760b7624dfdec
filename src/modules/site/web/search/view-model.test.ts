import { describe, expect, it } from 'vitest';
import type { Area } from '../../../places/index.ts';
import { indicatorDefinition } from '../../../../../test/support/indicator-factories.ts';
import { AREAS_PER_PAGE, type SearchResults } from './load.ts';
import { areaResultView, emptySearchView, exactMatchesFirst, invalidSearchView, searchResultsView } from './view-model.ts';

function area(code: string, name: string, type: Area['type'], validTo: string | null = null): Area {
  return {
    code,
    name,
    type,
    countryCode: 'E92000001',
    validFrom: null,
    validTo,
    population: null,
    populationYear: null,
    imdRank: null,
    imdScore: null,
    imdDecile: null,
  };
}

const trafford = area('E08000009', 'Trafford', 'metropolitan_district');
const greaterManchester = area('E11000001', 'Greater Manchester', 'metropolitan_county');
const northWest = area('E12000002', 'North West', 'region');

function results(overrides: Partial<SearchResults> = {}): SearchResults {
  return {
    q: 'Trafford',
    page: 1,
    areas: { items: [{ area: trafford, parents: [greaterManchester, northWest] }], total: 1 },
    indicators: { items: [], total: 0 },
    ...overrides,
  };
}

describe('areaResultView', () => {
  it('names the type in plain words, its parents, and links to the area', () => {
    expect(areaResultView({ area: trafford, parents: [greaterManchester, northWest] })).toEqual({
      name: 'Trafford',
      href: '/areas/E08000009',
      code: 'E08000009',
      typeInWords: 'Metropolitan district',
      partOf: 'Part of Greater Manchester and North West',
      retired: undefined,
    });
  });

  it('says when an area is no longer in use', () => {
    const old = areaResultView({ area: area('E07000001', 'Old District', 'district', '2023-04-01'), parents: [] });
    expect(old).toMatchObject({ partOf: undefined, retired: 'No longer in use from 1 April 2023' });
  });
});

describe('searchResultsView', () => {
  it('heads the places and indicators found', () => {
    const view = searchResultsView(
      results({ indicators: { items: [indicatorDefinition({ code: 'NI192', title: 'Household waste recycled' })], total: 1 } }),
    );
    expect(view).toMatchObject({
      state: 'results',
      pageTitle: 'Search results for ‘Trafford’',
      q: 'Trafford',
      areaHeading: '1 place matches ‘Trafford’',
      indicatorHeading: '1 indicator matches ‘Trafford’',
      showIndicators: true,
      rangeSummary: undefined,
      pagination: undefined,
    });
    expect(view.indicators[0]).toMatchObject({ title: 'Household waste recycled', href: '/indicators/NI192', code: 'NI192' });
  });

  it('has a no-results state', () => {
    const view = searchResultsView(results({ q: 'Atlantis', areas: { items: [], total: 0 } }));
    expect(view).toMatchObject({ state: 'none', areas: [], indicators: [], pageTitle: 'Search results for ‘Atlantis’' });
  });

  it('pages through many places, keeping the search in each link', () => {
    const items = Array.from({ length: AREAS_PER_PAGE }, (_, i) => ({
      area: area(`E05${String(i).padStart(6, '0')}`, `Ward ${i}`, 'ward'),
      parents: [],
    }));
    const view = searchResultsView(results({ q: 'Ward', page: 2, areas: { items, total: 53 } }));
    expect(view.areaHeading).toBe('53 places match ‘Ward’');
    expect(view.rangeSummary).toBe('Showing 21 to 40 of 53 places');
    expect(view.showIndicators).toBe(false);
    expect(view.pagination).toMatchObject({ previous: { href: '/search?q=Ward' }, next: { href: '/search?q=Ward&page=3' } });
    expect(view.pagination?.items.map((i) => i.number)).toEqual([1, 2, 3]);
  });
});

describe('exactMatchesFirst', () => {
  it('puts the area named exactly as searched first, keeping the order of the rest', () => {
    const items = ['Old Trafford', 'Trafford', 'Trafford Park'].map((name, i) => ({ area: { name, code: `E0${i}` } }));
    expect(exactMatchesFirst(items, 'trafford').map((i) => i.area.name)).toEqual(['Trafford', 'Old Trafford', 'Trafford Park']);
    expect(exactMatchesFirst(items, 'E02').map((i) => i.area.name)).toEqual(['Trafford Park', 'Old Trafford', 'Trafford']);
  });
});

describe('emptySearchView and invalidSearchView', () => {
  it('asks for a search', () => {
    expect(emptySearchView()).toMatchObject({ state: 'empty', pageTitle: 'Search', q: '', errorSummary: [] });
  });

  it('links each error in the summary to its field and keeps what was typed', () => {
    const view = invalidSearchView('x'.repeat(101), [{ field: 'q', message: 'Too long' }]);
    expect(view).toMatchObject({
      state: 'invalid',
      q: 'x'.repeat(101),
      errorSummary: [{ text: 'Too long', href: '#q' }],
      errorMessage: { text: 'Too long' },
    });
  });
});
