/**
 * The submission pages as a person uses them, for page tests through app.inject(): sending the
 * upload form (multipart, as a browser does, the CSRF token first), following the answer's redirect,
 * and a signed-in officer of a body.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import type { SubmittedFile } from '../../src/platform/files.ts';
import { CSRF_FIELD } from '../../src/platform/web/index.ts';
import { dataUrls } from '../../src/modules/data/index.ts';
import type { Role } from '../../src/modules/accounts/index.ts';
import { type Browser, type Page, signInWithRole } from './accounts-web.ts';

/** A multipart/form-data body: the fields in order, then the file (when given). */
export function multipartBody(
  fields: readonly (readonly [string, string])[],
  file?: { field?: string; name: string; content: Buffer | string; type?: string },
): { payload: Buffer; contentType: string } {
  const boundary = `----lv${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends the upload form as the browser would: the session's CSRF token (unless `csrf` says otherwise), the body and the file. */
export async function sendUpload(
  browser: Browser,
  opts: { body?: string; file?: SubmittedFile | null; csrf?: string | null },
): Promise<LightMyRequestResponse> {
  const url = dataUrls.upload();
  const token = opts.csrf === undefined ? browser.csrf : opts.csrf;
  const fields: [string, string][] = [];
  if (token !== null && token !== undefined) fields.push([CSRF_FIELD, token]);
  if (opts.body !== undefined) fields.push(['body', opts.body]);
  const file = opts.file === null ? undefined : (opts.file ?? undefined);
  const { payload, contentType } = multipartBody(fields, file && { name: file.name, content: file.content });
  const cookie = browser.cookieHeader(url);
  return browser.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) },
    payload,
  });
}

export interface VisitedPage extends Page {
  url: string;
}

/** Follows a 303 to the page it names. */
export async function follow(browser: Browser, response: LightMyRequestResponse): Promise<VisitedPage> {
  if (response.statusCode !== 303)
    throw new Error(`expected a redirect, got ${response.statusCode}: ${response.body.slice(0, 500)}`);
  const url = String(response.headers.location);
  return { ...(await browser.get(url)), url };
}

/** Uploads a file and follows to its report; then presses "Create draft submission" and follows to the submission. */
export async function uploadAndCreate(
  browser: Browser,
  bodyId: string,
  file: SubmittedFile,
): Promise<{ report: VisitedPage; submission: VisitedPage; id: string }> {
  const report = await follow(browser, await sendUpload(browser, { body: bodyId, file }));
  const submission = await follow(browser, await browser.post(report.url));
  return { report, submission, id: submissionIdOf(submission.url) };
}

/** The submission id in a submission page's address. */
export function submissionIdOf(url: string): string {
  const match = /\/submissions\/([^/?]+)/.exec(url);
  if (!match?.[1]) throw new Error(`not a submission page: ${url}`);
  return match[1];
}

/** A person holding one role for a body, signed in. */
export async function officer(app: FastifyInstance, db: Kysely<Database>, role: Role, bodyId: string | null) {
  return signInWithRole(app, db, role, { bodyId });
}
