/**
 * GOV.UK-style error pages for everything outside the JSON API. The app-wide not-found and error
 * handlers (src/platform/http/app.ts) keep the API's JSON answers for /api URLs and hand every
 * other URL to these.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.ts';
import { hasWebPages, render, signInUrlFor } from './pages.ts';

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
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
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
  if (status === 401) return needsSignIn(request, reply);
  if (status === 403) {
    const message = error instanceof ForbiddenError ? asSentence(error.message) : undefined;
    return render(reply, 'errors/forbidden.njk', { pageTitle: 'You do not have permission', message }, { status });
  }
  if (status === 429) {
    const retryAfter = Number(reply.getHeader('retry-after'));
    const minutes = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter / 60) : undefined;
    return render(reply, 'errors/too-many-requests.njk', { pageTitle: 'Too many attempts', minutes }, { status });
  }
  return render(reply, 'errors/bad-request.njk', { pageTitle: 'Sorry, we could not answer that request' }, { status });
}

function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * A page that needs someone signed in: to the sign-in page, which brings them back here afterwards
 * (for a page they asked for; after a form, to the start). 401 when there is no sign-in page.
 */
function needsSignIn(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const returnTo = request.method === 'GET' || request.method === 'HEAD' ? request.url : undefined;
  const location = signInUrlFor(reply, returnTo);
  if (location === undefined)
    return render(reply, 'errors/bad-request.njk', { pageTitle: 'Sorry, we could not answer that request' }, { status: 401 });
  return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
}
