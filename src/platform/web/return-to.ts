/**
 * Where to send a person back to after signing in. Only a path on this site is kept: anything that
 * a browser could read as another site (`//evil.example`, `/\evil.example`, `https://…`,
 * `javascript:…`) or that holds control characters is dropped, so the sign-in page cannot be used
 * to redirect people elsewhere (an open redirect).
 */
const BASE = 'http://return-to.invalid';
const MAX_LENGTH = 2000;

/** The same-site path (with its query) to return to, or undefined when `value` is not one. */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value.length > MAX_LENGTH) return undefined;
  // Browsers treat a backslash as a slash and drop tabs and newlines inside URLs: refuse both outright.
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (!value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  if (value.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  const path = `${url.pathname}${url.search}`;
  // what the URL parser made of it must still be a plain path (`/./ /evil` normalises, `//` does not)
  return path.startsWith('/') && !path.startsWith('//') ? path : undefined;
}

/** The address of the sign-in page that returns to `returnTo` (when that is a safe path). */
export function signInAddress(signInUrl: string, returnTo: string | undefined): string {
  const safe = safeReturnTo(returnTo);
  return safe === undefined || safe === '/' ? signInUrl : `${signInUrl}?returnTo=${encodeURIComponent(safe)}`;
}
