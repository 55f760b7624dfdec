/**
 * The plans pages: the list, a plan's golden thread (or an agreement's targets) on any date, its
 * versions, a target's or action's page, the reverse thread from an indicator, the agreement's
 * printable report and spreadsheet, and the forms that edit a draft and import plans. They need the
 * page shell (with PLANS_VIEWS among its view folders) and accounts' `registerIdentity` first.
 */
import type { FastifyInstance } from 'fastify';
import { pageError } from '../../../platform/web/index.ts';
import type { PlanPagesDeps } from './deps.ts';
import { itemFormRoutes } from './plan-edit/item-routes.ts';
import { planFormRoutes } from './plan-edit/plan-routes.ts';
import { statusFormRoutes } from './plan-edit/status-routes.ts';
import { HeldFiles } from './plan-import/held-files.ts';
import { registerUploads } from '../../../platform/web/upload-form.ts';
import { importRoutes } from './plan-import/routes.ts';
import { itemRoutes } from './plan-item/routes.ts';
import { planListRoutes } from './plan-list/routes.ts';
import { planRoutes } from './plan/routes.ts';
import { reportRoutes } from './plan-report/routes.ts';
import { reverseRoutes } from './plan-reverse/routes.ts';

/** The folder of the plans pages' templates, for the page shell's view folders. */
export const PLANS_VIEWS = import.meta.dirname;

/** Checked files held at once, all people together: room for several at the upload limit. */
const heldBytesFor = (uploadLimitBytes: number) => Math.max(64 * 1024 * 1024, 5 * uploadLimitBytes);

export async function planPages(app: FastifyInstance, deps: PlanPagesDeps): Promise<void> {
  const held = new HeldFiles({ clock: deps.clock, maxBytes: heldBytesFor(deps.uploadLimitBytes) });
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));
    // multipart bodies only here: the import form is the one plans page that takes a file
    await registerUploads(pages, deps.uploadLimitBytes);
    planListRoutes(pages, deps);
    planRoutes(pages, deps);
    itemRoutes(pages, deps);
    reverseRoutes(pages, deps);
    reportRoutes(pages, deps);
    planFormRoutes(pages, deps);
    itemFormRoutes(pages, deps);
    statusFormRoutes(pages, deps);
    importRoutes(pages, deps, held);
  });
}
