/** The forgotten-password pages and the page where a person chooses a password by a one-time link. */
import { PASSWORD_MIN_LENGTH } from '../../password.ts';
import { PASSWORD_RESET_REQUESTED } from '../../password-reset.service.ts';
import type { OneTimePurpose } from '../../one-time-tokens.ts';
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS } from '../forms.ts';
import { accountUrls } from '../urls.ts';

export interface ForgotPasswordPageView {
  pageTitle: string;
  action: string;
  email: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  csrfToken: string;
}

export function forgotPasswordPageView(opts: { csrfToken: string; email?: string; errors?: FormErrors }): ForgotPasswordPageView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: 'Reset your password',
    action: accountUrls.forgotPassword(),
    email: opts.email ?? '',
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    csrfToken: opts.csrfToken,
  };
}

export function resetRequestedPageView() {
  return { pageTitle: 'Check your email', message: PASSWORD_RESET_REQUESTED, signInUrl: accountUrls.signIn() };
}

export interface ChoosePasswordPageView {
  pageTitle: string;
  /** "for jane@example.org": whose password this is */
  lead: string;
  action: string;
  token: string;
  buttonText: string;
  passwordHint: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  csrfToken: string;
}

const WORDS: Record<OneTimePurpose, { title: string; button: string; lead: (name: string, email: string) => string }> = {
  password_reset: {
    title: 'Choose a new password',
    button: 'Save new password',
    lead: (_name, email) => `Choose a new password for ${email}. Saving it signs you out everywhere you are signed in.`,
  },
  invitation: {
    title: 'Choose your password',
    button: 'Save password',
    lead: (name, email) => `Welcome to Local Vision, ${name}. Choose a password to use with your email address, ${email}.`,
  },
};

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. Several unrelated words make a strong password that is easy to remember.`;

export function choosePasswordPageView(opts: {
  purpose: OneTimePurpose;
  person: { displayName: string; email: string };
  token: string;
  csrfToken: string;
  errors?: FormErrors;
}): ChoosePasswordPageView {
  const words = WORDS[opts.purpose];
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: words.title,
    lead: words.lead(opts.person.displayName, opts.person.email),
    action: opts.purpose === 'invitation' ? accountUrls.acceptInvitation() : accountUrls.resetPassword(),
    token: opts.token,
    buttonText: words.button,
    passwordHint: PASSWORD_HINT,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    csrfToken: opts.csrfToken,
  };
}

export interface LinkRefusedPageView {
  pageTitle: string;
  explanation: string;
  /** what to do instead: ask for a new reset link, or ask to be invited again */
  nextStep: { text: string; href: string | undefined };
}

export function linkRefusedPageView(purpose: OneTimePurpose): LinkRefusedPageView {
  return {
    pageTitle: 'This link cannot be used',
    explanation: 'The link has expired or has been used already. Each link works once, for a limited time.',
    nextStep:
      purpose === 'password_reset'
        ? { text: 'Ask for a new password reset link', href: accountUrls.forgotPassword() }
        : { text: 'Ask your organisation’s Local Vision administrator to invite you again.', href: undefined },
  };
}
