/**
 * Sending a long form as a person would: every field as the page shows it (text, the checked boxes
 * and radios, the chosen option, the hidden CSRF token), with the fields they change.
 */
import type { LightMyRequestResponse } from 'fastify';
import { CSRF_FIELD } from '../../src/platform/web/index.ts';
import type { Browser } from './accounts-web.ts';
import { getByRole, type HTMLElement } from './site-dom.ts';

/** The fields a form would send as it stands, in order (a field may appear more than once). */
export function fieldsOfForm(form: HTMLElement): [string, string][] {
  const fields: [string, string][] = [];
  for (const el of form.querySelectorAll('input,textarea,select')) {
    const name = el.getAttribute('name');
    if (!name) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'textarea') fields.push([name, el.text]);
    else if (tag === 'select') {
      const chosen = el.querySelector('option[selected]') ?? el.querySelector('option');
      if (chosen) fields.push([name, chosen.getAttribute('value') ?? chosen.text]);
    } else {
      const type = el.getAttribute('type') ?? 'text';
      if (type === 'submit' || type === 'button') continue;
      if ((type === 'radio' || type === 'checkbox') && !el.hasAttribute('checked')) continue;
      fields.push([name, el.getAttribute('value') ?? 'on']);
    }
  }
  return fields;
}

export type FormChanges = Record<string, string | readonly string[]>;

/**
 * Opens `url`, changes the fields given (a list for checkboxes; [] to untick them all) and presses
 * `button`. `withoutCsrf` leaves the form's CSRF token out, as a forged form would.
 */
export async function sendForm(
  browser: Browser,
  url: string,
  button: string,
  changes: FormChanges = {},
  opts: { withoutCsrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const { document } = await browser.get(url);
  const form = getByRole(document, 'button', { name: button }).closest('form');
  if (!form) throw new Error(`the button ${button} is not in a form`);
  const fields = fieldsOfForm(form).filter(([name]) => !Object.hasOwn(changes, name));
  for (const [name, value] of Object.entries(changes))
    for (const one of typeof value === 'string' ? [value] : value) fields.push([name, one]);
  const sent = opts.withoutCsrf ? fields.filter(([name]) => name !== CSRF_FIELD) : fields;
  const action = form.getAttribute('action') ?? url;
  const cookie = browser.cookieHeader(action);
  return browser.app.inject({
    method: 'POST',
    url: action,
    headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(sent).toString(),
  });
}
