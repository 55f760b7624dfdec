/**
 * Writing plans through the API, with a body's API token: importing its plans and targets (the import
 * format as JSON, or a CSV file of one plan's targets or actions), and reporting progress on an action
 * it owns. Publishing a draft and changing a target's tolerance on their own are governance decisions
 * people take on the pages, so the API has no route for them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../../platform/errors.ts';
import { isJsonFile } from '../../../platform/files.ts';
import { bearerToken, typed } from '../../../platform/http/app.ts';
import { acceptFileBodies, fileOfBody, limitInWords } from '../../../platform/http/file-body.ts';
import { limitRequests, type RequestLimit } from '../../../platform/http/rate-limit.ts';
import { perApiToken, requireActor, requireSignIn } from '../../accounts/index.ts';
import { reportActionProgress } from '../action-progress.service.ts';
import { importPlans } from '../plan-import.service.ts';
import { ACTION_STATES } from '../plans.types.ts';
import { flag, itemParams } from './params.ts';
import type { PlansApiDeps } from './routes.ts';
import { importReportSchema, presentImportReport, presentRefusedImport } from './import-presenters.ts';
import { actionUpdateSchema, presentActionUpdate } from './status-presenters.ts';

const tags = ['plans'];
/** A token may send this many imports or progress reports in ten minutes. */
export const PLANS_API_WRITE_LIMIT: RequestLimit = { max: 60, windowMs: 10 * 60_000 };

const TOKENS_ONLY =
  'Needs an API token of the owner body of every plan in the file. There is no route here to publish a draft or to ' +
  'change a target’s tolerance: those are governance decisions people take on the plan’s pages. An import publishes ' +
  'only what it brings, when the file or publish=true says so, and keeps the tolerances the file states.';

const importQuery = z.object({
  dryRun: flag.describe('true: check the file and report what it would do; nothing is written'),
  publish: flag.describe(
    'true: publish what the file changes, in force from the file’s inForceFrom (or today); otherwise a plan becomes ' +
      'a draft unless the file itself says publish',
  ),
  name: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe('the file’s name, shown in the report (default upload.json or upload.csv)'),
});

const progressSchema = actionUpdateSchema.extend({
  recorded: z.boolean().describe('false when the report was the same as the latest, which is returned'),
});

/**
 * The progress report's fields are documented with their types, and checked by the service, which
 * names each missing or wrong field with the value sent (a check here would name the field only).
 */
const progressBody = z
  .object({
    progress: z
      .unknown()
      .optional()
      .meta({ type: 'number', minimum: 0, maximum: 100, description: 'per cent complete, a whole number' }),
    state: z
      .unknown()
      .optional()
      .meta({ type: 'string', enum: [...ACTION_STATES] }),
    asOf: z
      .unknown()
      .optional()
      .meta({ type: 'string', format: 'date', description: 'YYYY-MM-DD the report is about, not after today' }),
    note: z.unknown().optional().meta({ type: 'string', description: 'what was done, at most 10,000 characters' }),
  })
  .meta({ required: ['progress', 'state', 'asOf'] });

export async function writeRoutes(app: FastifyInstance, deps: PlansApiDeps): Promise<void> {
  const { db, clock } = deps;
  const limitText = limitInWords(deps.uploadLimitBytes);
  const limited = limitRequests(app, [{ ...PLANS_API_WRITE_LIMIT, key: perApiToken }]);

  await app.register(async (files) => {
    acceptFileBodies(files, { uploadLimitBytes: deps.uploadLimitBytes, what: 'the plans' });
    typed(files).post(
      '/plans/import',
      {
        onRequest: [requireSignIn, limited],
        schema: {
          tags,
          summary:
            'Import plans, their items and national priorities (the import format as JSON, or a CSV file of one plan’s ' +
            'targets or actions); every problem is reported with its line or JSON path, field and value, and nothing is written ' +
            'when there is any; importing the same file twice changes nothing',
          description: `${TOKENS_ONLY} The body of the request is the file itself, at most ${limitText}.`,
          consumes: ['application/json', 'text/csv'],
          querystring: importQuery,
          security: bearerToken,
          response: { 200: importReportSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { dryRun, publish, name } = request.query as z.infer<typeof importQuery>;
        const file = fileOfBody(request, name, 'the plans');
        try {
          return presentImportReport(await importPlans(db, actor, file, { clock, dryRun, publish }));
        } catch (error) {
          // A dry run is a check: its problems are its answer, as the file's would be on a page.
          if (!dryRun || !(error instanceof ValidationError)) throw error;
          const problems = error.details.length > 0 ? error.details : [{ reason: error.message }];
          return presentRefusedImport({ fileName: file.name, format: isJsonFile(file) ? 'json' : 'csv' }, problems);
        }
      },
    );
  });

  typed(app).post(
    '/plans/:id/actions/:key/updates',
    {
      onRequest: [requireSignIn, limited],
      schema: {
        tags,
        summary:
          'Report progress on an action: per cent complete, state, the date it is about and a note; earlier reports are kept ' +
          '(201; a report the same as the latest records nothing: 200)',
        description: 'Needs an API token of the body that owns the action (or of the plan’s owner body).',
        params: itemParams,
        body: progressBody,
        security: bearerToken,
        response: { 201: progressSchema, 200: progressSchema },
      },
    },
    async (request, reply) => {
      const ref = { planId: request.params.id, key: request.params.key };
      const { progress, state, asOf, note } = request.body;
      const input = { progress, state, asOf, note };
      const { update, recorded } = await reportActionProgress(db, requireActor(request), ref, input, { clock });
      return reply.code(recorded ? 201 : 200).send({ recorded, ...presentActionUpdate(update) });
    },
  );
}
