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
