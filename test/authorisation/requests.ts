/**
 * The requests the matrix sends. A seed answers with a `Send`: the route's request, ready to go as
 * whoever the case is about — a signed-in browser (its cookies, and its session's CSRF token unless
 * the case forges one), a signed-out visitor, or an API client with a token.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CSRF_FIELD } from '../../src/platform/web/index.ts';
import { accountUrls } from '../../src/modules/accounts/index.ts';
import { Browser, fieldValue } from '../support/accounts-web.ts';
import { multipartBody } from '../support/submission-web.ts';

export interface Caller {
  /** the browser whose cookies go with the request; none for a visitor who never opened the site */
  browser?: Browser;
  /** the CSRF token the form carries: the browser's own unless given; null sends none */
  csrf?: string | null;
  /** an API token, sent as Authorization: Bearer */
  token?: string;
}

export type Send = (app: FastifyInstance, caller: Caller) => Promise<LightMyRequestResponse>;

export type FormFields = Record<string, string> | readonly (readonly [string, string])[];

const pairsOf = (fields: FormFields): [string, string][] =>
  Array.isArray(fields)
    ? fields.map(([name, value]) => [name, value] as [string, string])
    : Object.entries(fields as Record<string, string>);

const csrfOf = (caller: Caller) => (caller.csrf === undefined ? caller.browser?.csrf : caller.csrf);

function cookieFor(caller: Caller, url: string): Record<string, string> {
  const cookie = caller.browser?.cookieHeader(url);
  return cookie ? { cookie } : {};
}

/** A page's form, sent as a browser sends it (the CSRF token first, then the fields). */
export function pageForm(url: string, fields: FormFields = {}): Send {
  return (app, caller) => {
    const token = csrfOf(caller);
    const sent = [
      ...(token === undefined || token === null ? [] : [[CSRF_FIELD, token] as [string, string]]),
      ...pairsOf(fields),
    ];
    return app.inject({
      method: 'POST',
      url,
      headers: { ...cookieFor(caller, url), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(sent).toString(),
    });
  };
}

/** The upload form (multipart/form-data): the CSRF token first, the fields, then the file. */
export function pageUpload(url: string, fields: FormFields, file: { name: string; content: Buffer }): Send {
  return (app, caller) => {
    const token = csrfOf(caller);
    const sent = [
      ...(token === undefined || token === null ? [] : [[CSRF_FIELD, token] as [string, string]]),
      ...pairsOf(fields),
    ];
    const { payload, contentType } = multipartBody(sent, file);
    return app.inject({ method: 'POST', url, headers: { ...cookieFor(caller, url), 'content-type': contentType }, payload });
  };
}

/** An API request: a file as the body (CSV), a JSON body, or none. */
export function apiRequest(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body: { csv: Buffer } | { json: object } | null = null,
): Send {
  return (app, caller) =>
    app.inject({
      method,
      url,
      headers: {
        ...cookieFor(caller, url),
        ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
        ...(body && 'csv' in body ? { 'content-type': 'text/csv' } : {}),
      },
      ...(body ? { payload: 'csv' in body ? body.csv : body.json } : {}),
    });
}

/**
 * Someone not signed in who has opened the sign-in page: the browser holds the CSRF cookie the
 * signed-out forms need, and its token.
 */
export async function signedOutVisitor(app: FastifyInstance): Promise<Browser> {
  const browser = new Browser(app);
  const { document } = await browser.get(accountUrls.signIn());
  const token = fieldValue(document, CSRF_FIELD);
  if (token === undefined) throw new Error('the sign-in page carries no CSRF token');
  browser.csrf = token;
  return browser;
}
