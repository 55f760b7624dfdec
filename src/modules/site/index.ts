/** site: the public website's pages (start, search, about), composing the modules below. */
export { siteRoutes, SERVICE_NAME } from './routes.ts';
export type { DataSourceAttribution, SiteDeps } from './deps.ts';
export { siteUrls, type SearchParams } from './urls.ts';
