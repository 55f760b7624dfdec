import { describe, expect, it } from 'vitest';
import { aboutPageView, footerAttributions, licenceLink } from './view-model.ts';

const ogl = 'Open Government Licence v3.0';
const sources = [
  {
    title: 'Boundaries',
    files: ['data/boundaries/a.json'],
    publisher: 'ONS',
    licence: ogl,
    attribution: 'Contains OS data © Crown copyright and database right.',
  },
  {
    title: 'Councils',
    files: ['data/areas/b.csv'],
    publisher: 'mySociety',
    licence: 'CC BY 4.0',
    attribution: 'Names © mySociety, CC BY 4.0.',
  },
  {
    title: 'Wards',
    files: ['data/areas/c.csv'],
    publisher: 'ONS',
    licence: ogl,
    attribution: 'Contains OS data © Crown copyright and database right.',
  },
  { title: 'Local', files: [], publisher: 'A council', licence: 'Own terms', attribution: '' },
];

describe('aboutPageView', () => {
  it('shows every source with its publisher, licence (linked when known) and attribution', () => {
    const view = aboutPageView(sources, new Date('2025-06-01T09:00:00Z'));
    expect(view.sources).toHaveLength(4);
    expect(view.sources[0]).toEqual({
      title: 'Boundaries',
      publisher: 'ONS',
      licence: { text: ogl, href: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
      attribution: 'Contains OS data © Crown copyright and database right.',
      files: ['data/boundaries/a.json'],
    });
    expect(view.sources[3]?.licence).toEqual({ text: 'Own terms', href: undefined });
  });

  it('states the Ordnance Survey copyright with the current year', () => {
    expect(aboutPageView([], new Date('2026-01-02T00:00:00Z')).osStatement).toContain(
      'Contains OS data © Crown copyright and database right 2026',
    );
  });
});

describe('licenceLink', () => {
  it.each([
    [ogl, 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'],
    ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['All rights reserved', undefined],
  ])('%s', (licence, href) => {
    expect(licenceLink(licence)).toBe(href);
  });
});

describe('footerAttributions', () => {
  it('lists each statement once, leaving out empty ones', () => {
    expect(footerAttributions(sources)).toEqual([
      'Contains OS data © Crown copyright and database right.',
      'Names © mySociety, CC BY 4.0.',
    ]);
  });
});
