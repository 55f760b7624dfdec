/**
 * Reading the import form (multipart/form-data) with @fastify/multipart: its text fields and one file,
 * read into memory up to the upload limit. A file over the limit, or a form that is not what the page
 * sends, is an answer the page shows, not a crash.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../platform/errors.ts';

export type ImportForm =
  | { kind: 'form'; fields: Record<string, string>; file: { name: string; content: Buffer } | null }
  | { kind: 'too_large'; fields: Record<string, string> }
  | { kind: 'malformed'; fields: Record<string, string> };

const MAX_FIELDS = 10;

/** Multipart bodies in the import pages' own context only. */
export async function registerImportForms(app: FastifyInstance, uploadLimitBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: uploadLimitBytes,
      files: 1,
      fields: MAX_FIELDS,
      fieldSize: 10_000,
      parts: MAX_FIELDS + 1,
      headerPairs: 100,
    },
    throwFileSizeLimit: true,
  });
}

/** The file's own name, whatever folder an old browser put before it, without control characters. */
export function baseName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return [...base.replace(/\p{Cc}/gu, '')].slice(0, 255).join('').trim();
}

/**
 * The form's fields and file. `beforeFile` is called with the fields sent before the file (the page
 * puts its CSRF token first), so a forged form is refused before its file is read.
 */
export async function readImportForm(
  request: FastifyRequest,
  beforeFile: (fields: Record<string, string>) => Promise<void>,
): Promise<ImportForm> {
  const fields: Record<string, string> = {};
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') fields[k] = v;
    return { kind: 'form', fields, file: null };
  }
  let file: { name: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      await beforeFile({ ...fields });
      const content = await part.toBuffer();
      const name = baseName(part.filename);
      if (part.fieldname === 'file' && (name !== '' || content.length > 0)) file = { name: name || 'plans', content };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') return { kind: 'too_large', fields };
    request.log.warn({ err: error }, 'plan import form could not be read');
    return { kind: 'malformed', fields };
  }
  return { kind: 'form', fields, file };
}
