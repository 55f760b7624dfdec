/** Typed addresses of the account pages, used by routes, view models, mail links and tests alike. */
import type { TokenLinks } from '../messages.ts';

/** Why the sign-in page was reached, for the message it shows above the form. */
export type SignInReason = 'password-reset' | 'invitation-accepted';

export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, value);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

export const accountUrls = {
  account: (): string => '/account',
  signIn: (opts: { returnTo?: string; from?: SignInReason } = {}): string =>
    withQuery('/account/sign-in', { returnTo: opts.returnTo, from: opts.from }),
  signOut: (): string => '/account/sign-out',
  signedOut: (): string => '/account/signed-out',
  forgotPassword: (): string => '/account/forgot-password',
  forgotPasswordSent: (): string => '/account/forgot-password/sent',
  resetPassword: (token?: string): string => withQuery('/account/reset-password', { token }),
  acceptInvitation: (token?: string): string => withQuery('/account/accept-invitation', { token }),
};

/** The one-time links mailed to people: absolute addresses on the site's public address. */
export function tokenLinks(baseUrl: string): TokenLinks {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    acceptInvitation: (token) => `${base}${accountUrls.acceptInvitation(token)}`,
    resetPassword: (token) => `${base}${accountUrls.resetPassword(token)}`,
  };
}
