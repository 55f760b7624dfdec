/**
 * The HTTP application: who is asking (sessions and API tokens), the public pages, the account pages,
 * the JSON API of every module, its OpenAPI document and docs.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { dataVersionOf } from '../platform/db/data-version.ts';
import { createHttpApp } from '../platform/http/app.ts';
import { registerRateLimiting } from '../platform/http/rate-limit.ts';
import type { PageViewer } from '../platform/web/index.ts';
import { placesApi } from '../modules/places/index.ts';
import { bodiesApi } from '../modules/bodies/index.ts';
import {
  accountPages,
  accountsApi,
  adminPages,
  auditPages,
  type AccountRateLimits,
  ACCOUNTS_VIEWS,
  accountUrls,
  pageViewerOf,
  registerIdentity,
  tokenLinks,
  actorOf,
} from '../modules/accounts/index.ts';
import { indicatorLinksFor, indicatorPages, indicatorsApi, INDICATORS_VIEWS } from '../modules/indicators/index.ts';
import { DATA_VIEWS, dataApi, dataLinksFor, dataPages } from '../modules/data/index.ts';
import { analysisApi } from '../modules/analysis/index.ts';
import { AssessmentRunner, PLANS_VIEWS, planPages, plansApi } from '../modules/plans/index.ts';
import { improvementApi } from '../modules/improvement/index.ts';
import { ASSURANCE_VIEWS, assurancePages } from '../modules/improvement/index.ts';
import { CASES_VIEWS, casePages } from '../modules/improvement/index.ts';
import { triggersAfterWrites } from '../modules/improvement/index.ts';
import { siteRoutes } from '../modules/site/index.ts';
import { type AppContext, publicBaseUrl } from './context.ts';
import { sourcesApi } from './sources.api.ts';
import { escalateOverdueDaily } from './daily-escalation.ts';
import { DATA_SOURCES } from './sources.ts';

export interface AppOptions {
  /** the signed-out account forms' rate limits (DEFAULT_ACCOUNT_RATE_LIMITS unless given) */
  rateLimits?: AccountRateLimits;
}

/** The app with every route, not yet ready: tests may add routes of their own before `ready()`. */
export async function assembleApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = await createHttpApp({ logger: ctx.logger, version: ctx.version });
  const db = ctx.database.db;
  await judgeTargetsAfterWrites(app, ctx);
  escalateOverdueDaily(app, ctx);
  const baseUrl = publicBaseUrl(ctx.config);
  await registerIdentity(app, { db, clock: ctx.clock, secret: ctx.sessionSecret, secureCookies: baseUrl.startsWith('https:') });
  await registerRateLimiting(app);
  const deps = { db, clock: ctx.clock };
  await app.register(
    async (api) => {
      await placesApi(api, deps);
      await bodiesApi(api, deps);
      await accountsApi(api, deps);
      await indicatorsApi(api, deps);
      await dataApi(api, { ...deps, uploadLimitBytes: ctx.config.uploadLimitBytes });
      await analysisApi(api, deps);
      await plansApi(api, { ...deps, uploadLimitBytes: ctx.config.uploadLimitBytes });
      await improvementApi(api, deps);
      await sourcesApi(api);
    },
    { prefix: '/api/v1' },
  );
  await siteRoutes(app, {
    db,
    clock: ctx.clock,
    sources: DATA_SOURCES,
    dataVersion: await dataVersionOf(ctx.database),
    pageCacheBytes: ctx.config.pageCacheBytes,
    moduleViewDirs: [ACCOUNTS_VIEWS, INDICATORS_VIEWS, DATA_VIEWS, PLANS_VIEWS, ASSURANCE_VIEWS, CASES_VIEWS],
    viewerOf: viewerWithLinks,
    signInUrl: accountUrls.signIn(),
  });
  const accountDeps = { db, clock: ctx.clock, mail: ctx.mail, links: tokenLinks(baseUrl), rateLimits: opts.rateLimits };
  await accountPages(app, accountDeps);
  await adminPages(app, accountDeps);
  await auditPages(app, accountDeps);
  await indicatorPages(app, { db, clock: ctx.clock });
  await dataPages(app, { db, clock: ctx.clock, uploadLimitBytes: ctx.config.uploadLimitBytes });
  await planPages(app, {
    db,
    clock: ctx.clock,
    uploadLimitBytes: ctx.config.uploadLimitBytes,
    attributions: attributionsOf(DATA_SOURCES),
  });
  await assurancePages(app, { db, clock: ctx.clock });
  await casePages(app, { db, clock: ctx.clock });
  return app;
}

/** Each attribution statement the data's licences require, once. */
const attributionsOf = (sources: typeof DATA_SOURCES): string[] => [...new Set(sources.map((s) => s.attribution.trim()))];

/**
 * Target statuses follow the published figures and the plans: when a write request has succeeded and
 * written something, the targets are judged again, as the system, before the response goes (see
 * AssessmentRunner); then the under-performance triggers run over them, when what they read has changed.
 */
async function judgeTargetsAfterWrites(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const triggers = triggersAfterWrites({ db: ctx.database.db, clock: ctx.clock, dataVersion: await dataVersionOf(ctx.database) });
  const runner = new AssessmentRunner(
    ctx.database.db,
    ctx.clock,
    (err) => app.log.error({ err }, 'Judging the targets of the plans, or running the triggers after them, failed'),
    undefined,
    [triggers],
  );
  const stamps = new WeakMap<FastifyRequest, number>();
  app.decorate(ASSESSMENT, runner);
  app.addHook('onRequest', async (request) => {
    const stamp = await runner.beforeRequest(request.method);
    if (stamp !== null) stamps.set(request, stamp);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const stamp = stamps.get(request);
    if (stamp !== undefined) await runner.afterRequest(stamp, reply.statusCode);
    return payload;
  });
  app.addHook('onClose', async () => runner.idle());
}

const ASSESSMENT = 'plansAssessment';

/** The app's runner of target judgements (a test waits for it to be idle). */
export function plansAssessmentOf(app: FastifyInstance): AssessmentRunner {
  return (app as unknown as Record<typeof ASSESSMENT, AssessmentRunner>)[ASSESSMENT];
}

/** The signed-in person, with the pages of their work their roles give them (their submissions, say). */
function viewerWithLinks(request: FastifyRequest): PageViewer | null {
  const viewer = pageViewerOf(request);
  const actor = actorOf(request);
  return viewer && { ...viewer, links: [...dataLinksFor(actor), ...indicatorLinksFor(actor)] };
}

export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = await assembleApp(ctx, opts);
  await app.ready();
  return app;
}
