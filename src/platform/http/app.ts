import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { decodeUtf8 } from '../files.ts';
import type { Logger } from '../logging.ts';
import { apiErrorHandler, errorBody, routingErrorBody } from './errors.ts';
import { isApiUrl, pageError, pageNotFound } from '../web/index.ts';

export type HttpApp = FastifyInstance;

/** The OpenAPI security scheme of routes that need an API token; a route names it as `security: bearerToken`. */
export const API_TOKEN_SECURITY = 'apiToken';
export const bearerToken = [{ [API_TOKEN_SECURITY]: [] }];

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
    // A malformed percent-encoding or an over-long path part, found before any route: the API's
    // JSON error or the bad-request page, like every other error.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      if (!isApiUrl(request.url)) return pageError(error, request, reply);
      const { status, body } = routingErrorBody(error);
      return reply.code(status).send(body);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API answers in JSON; everything else is a page.
  app.setErrorHandler((error: FastifyError, request, reply) =>
    isApiUrl(request.url) ? apiErrorHandler(error, request, reply) : pageError(error, request, reply),
  );
  strictJsonBodies(app);
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
      components: {
        securitySchemes: {
          [API_TOKEN_SECURITY]: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token (lv_…) issued to one body: Authorization: Bearer lv_…',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  return app;
}

/**
 * JSON request bodies must be UTF-8: a body with a malformed byte is refused with the byte's offset
 * (Fastify's own parser would quietly turn it into U+FFFD), then parsed as Fastify does, refusing
 * `__proto__` and `constructor.prototype` keys.
 */
function strictJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8({ name: 'The request body', content: body as Buffer });
    } catch (e) {
      done(e as Error, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
