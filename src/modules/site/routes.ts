/**
 * The public website's pages, registered at the root of the HTTP app (not under /api/v1).
 * Sets up the page shell (views, security headers, static assets) on `app` itself, then the pages
 * in their own encapsulated context, whose errors become GOV.UK-style error pages.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pageError, registerPageCache, registerWebPages } from '../../platform/web/index.ts';
import type { SiteDeps } from './deps.ts';
import { siteUrls } from './urls.ts';
import { aboutRoutes } from './web/about/routes.ts';
import { areaRoutes } from './web/area/routes.ts';
import { indicatorRoutes } from './web/indicator/routes.ts';
import { compareRoutes } from './web/compare/routes.ts';
import { trendRoutes } from './web/trend/routes.ts';
import { footerAttributions } from './web/about/view-model.ts';
import { searchRoutes } from './web/search/routes.ts';
import { startRoutes } from './web/start/routes.ts';

export const SERVICE_NAME = 'Local Vision';

const WEB_DIR = join(import.meta.dirname, 'web');

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  await registerWebPages(app, {
    serviceName: SERVICE_NAME,
    navigation: [
      { href: siteUrls.search(), text: 'Search' },
      { href: siteUrls.compare(), text: 'Compare' },
      { href: '/plans', text: 'Plans' },
      { href: '/cases', text: 'Cases' },
      { href: '/risk', text: 'Risk' },
      { href: siteUrls.about(), text: 'About the data' },
    ],
    footerLinks: [
      { href: siteUrls.about(), text: 'About Local Vision and its data sources' },
      { href: '/api/docs', text: 'Open data API' },
    ],
    attributions: footerAttributions(deps.sources),
    viewDirs: [WEB_DIR, ...(deps.moduleViewDirs ?? [])],
    watchTemplates: deps.watchTemplates ?? false,
    viewerOf: deps.viewerOf,
    signInUrl: deps.signInUrl,
  });
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));
    if (deps.dataVersion && deps.pageCacheBytes)
      registerPageCache(pages, { version: deps.dataVersion, maxBytes: deps.pageCacheBytes });
    startRoutes(pages, deps);
    searchRoutes(pages, deps);
    aboutRoutes(pages, deps);
    areaRoutes(pages, deps);
    indicatorRoutes(pages, deps);
    compareRoutes(pages, deps);
    trendRoutes(pages, deps);
  });
}
