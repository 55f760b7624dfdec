/**
 * The page shell for a Fastify app: the view environment, the layout's fixed content (service
 * name, navigation, footer attribution), security headers and static assets, and `render`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assetVersion, registerAssets, staticPath } from './assets.ts';
import { signInAddress } from './return-to.ts';
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

/** A page of the signed-in person's work: listed on their account page, and in the header when `inHeader`. */
export interface ViewerLink extends Link {
  inHeader?: boolean;
}

/** The signed-in person a page is shown to, for the header's name, account link and sign-out button. */
export interface PageViewer {
  name: string;
  accountUrl: string;
  signOutUrl: string;
  /** the sign-out form's CSRF token */
  csrfToken: string;
  /** the pages of their work (their submissions, say), as their roles allow */
  links?: readonly ViewerLink[];
}

/** The name of the hidden field that carries a form's CSRF token. */
export const CSRF_FIELD = '_csrf';

export interface WebPagesOptions extends LayoutOptions {
  /** Folders of page templates (each module's `web/` folder). */
  viewDirs: readonly string[];
  watchTemplates?: boolean;
  /**
   * Who is signed in on this request, or null. A page shown to someone signed in is personal:
   * it is never cached (`Cache-Control: private, no-store`).
   */
  viewerOf?: (request: FastifyRequest) => PageViewer | null;
  /** The sign-in page: the header links to it, and a page that needs a signed-in person redirects there. */
  signInUrl?: string;
}

interface WebPages {
  env: ViewEnvironment;
  layout: LayoutOptions & { staticPath: string; csrfFieldName: string };
  /** the Content Security Policy of every page (the layout's inline scripts allowed by hash) */
  csp: Directives;
  viewerOf: (request: FastifyRequest) => PageViewer | null;
  signInUrl: string | undefined;
}

const DECORATOR = 'localVisionPages';

/** Public pages may be cached by browsers and proxies for five minutes. */
export const PUBLIC_PAGE_CACHE = 'public, max-age=300';
/**
 * A page's header differs once someone signs in (their name, sign out): a browser must not show the
 * copy it kept while signed out, so pages vary by cookie as well as by encoding.
 */
export const PAGE_VARY = 'accept-encoding, cookie';
/** Pages for one person (signed in, or holding a form's token) are kept by nobody. */
export const PERSONAL_PAGE_CACHE = 'private, no-store';

/**
 * Sets up pages on `app` (call it on the root instance, once): helmet (applied by `render`, not to
 * the API), /assets/ and /static/<version>/, and the view environment `render` uses.
 */
export async function registerWebPages(app: FastifyInstance, opts: WebPagesOptions): Promise<void> {
  const version = assetVersion();
  await registerHelmet(app);
  await registerAssets(app, version);
  const { viewDirs, watchTemplates, viewerOf, signInUrl, ...layout } = opts;
  const env = createViewEnvironment({ viewDirs, watch: watchTemplates ?? false });
  const layoutContext = { ...layout, staticPath: staticPath(version), csrfFieldName: CSRF_FIELD };
  // the layout's inline scripts are the same on every page: hash them once for the policy
  const probe = env.render('layout.njk', { ...layoutContext, htmlLang: 'en-GB', pageTitle: '', serviceNavigation: [] });
  const pages: WebPages = {
    env,
    layout: layoutContext,
    csp: pageCspDirectives(inlineScriptHashes(probe)),
    viewerOf: viewerOf ?? (() => null),
    signInUrl,
  };
  app.decorate(DECORATOR, pages);
}

/** The sign-in page's address, returning to `returnTo`; undefined when no sign-in page is registered. */
export function signInUrlFor(reply: FastifyReply, returnTo: string | undefined): string | undefined {
  const { signInUrl } = reply.server.getDecorator<WebPages>(DECORATOR);
  return signInUrl === undefined ? undefined : signInAddress(signInUrl, returnTo);
}

export function hasWebPages(reply: FastifyReply): boolean {
  return reply.server.hasDecorator(DECORATOR);
}

export interface RenderOptions {
  /** HTTP status, 200 unless given. Only 200 pages are cacheable. */
  status?: number;
  /** The page is for this request only (it holds a form's token): never cached. */
  personal?: boolean;
}

/**
 * The header's link to sign in: back to this page afterwards, unless it is a form or one of the
 * pages beside the sign-in page (forgotten password and the like).
 */
function signInLink(pages: WebPages, request: FastifyRequest): string | undefined {
  const { signInUrl } = pages;
  if (signInUrl === undefined) return undefined;
  const beside = signInUrl.slice(0, signInUrl.lastIndexOf('/') + 1);
  const here = request.method === 'GET' && !request.url.startsWith(beside) ? request.url : undefined;
  return signInAddress(signInUrl, here);
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
  const viewer = pages.viewerOf(reply.request);
  const html = pages.env.render(template, {
    ...pages.layout,
    htmlLang: 'en-GB',
    currentPath,
    serviceNavigation: pages.layout.navigation.map((link) => ({ ...link, current: link.href === currentPath })),
    viewer,
    signInLink: viewer ? undefined : signInLink(pages, reply.request),
    ...viewModel,
  });
  const cacheControl = viewer || opts.personal ? PERSONAL_PAGE_CACHE : status === 200 ? PUBLIC_PAGE_CACHE : 'no-store';
  return reply
    .code(status)
    .header('cache-control', cacheControl)
    .header('vary', PAGE_VARY)
    .type('text/html; charset=utf-8')
    .send(html);
}
