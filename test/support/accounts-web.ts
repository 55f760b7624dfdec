/**
 * A browser for page tests through app.inject(): it keeps the cookies the app sets (by path, as a
 * browser would), fills in and sends forms the way a person would — the form's own hidden fields
 * (CSRF token, return address, link token) with what they type — and signs in through the real
 * sign-in page. Later route tests use `signInThroughApp` and then `browser.post(url, fields)`, which
 * adds the session's CSRF token.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { accountUrls, type Role } from '../../src/modules/accounts/index.ts';
import { CSRF_FIELD } from '../../src/platform/web/index.ts';
import { type MadePerson, personWithRole } from './accounts-factories.ts';
import { getByRole, parsePage, type HTMLElement } from './site-dom.ts';

interface StoredCookie {
  value: string;
  path: string;
}

export interface Page {
  response: LightMyRequestResponse;
  document: HTMLElement;
}

export class Browser {
  readonly cookies = new Map<string, StoredCookie>();

  constructor(readonly app: FastifyInstance) {}

  /** The Cookie header a browser would send to `url`. */
  cookieHeader(url: string): string | undefined {
    const path = url.split('?')[0] ?? '/';
    const sent = [...this.cookies]
      .filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`);
    return sent.length > 0 ? sent.join('; ') : undefined;
  }

  private keep(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; path?: string; expires?: Date; maxAge?: number }[]) {
      const gone = c.value === '' || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.maxAge === 0;
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, { value: c.value, path: c.path ?? '/' });
    }
  }

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<LightMyRequestResponse> {
    const cookie = this.cookieHeader(url);
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    this.keep(response);
    return response;
  }

  async get(url: string): Promise<Page> {
    const response = await this.request('GET', url);
    return { response, document: parsePage(response.body) };
  }

  /** POSTs fields as a form would, adding the signed-in session's CSRF token unless the fields carry one. */
  async post(url: string, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const token = fields[CSRF_FIELD] ?? this.csrf;
    return this.request('POST', url, { ...(token === undefined ? {} : { [CSRF_FIELD]: token }), ...fields });
  }

  /** The session's CSRF token, read from the header's sign-out form after signing in. */
  csrf: string | undefined;

  /**
   * Opens `url`, fills in the form whose button is `button` with `fields` (by name), and sends it
   * with the form's own hidden fields, as a person pressing the button would.
   */
  async submit(url: string, button: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const { document } = await this.get(url);
    const form = getByRole(document, 'button', { name: button }).closest('form');
    if (!form) throw new Error(`the button ${button} is not in a form`);
    const hidden = Object.fromEntries(
      form
        .querySelectorAll('input[type=hidden]')
        .map((input) => [input.getAttribute('name')!, input.getAttribute('value') ?? '']),
    );
    return this.request('POST', form.getAttribute('action') ?? url, { ...hidden, ...fields });
  }
}

/** The form field of this name in a page (hidden ones included). */
export function fieldValue(document: HTMLElement, name: string): string | undefined {
  return document.querySelector(`input[name="${name}"]`)?.getAttribute('value') ?? undefined;
}

/**
 * A browser signed in through the sign-in page, carrying the session cookie and its CSRF token.
 * Fails when the sign-in is refused.
 */
export async function signInThroughApp(app: FastifyInstance, email: string, password: string): Promise<Browser> {
  const browser = new Browser(app);
  const response = await browser.submit(accountUrls.signIn(), 'Sign in', { email, password });
  if (response.statusCode !== 303) throw new Error(`sign-in refused (${response.statusCode})`);
  const { document } = await browser.get(accountUrls.account());
  browser.csrf = fieldValue(getByRole(document, 'button', { name: 'Sign out' }).closest('form')!, CSRF_FIELD);
  return browser;
}

/** The password `signInWithRole` gives the people it makes. */
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * A person holding one role (on the role's usual test body unless given; seed the bodies first with
 * seedAccountsBodies), signed in through the sign-in page: for the routes that need that role.
 */
export async function signInWithRole(
  app: FastifyInstance,
  db: Kysely<Database>,
  role: Role,
  where: { bodyId?: string | null; areaCode?: string | null } = {},
): Promise<{ browser: Browser; made: MadePerson }> {
  const made = await personWithRole(db, role, { ...where, password: TEST_PASSWORD });
  return { browser: await signInThroughApp(app, made.person.email, TEST_PASSWORD), made };
}
