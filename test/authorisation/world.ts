/**
 * The one app the authorisation matrix asks, and the people and API tokens it asks as: signed in once
 * through the sign-in page and shared by every case (a refused request changes nothing, so they stay
 * as they were). Trafford is the body every route acts on; Stockport is the other body.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { type AccountRateLimits, revokeApiToken, type Role } from '../../src/modules/accounts/index.ts';
import { freshApp, type TestApp } from '../support/app.ts';
import { type Browser, signInWithRole } from '../support/accounts-web.ts';
import { POLICE, seedSubmissionWorld, setUp, STOCKPORT, SUBMISSION_START, TRAFFORD } from '../support/submission-factories.ts';
import { shareUnpublished } from '../../src/modules/data/index.ts';
import { issueApiToken } from '../../src/modules/accounts/index.ts';

export type PersonKey = 'traffordOfficer' | 'stockportOfficer' | 'traffordCouncillor' | 'assessor' | 'administrator';
export type TokenKey = 'trafford' | 'stockport' | 'police' | 'revokedTrafford';

export interface SignedInPerson {
  browser: Browser;
  /** who they are, for the cases' names */
  description: string;
}

export interface World {
  app: FastifyInstance;
  db: Kysely<Database>;
  clock: TestApp['clock'];
  people: Record<PersonKey, SignedInPerson>;
  /** API tokens' plaintexts */
  tokens: Record<TokenKey, string>;
  tokenDescriptions: Record<TokenKey, string>;
  close(): Promise<void>;
}

const PEOPLE: Record<PersonKey, { role: Role; bodyId: string | null; description: string }> = {
  traffordOfficer: { role: 'performance_officer', bodyId: TRAFFORD, description: 'a performance officer of Trafford' },
  stockportOfficer: { role: 'performance_officer', bodyId: STOCKPORT, description: 'a performance officer of Stockport' },
  traffordCouncillor: { role: 'councillor_executive', bodyId: TRAFFORD, description: 'an executive councillor of Trafford' },
  assessor: { role: 'assessor', bodyId: null, description: 'an assessor' },
  administrator: { role: 'administrator', bodyId: null, description: 'an administrator' },
};

const TOKEN_DESCRIPTIONS: Record<TokenKey, string> = {
  trafford: 'an API token of Trafford',
  stockport: 'an API token of Stockport',
  police: 'an API token of the police, with whom Trafford shares its unpublished figures',
  revokedTrafford: 'a revoked API token of Trafford',
};

/** Room for every sign-in the matrix makes from one address; the limits have tests of their own. */
const ROOMY: AccountRateLimits = {
  signIn: { perAddress: { max: 1000, windowMs: 60_000 }, perEmail: { max: 1000, windowMs: 60_000 } },
  forgotPassword: { perAddress: { max: 1000, windowMs: 60_000 }, perEmail: { max: 1000, windowMs: 60_000 } },
  resetPassword: { perAddress: { max: 1000, windowMs: 60_000 } },
  acceptInvitation: { perAddress: { max: 1000, windowMs: 60_000 } },
};

async function token(db: Kysely<Database>, clock: TestApp['clock'], bodyId: string, name: string) {
  return issueApiToken(db, setUp, { bodyId, name }, { clock });
}

export async function buildWorld(): Promise<World> {
  const t = await freshApp(SUBMISSION_START, { rateLimits: ROOMY });
  const db = t.database.db;
  await seedSubmissionWorld(db);
  const people = {} as Record<PersonKey, SignedInPerson>;
  for (const [key, p] of Object.entries(PEOPLE) as [PersonKey, (typeof PEOPLE)[PersonKey]][]) {
    const { browser } = await signInWithRole(t.app, db, p.role, { bodyId: p.bodyId });
    people[key] = { browser, description: p.description };
  }
  await shareUnpublished(db, setUp, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, { clock: t.clock });
  const revoked = await token(db, t.clock, TRAFFORD, 'revoked');
  await revokeApiToken(db, setUp, revoked.token.id, { clock: t.clock });
  const tokens: Record<TokenKey, string> = {
    trafford: (await token(db, t.clock, TRAFFORD, 'matrix')).plaintext,
    stockport: (await token(db, t.clock, STOCKPORT, 'matrix')).plaintext,
    police: (await token(db, t.clock, POLICE, 'matrix')).plaintext,
    revokedTrafford: revoked.plaintext,
  };
  return { app: t.app, db, clock: t.clock, people, tokens, tokenDescriptions: TOKEN_DESCRIPTIONS, close: t.close };
}
