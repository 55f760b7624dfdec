/**
 * Static files for pages. govuk-frontend's fonts and images at /assets/ (the address its CSS uses);
 * its compiled CSS and JS and our own small files at /static/<version>/, where the version changes
 * whenever any of them changes, so they can be cached for a year.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { CHARTS_STYLESHEET_PATH } from './charts/stylesheet.ts';
import { GOVUK_FRONTEND_DIST, GOVUK_FRONTEND_VERSION } from './views.ts';

const OUR_STATIC = join(import.meta.dirname, 'static');
const GOVUK_DIR = join(GOVUK_FRONTEND_DIST, 'govuk');
const GOVUK_FILES = [
  'govuk-frontend.min.css',
  'govuk-frontend.min.css.map',
  'govuk-frontend.min.js',
  'govuk-frontend.min.js.map',
];

/** The charts' own stylesheet (sizing and focus styles for the SVG charts and maps), served beside ours. */
const CHARTS_DIR = dirname(CHARTS_STYLESHEET_PATH);
const CHARTS_FILES = [basename(CHARTS_STYLESHEET_PATH)];

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;
const ONE_WEEK_MS = 7 * 24 * 3600 * 1000;

/** A short hash of govuk-frontend's version and our static files, computed once. */
export function assetVersion(): string {
  const hash = createHash('sha256').update(GOVUK_FRONTEND_VERSION);
  for (const name of readdirSync(OUR_STATIC).sort()) hash.update(name).update(readFileSync(join(OUR_STATIC, name)));
  for (const name of CHARTS_FILES) hash.update(name).update(readFileSync(join(CHARTS_DIR, name)));
  return hash.digest('hex').slice(0, 12);
}

/** Where templates find the CSS, JS and icons: `/static/<version>`. */
export function staticPath(version: string): string {
  return `/static/${version}`;
}

export async function registerAssets(app: FastifyInstance, version: string): Promise<void> {
  const ours = new Set(readdirSync(OUR_STATIC));
  const allowed = new Set([...ours, ...GOVUK_FILES, ...CHARTS_FILES]);
  await app.register(fastifyStatic, {
    root: [OUR_STATIC, GOVUK_DIR, CHARTS_DIR],
    prefix: `${staticPath(version)}/`,
    decorateReply: false,
    index: false,
    // only these files: govuk's folder also holds its Sass and templates, the charts' folder its code
    allowedPath: (path) => allowed.has(path.replace(/^\/+/, '')),
    maxAge: ONE_YEAR_MS,
    immutable: true,
  });
  await app.register(fastifyStatic, {
    root: join(GOVUK_DIR, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    maxAge: ONE_WEEK_MS,
  });
}
