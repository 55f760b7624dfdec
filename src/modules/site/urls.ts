/** Typed addresses of the public pages, used by routes, view models and tests alike. */
export interface SearchParams {
  q?: string;
  page?: number;
}

export const siteUrls = {
  start: (): string => '/',
  about: (): string => '/about',
  search(params: SearchParams = {}): string {
    const query = new URLSearchParams();
    if (params.q !== undefined && params.q !== '') query.set('q', params.q);
    if (params.page !== undefined && params.page > 1) query.set('page', String(params.page));
    const text = query.toString();
    return text === '' ? '/search' : `/search?${text}`;
  },
  /** An area's profile (GSS code or local code). */
  area: (code: string): string => `/areas/${encodeURIComponent(code)}`,
  indicator: (code: string): string => `/indicators/${encodeURIComponent(code)}`,
  compare: (): string => '/compare',
};
