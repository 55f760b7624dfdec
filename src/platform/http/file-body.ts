/**
 * API routes whose request body is a file itself (CSV or JSON, as uploaded): the parser that keeps the
 * bytes, the size limit, the errors that say what to send, and the bytes read as a submitted file.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors.ts';
import type { SubmittedFile } from '../files.ts';
import { apiErrorHandler, errorBody } from './errors.ts';

export const FILE_BODY_TYPES = ['text/csv', 'application/csv', 'application/json', 'text/plain', 'application/octet-stream'];

/** How the routes name what they take, in their messages: "the file", "the plans". */
export interface FileBodyOptions {
  uploadLimitBytes: number;
  what: string;
}

/** "25 MB": the limit as the messages and route descriptions say it. */
export const limitInWords = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Make the routes of `files` (a scope of their own) take a file as the body, up to the upload limit. */
export function acceptFileBodies(files: FastifyInstance, opts: FileBodyOptions): void {
  const limit = limitInWords(opts.uploadLimitBytes);
  files.removeAllContentTypeParsers();
  files.addContentTypeParser(FILE_BODY_TYPES, { parseAs: 'buffer', bodyLimit: opts.uploadLimitBytes }, (_request, body, done) =>
    done(null, body),
  );
  files.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send(errorBody('file_too_large', `The file is too large: send at most ${limit}`));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send(errorBody('unsupported_media_type', `Send ${opts.what} as text/csv or application/json`));
    return apiErrorHandler(error, request, reply);
  });
}

/** The request's bytes as the submitted file, named as asked or after its content type. */
export function fileOfBody(request: FastifyRequest, name: string | undefined, what: string): SubmittedFile {
  if (!Buffer.isBuffer(request.body))
    throw new ValidationError(`Send ${what} as the request body, with Content-Type text/csv or application/json`, [
      { field: 'body', reason: 'nothing was sent' },
    ]);
  const json = (request.headers['content-type'] ?? '').startsWith('application/json');
  return { name: name ?? (json ? 'upload.json' : 'upload.csv'), content: request.body };
}
