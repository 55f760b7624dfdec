/** Typed addresses of the administration pages: people and their roles, and a body's API tokens. */
import { withQuery } from '../urls.ts';

/** What a page says it has just done, after a form's redirect. */
export type PersonNotice = 'invited' | 'granted' | 'revoked' | 'disabled';
export type TokensNotice = 'revoked';

const part = encodeURIComponent;
const pageParam = (page: number | undefined) => (page !== undefined && page > 1 ? String(page) : undefined);

export const adminUrls = {
  people: (opts: { q?: string; page?: number } = {}): string =>
    withQuery('/admin/people', { q: opts.q, page: pageParam(opts.page) }),
  invite: (): string => '/admin/people/invite',
  person: (id: string, done?: PersonNotice): string => withQuery(`/admin/people/${part(id)}`, { done }),
  grant: (id: string): string => `/admin/people/${part(id)}/grants`,
  revokeGrant: (id: string, grantId: string): string => `/admin/people/${part(id)}/grants/${part(grantId)}/revoke`,
  disable: (id: string): string => `/admin/people/${part(id)}/disable`,
  /** administrators choose a body here, then see its tokens */
  chooseTokensBody: (bodyId?: string): string => withQuery('/admin/tokens', { body: bodyId }),
  tokens: (bodyId: string, done?: TokensNotice): string => withQuery(`/bodies/${part(bodyId)}/tokens`, { done }),
  revokeToken: (bodyId: string, tokenId: string): string => `/bodies/${part(bodyId)}/tokens/${part(tokenId)}/revoke`,
  /** the one showing of a token just issued (the form redirects here, so a reload issues nothing) */
  tokenIssued: (bodyId: string, ref: string): string => `/bodies/${part(bodyId)}/tokens/issued/${part(ref)}`,
};
