/** Every page type of the public site, with the demo data's real codes, and the status each answers with. */
export interface PageType {
  name: string;
  path: string;
  status: number;
}

const TOO_LONG_QUERY = 'x'.repeat(300);

export const PAGE_TYPES: readonly PageType[] = [
  { name: 'start page', path: '/', status: 200 },
  { name: 'search results for Trafford', path: '/search?q=Trafford', status: 200 },
  { name: 'search with no results', path: '/search?q=Nowhereshire', status: 200 },
  { name: 'search with an over-long query (form error)', path: `/search?q=${TOO_LONG_QUERY}`, status: 400 },
  { name: 'about the data', path: '/about', status: 200 },
  { name: 'area profile: council (Trafford)', path: '/areas/E08000009', status: 200 },
  { name: 'area profile: ward (E05015239)', path: '/areas/E05015239', status: 200 },
  { name: 'area profile: council with LSOAs (Manchester)', path: '/areas/E08000003', status: 200 },
  { name: "area profile: Trafford's LSOAs, page 2", path: '/areas/E08000009?childType=lsoa&page=2', status: 200 },
  { name: 'area profile: LSOA (Trafford 001A)', path: '/areas/E01006109', status: 200 },
  { name: 'indicator NI192', path: '/indicators/NI192', status: 200 },
  {
    name: 'compare: Trafford, NI192, nearest neighbours',
    path: '/compare?area=E08000009&indicator=NI192&group=nearest',
    status: 200,
  },
  { name: 'compare: Trafford, no indicator', path: '/compare?area=E08000009', status: 200 },
  { name: 'compare: empty form', path: '/compare', status: 200 },
  { name: 'compare: unknown area (form error)', path: '/compare?area=NOPE', status: 400 },
  { name: 'trend: Trafford, NI192', path: '/trend?area=E08000009&indicator=NI192', status: 200 },
  { name: 'trend: nothing chosen (form error)', path: '/trend', status: 400 },
  { name: 'collection rounds of Trafford Council', path: '/bodies/trafford-council/collection', status: 200 },
  { name: 'overdue figures', path: '/data/overdue', status: 200 },
  { name: 'page not found', path: '/no-such-page', status: 404 },
];
