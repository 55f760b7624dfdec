/**
 * GOV.UK-style error pages for everything outside the JSON API. The app-wide not-found and error
 * handlers (src/platform/http/app.ts) keep the API's JSON answers for /api URLs and hand every
 * other URL to these.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, NotFoundError, ValidationError } from '../errors.ts';
import { hasWebPages, render } from './pages.ts';

/** The JSON API and its documents live under /api; everything else is a page. */
export function isApiUrl(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === '/api' || path.startsWith('/api/');
}

export function pageNotFound(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (!hasWebPages(reply)) return reply.code(404).type('text/plain; charset=utf-8').send('Page not found');
  return render(reply, 'errors/not-found.njk', { pageTitle: 'Page not found' }, { status: 404 });
}

/** The HTTP status an error answers with on a page. */
export function pageStatusOf(error: unknown): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ValidationError) return 400;
  if (error instanceof DomainError) return 400;
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

export function pageError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = pageStatusOf(error);
  if (status >= 500) request.log.error({ err: error }, 'page failed');
  if (reply.sent) return reply;
  if (status === 404) return pageNotFound(request, reply);
  if (!hasWebPages(reply))
    return reply
      .code(status)
      .type('text/plain; charset=utf-8')
      .send(status >= 500 ? 'Sorry, there is a problem with the service' : 'Bad request');
  if (status >= 500) {
    return render(reply, 'errors/problem.njk', { pageTitle: 'Sorry, there is a problem with the service' }, { status });
  }
  return render(reply, 'errors/bad-request.njk', { pageTitle: 'Sorry, we could not answer that request' }, { status });
}
