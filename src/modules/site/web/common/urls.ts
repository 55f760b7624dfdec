/** Typed addresses of the figure pages (area, indicator, compare, trend), their CSV downloads and JSON API twins. */
import { siteUrls } from '../../urls.ts';

export interface AreaPageParams {
  childType?: string;
  page?: number;
}

export interface IndicatorPageParams {
  period?: string;
  type?: string;
  q?: string;
  /** the area to outline on the map and mark in the ranked table */
  area?: string;
  page?: number;
}

export interface CompareParams {
  area?: string;
  indicator?: string;
  group?: string;
  codes?: string;
  period?: string;
}

export interface TrendParams {
  area?: string;
  indicator?: string;
}

type QueryValue = string | number | undefined;

/** `path?a=1&b=2`, leaving out empty values (and page 1). */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (name === 'page' && Number(value) <= 1) continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The same address asking for CSV. */
export function csvOf(url: string, extra: Record<string, QueryValue> = {}): string {
  const [path = '', search = ''] = url.split('?');
  const params = Object.fromEntries(new URLSearchParams(search));
  return withQuery(path, { ...params, ...extra, format: 'csv' });
}

export const figureUrls = {
  area: (code: string, params: AreaPageParams = {}): string =>
    withQuery(siteUrls.area(code), { childType: params.childType, page: params.page }),
  indicator: (code: string, params: IndicatorPageParams = {}): string =>
    withQuery(siteUrls.indicator(code), {
      period: params.period,
      type: params.type,
      q: params.q,
      area: params.area,
      page: params.page,
    }),
  compare: (params: CompareParams = {}): string => withQuery('/compare', { ...params }),
  trend: (params: TrendParams = {}): string => withQuery('/trend', { ...params }),
};

/** The JSON API addresses showing the same figures. */
export const apiUrls = {
  profile: (area: string): string => `/api/v1/analysis/profile/${encodeURIComponent(area)}?includeDerived=true`,
  area: (code: string): string => `/api/v1/areas/${encodeURIComponent(code)}`,
  indicator: (code: string): string => `/api/v1/indicators/${encodeURIComponent(code)}`,
  indicatorVersions: (code: string): string => `/api/v1/indicators/${encodeURIComponent(code)}/versions`,
  compareAll: (indicator: string, period: string, areaType: string): string =>
    withQuery('/api/v1/analysis/compare-all', { indicator, period, areaType }),
  rollUp: (indicator: string, period: string, areas: readonly string[]): string =>
    withQuery('/api/v1/analysis/roll-up', { indicator, period, areas: areas.join(',') }),
  compare: (params: CompareParams): string =>
    withQuery('/api/v1/analysis/compare', {
      indicator: params.indicator,
      area: params.area,
      group: params.group,
      codes: params.codes,
      period: params.period,
    }),
  timeSeries: (indicator: string, area: string): string => withQuery('/api/v1/analysis/time-series', { indicator, area }),
};
