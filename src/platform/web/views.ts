/**
 * The Nunjucks environment for server-rendered pages: govuk-frontend's templates and macros,
 * this folder's layout and error pages, and the view folders a module adds. Autoescape is on:
 * every value is HTML-escaped unless a template says otherwise.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';

const require = createRequire(import.meta.url);

/** govuk-frontend's dist folder: templates are named `govuk/template.njk`, `govuk/components/…/macro.njk`. */
export const GOVUK_FRONTEND_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/** The version of govuk-frontend in use (part of the static assets' address). */
export const GOVUK_FRONTEND_VERSION = (require('govuk-frontend/package.json') as { version: string }).version;

/** layout.njk and errors/*.njk */
export const PLATFORM_VIEWS = join(import.meta.dirname, 'views');

export type ViewEnvironment = nunjucks.Environment;

export interface ViewOptions {
  /** Folders of page templates, searched after the platform's own (e.g. a module's `web/`). */
  viewDirs: readonly string[];
  /** Re-read templates on every render (development only). */
  watch?: boolean;
}

export function createViewEnvironment(opts: ViewOptions): ViewEnvironment {
  const loader = new nunjucks.FileSystemLoader([PLATFORM_VIEWS, ...opts.viewDirs, GOVUK_FRONTEND_DIST], {
    noCache: opts.watch ?? false,
  });
  return new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
}
