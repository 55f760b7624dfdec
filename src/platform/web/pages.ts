/**
 * The page shell for a Fastify app: the view environment, the layout's fixed content (service
 * name, navigation, footer attribution), security headers and static assets, and `render`.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { assetVersion, registerAssets, staticPath } from './assets.ts';
import { applyPageSecurity, inlineScriptHashes, pageCspDirectives, registerHelmet, type Directives } from './security.ts';
import { createViewEnvironment, type ViewEnvironment } from './views.ts';

export interface Link {
  href: string;
  text: string;
}

/** What every page's layout shows, whatever the page. */
export interface LayoutOptions {
  serviceName: string;
  navigation: readonly Link[];
  footerLinks: readonly Link[];
  /** Attribution statements the data's licences require, shown in every page's footer. */
  attributions: readonly string[];
}

export interface WebPagesOptions extends LayoutOptions {
  /** Folders of page templates (a module's `web/` folder). */
  viewDirs: readonly string[];
  watchTemplates?: boolean;
}

interface WebPages {
  env: ViewEnvironment;
  layout: LayoutOptions & { staticPath: string };
  /** the Content Security Policy of every page (the layout's inline scripts allowed by hash) */
  csp: Directives;
}

const DECORATOR = 'localVisionPages';

/** Public pages may be cached by browsers and proxies for five minutes. */
export const PUBLIC_PAGE_CACHE = 'public, max-age=300';

/**
 * Sets up pages on `app` (call it on the root instance, once): helmet (applied by `render`, not to
 * the API), /assets/ and /static/<version>/, and the view environment `render` uses.
 */
export async function registerWebPages(app: FastifyInstance, opts: WebPagesOptions): Promise<void> {
  const version = assetVersion();
  await registerHelmet(app);
  await registerAssets(app, version);
  const { viewDirs, watchTemplates, ...layout } = opts;
  const env = createViewEnvironment({ viewDirs, watch: watchTemplates ?? false });
  const layoutContext = { ...layout, staticPath: staticPath(version) };
  // the layout's inline scripts are the same on every page: hash them once for the policy
  const probe = env.render('layout.njk', { ...layoutContext, htmlLang: 'en-GB', pageTitle: '', serviceNavigation: [] });
  const pages: WebPages = { env, layout: layoutContext, csp: pageCspDirectives(inlineScriptHashes(probe)) };
  app.decorate(DECORATOR, pages);
}

export function hasWebPages(reply: FastifyReply): boolean {
  return reply.server.hasDecorator(DECORATOR);
}

export interface RenderOptions {
  /** HTTP status, 200 unless given. Only 200 pages are cacheable. */
  status?: number;
}

/**
 * Renders `template` with the view model and sends it as HTML with the page security headers and
 * caching headers. A page may not add inline scripts of its own: the policy allows only the layout's.
 */
export function render(reply: FastifyReply, template: string, viewModel: object, opts: RenderOptions = {}): FastifyReply {
  const pages = reply.server.getDecorator<WebPages>(DECORATOR);
  const status = opts.status ?? 200;
  applyPageSecurity(reply, pages.csp);
  const currentPath = reply.request.url.split('?')[0] ?? '/';
  const html = pages.env.render(template, {
    ...pages.layout,
    htmlLang: 'en-GB',
    currentPath,
    serviceNavigation: pages.layout.navigation.map((link) => ({ ...link, current: link.href === currentPath })),
    ...viewModel,
  });
  return reply
    .code(status)
    .header('cache-control', status === 200 ? PUBLIC_PAGE_CACHE : 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}
