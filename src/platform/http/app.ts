import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from '../logging.ts';
import { apiErrorHandler, errorBody } from './errors.ts';
import { isApiUrl, pageError, pageNotFound } from '../web/index.ts';

export type HttpApp = FastifyInstance;

export interface HttpAppOptions {
  logger: Logger;
  version: string;
  /** Upload size limit in bytes for request bodies. */
  bodyLimit?: number;
}

/** A Fastify instance with zod validation, OpenAPI at /api/openapi.json and docs at /api/docs. */
export async function createHttpApp(opts: HttpAppOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: opts.logger as FastifyBaseLogger,
    bodyLimit: opts.bodyLimit ?? 50 * 1024 * 1024,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API answers in JSON; everything else is a page.
  app.setErrorHandler((error: FastifyError, request, reply) =>
    isApiUrl(request.url) ? apiErrorHandler(error, request, reply) : pageError(error, request, reply),
  );
  app.setNotFoundHandler((request, reply) => {
    if (!isApiUrl(request.url)) return pageNotFound(request, reply);
    return reply.code(404).send(errorBody('not_found', `No such address: ${request.method} ${request.url.split('?')[0]}`));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Local Vision API',
        version: opts.version,
        description:
          'Performance information for local public services: places, bodies, indicators, observations and analysis. ' +
          'Lists are paginated (limit, offset) and every list is also available as CSV with format=csv. ' +
          'Errors are returned as { "error": { "code", "message", "details" } }.',
        license: { name: 'Data: Open Government Licence v3.0 and CC BY 4.0 (see /api/v1/sources)' },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  return app;
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
