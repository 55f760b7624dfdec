/** A body's API tokens: the list, the form to issue one, the page showing a new token once, and revoking one. */
import type { Body } from '../../../bodies/index.ts';
import type { ApiTokenSummary } from '../../accounts.types.ts';
import type { ApiTokenListing } from '../../api-tokens.service.ts';
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS } from '../forms.ts';
import { instantInWords } from '../words.ts';
import { bodyItems, type SelectItem } from './grant-fields.ts';
import type { ConfirmPageView } from './person.view-model.ts';
import { adminUrls, type TokensNotice } from './urls.ts';

export interface TokenRowView {
  name: string;
  prefix: string;
  created: string;
  lastUsed: string;
  status: string;
  revokeUrl: string | undefined;
}

export interface TokensPageView {
  pageTitle: string;
  notice: string | undefined;
  tokens: TokenRowView[];
  issueAction: string;
  name: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  csrfToken: string;
}

const NOTICES: Record<TokensNotice, string> = {
  revoked: 'The token has been revoked. Anything still using it is refused from now on.',
};

export function isTokensNotice(value: unknown): value is TokensNotice {
  return typeof value === 'string' && Object.hasOwn(NOTICES, value);
}

function tokenRow(t: ApiTokenListing): TokenRowView {
  const by = t.createdByName ?? (t.createdBy === null ? 'the command line' : 'someone no longer recorded');
  return {
    name: t.name,
    prefix: t.prefix,
    created: `${instantInWords(t.createdAt)}, by ${by}`,
    lastUsed: t.lastUsedAt === null ? 'Never' : instantInWords(t.lastUsedAt),
    status: t.revokedAt === null ? 'Active' : `Revoked on ${instantInWords(t.revokedAt)}`,
    revokeUrl: t.revokedAt === null ? adminUrls.revokeToken(t.bodyId, t.id) : undefined,
  };
}

export function tokensPageView(opts: {
  body: Body;
  tokens: readonly ApiTokenListing[];
  csrfToken: string;
  notice?: TokensNotice | undefined;
  name?: string;
  errors?: FormErrors;
}): TokensPageView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: `API tokens of ${opts.body.name}`,
    notice: opts.notice ? NOTICES[opts.notice] : undefined,
    tokens: opts.tokens.map(tokenRow),
    issueAction: adminUrls.tokens(opts.body.id),
    name: opts.name ?? '',
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    csrfToken: opts.csrfToken,
  };
}

export interface TokenIssuedPageView {
  pageTitle: string;
  plaintext: string;
  name: string;
  bodyName: string;
  tokensUrl: string;
}

/** The only page that ever shows the token itself. */
export function tokenIssuedPageView(opts: { body: Body; token: ApiTokenSummary; plaintext: string }): TokenIssuedPageView {
  return {
    pageTitle: 'Copy your new API token',
    plaintext: opts.plaintext,
    name: opts.token.name,
    bodyName: opts.body.name,
    tokensUrl: adminUrls.tokens(opts.body.id),
  };
}

export function revokeTokenPageView(opts: {
  body: Body;
  token: ApiTokenSummary;
  csrfToken: string;
  errors?: FormErrors;
}): ConfirmPageView {
  return {
    pageTitle: `Revoke the API token ${opts.token.prefix}?`,
    lines: [
      `The token ${opts.token.prefix} (${opts.token.name}) of ${opts.body.name} stops working at once: anything using it is refused.`,
      'It cannot be used again. Issue a new token if one is still needed.',
    ],
    action: adminUrls.revokeToken(opts.body.id, opts.token.id),
    buttonText: 'Revoke token',
    cancelUrl: adminUrls.tokens(opts.body.id),
    csrfToken: opts.csrfToken,
    errorSummary: (opts.errors ?? NO_FORM_ERRORS).summary,
  };
}

export interface ChooseTokensBodyPageView {
  pageTitle: string;
  action: string;
  bodyItems: SelectItem[];
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
}

export function chooseTokensBodyPageView(opts: { bodies: readonly Body[]; errors?: FormErrors }): ChooseTokensBodyPageView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: 'API tokens',
    action: adminUrls.chooseTokensBody(),
    bodyItems: bodyItems(opts.bodies, '', 'Choose a body'),
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
  };
}
