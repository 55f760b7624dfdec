/** The sign-in page and the page after signing out. */
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS } from '../forms.ts';
import { accountUrls, type SignInReason } from '../urls.ts';

export interface SignInPageView {
  pageTitle: string;
  action: string;
  email: string;
  /** where to go after signing in (a same-site path), kept in a hidden field */
  returnTo: string | undefined;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  /** a success message after a password was chosen */
  notice: string | undefined;
  csrfToken: string;
  forgotPasswordUrl: string;
}

const NOTICES: Record<SignInReason, string> = {
  'password-reset': 'Your password has been changed. Sign in with your new password.',
  'invitation-accepted': 'Your password is set. Sign in to start using your account.',
};

export function isSignInReason(value: unknown): value is SignInReason {
  return typeof value === 'string' && Object.hasOwn(NOTICES, value);
}

export function signInPageView(opts: {
  csrfToken: string;
  returnTo?: string | undefined;
  email?: string;
  errors?: FormErrors;
  from?: SignInReason | undefined;
}): SignInPageView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: 'Sign in',
    action: accountUrls.signIn(),
    email: opts.email ?? '',
    returnTo: opts.returnTo,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    notice: opts.from ? NOTICES[opts.from] : undefined,
    csrfToken: opts.csrfToken,
    forgotPasswordUrl: accountUrls.forgotPassword(),
  };
}

export function signedOutPageView() {
  return { pageTitle: 'You have signed out', signInUrl: accountUrls.signIn() };
}
