/** A request a case page cannot answer, said in words: what was wrong, and where to go instead (400). */
import type { FastifyReply } from 'fastify';
import { render } from '../../../../../platform/web/index.ts';
import { sentence } from './problems.ts';

export function badRequest(reply: FastifyReply, message: string, back: { href: string; text: string }): FastifyReply {
  return render(
    reply,
    'cases-common/bad-request.njk',
    {
      pageTitle: 'Sorry, we could not answer that request',
      message: sentence(message),
      backHref: back.href,
      backText: back.text,
    },
    { status: 400 },
  );
}

/** The same for a download: the problem as plain text. */
export function badDownload(reply: FastifyReply, message: string): FastifyReply {
  return reply
    .code(400)
    .header('cache-control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send(`${sentence(message)}\n`);
}
