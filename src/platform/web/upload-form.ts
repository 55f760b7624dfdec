/**
 * Reading an upload form (multipart/form-data) with @fastify/multipart: its text fields and one file,
 * read into memory up to the upload limit. A file over the limit, or a form that is not what the page
 * sends, is an answer the page can show, not a crash. Used by every page that takes a file.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.ts';
import { formFields } from './forms.ts';

export interface UploadedFile {
  /** the name the browser gave, without any folder (shown only; never used as a path) */
  name: string;
  content: Buffer;
}

export type UploadForm =
  | { kind: 'form'; fields: Record<string, string>; file: UploadedFile | null }
  | { kind: 'too_large'; fields: Record<string, string> }
  | { kind: 'malformed'; fields: Record<string, string>; reason: string };

const MAX_FIELDS = 10;
const MAX_FIELD_BYTES = 10_000;
const MAX_NAME_LENGTH = 255;

/** Registers multipart parsing in the pages' own context (the JSON API never sees it). */
export async function registerUploads(app: FastifyInstance, uploadLimitBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: uploadLimitBytes,
      files: 1,
      fields: MAX_FIELDS,
      fieldSize: MAX_FIELD_BYTES,
      parts: MAX_FIELDS + 1,
      headerPairs: 100,
    },
    throwFileSizeLimit: true,
  });
}

/** The file's own name, whatever folder an old browser put before it. */
export function baseName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return [...base.replace(/\p{Cc}/gu, '')].slice(0, MAX_NAME_LENGTH).join('').trim();
}

const textFields = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(formFields(body)).filter((e): e is [string, string] => typeof e[1] === 'string'));

/**
 * The form's fields and file. `beforeFile` is called with the fields sent before the file (the page
 * puts its CSRF token first), so a forged form is refused before its file is read.
 */
export async function readUploadForm(
  request: FastifyRequest,
  beforeFile: (fields: Record<string, string>) => Promise<void>,
  /** the name given to a file the browser sent without one */
  defaultName = 'upload',
): Promise<UploadForm> {
  if (!request.isMultipart()) return { kind: 'form', fields: textFields(request.body), file: null };
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      await beforeFile({ ...fields });
      const content = await part.toBuffer();
      const name = baseName(part.filename);
      if (part.fieldname === 'file' && (name !== '' || content.length > 0)) file = { name: name || defaultName, content };
    }
  } catch (error) {
    // a refusal of the form itself (its CSRF token) stands; anything else went wrong in the form's bytes
    if (error instanceof DomainError) throw error;
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') return { kind: 'too_large', fields };
    request.log.warn({ err: error }, 'upload form could not be read');
    return { kind: 'malformed', fields, reason: 'The form could not be read: choose one file and send the form again' };
  }
  return { kind: 'form', fields, file };
}
