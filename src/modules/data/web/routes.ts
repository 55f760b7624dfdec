/**
 * The pages of data submission: a body's submissions, uploading and checking a file, a submission
 * with its workflow steps, collection rounds, overdue figures, sharing unpublished figures, and a
 * body's rule for approving its submissions. They need the page shell (`registerWebPages`, with
 * DATA_VIEWS among its view folders) and accounts' `registerIdentity` on the app first.
 */
import type { FastifyInstance } from 'fastify';
import { pageError } from '../../../platform/web/index.ts';
import { collectionRoutes } from './collection/routes.ts';
import { type DataPagesContext, type DataPagesDeps, DEFAULT_RULES_FORM_LIMIT, DEFAULT_UPLOAD_RATE_LIMIT } from './deps.ts';
import { rulesRoutes } from './rules/routes.ts';
import { sharingRoutes } from './sharing/routes.ts';
import { submissionRoutes } from './submission/routes.ts';
import { submissionListRoutes } from './submissions/routes.ts';
import { registerUploads } from '../../../platform/web/upload-form.ts';
import { uploadRoutes } from './upload/routes.ts';
import { UploadStore } from './upload-store.ts';

/** The folder of the submission pages' templates, for the page shell's view folders. */
export const DATA_VIEWS = import.meta.dirname;

/** Checked files held at once, all people together: room for several at the upload limit. */
const heldBytesFor = (uploadLimitBytes: number) => Math.max(256 * 1024 * 1024, 5 * uploadLimitBytes);

export async function dataPages(app: FastifyInstance, deps: DataPagesDeps): Promise<void> {
  const context: DataPagesContext = {
    ...deps,
    uploads: deps.uploads ?? new UploadStore({ clock: deps.clock, maxBytes: heldBytesFor(deps.uploadLimitBytes) }),
    uploadRateLimit: deps.uploadRateLimit ?? DEFAULT_UPLOAD_RATE_LIMIT,
    rulesFormLimit: deps.rulesFormLimit ?? DEFAULT_RULES_FORM_LIMIT,
  };
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));
    // multipart bodies only here: the upload form is the one page that takes a file
    await registerUploads(pages, deps.uploadLimitBytes);
    submissionListRoutes(pages, context);
    uploadRoutes(pages, context);
    submissionRoutes(pages, context);
    collectionRoutes(pages, context);
    sharingRoutes(pages, context);
    rulesRoutes(pages, context);
  });
}
