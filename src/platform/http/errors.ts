/**
 * The one place where errors become HTTP answers for the JSON API:
 * { "error": { "code", "message", "details" } } with the right status.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  type ProblemDetail,
} from '../errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details: ProblemDetail[] };
}

export function errorBody(code: string, message: string, details: ProblemDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}

export function statusOf(error: DomainError): number {
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ValidationError) return 400;
  return 400;
}

/**
 * Errors Fastify raises before it finds a route: a path with a malformed percent-encoding
 * (`/areas/%E0%A4%A`) or a part longer than the router takes.
 */
export function routingErrorBody(error: FastifyError): { status: number; body: ErrorBody } {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return { status: 414, body: errorBody('uri_too_long', 'A part of the address is too long') };
  if (error.code === 'FST_ERR_BAD_URL')
    return {
      status: 400,
      body: errorBody('bad_url', 'The address is not valid: it has a malformed percent-encoding (%XX) or is not UTF-8'),
    };
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return { status, body: errorBody('bad_request', error.message) };
}

export function apiErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof DomainError) {
    // The API is used with an API token: say so to a client that sent none (RFC 6750), unless the
    // edge already said what was wrong with the one it sent.
    if (error instanceof UnauthenticatedError && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', 'Bearer');
    void reply.code(statusOf(error)).send(errorBody(error.code, error.message, error.details));
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const details: ProblemDetail[] = error.validation.map((v) => {
      const field =
        v.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
        (v.params as { issue?: { path?: unknown[] } }).issue?.path?.join('.') ||
        undefined;
      return { field: field ? `${where}.${field}` : where, reason: v.message ?? 'is not valid' };
    });
    void reply.code(400).send(errorBody('invalid_request', `The ${where} is not valid`, details));
    return;
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
    void reply.code(500).send(errorBody('internal_error', 'Something went wrong on our side'));
    return;
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unhandled error');
    void reply.code(status).send(errorBody('internal_error', 'Something went wrong on our side'));
    return;
  }
  void reply.code(status).send(errorBody(error.code ? error.code.toLowerCase() : 'bad_request', error.message));
}
