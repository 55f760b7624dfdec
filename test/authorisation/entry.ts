/**
 * What an entry of the authorisation matrix says (routes.ts holds the entries): the route, who may use
 * it, how to make a request it can succeed with, and what it answers.
 */
import type { Send } from './requests.ts';
import type { PersonKey, World } from './world.ts';

/** Who may use a page, and who is refused: someone of another body, and someone of the body without the role. */
export interface Guard {
  rightRole: PersonKey;
  wrongBody: PersonKey;
  withoutRole: PersonKey;
  /** what the two refused people are, in the cases' names */
  names: { wrongBody: string; withoutRole: string };
}

/** Trafford's performance officers (a Stockport officer and a Trafford councillor are refused). */
export const TRAFFORD_OFFICER: Guard = {
  rightRole: 'traffordOfficer',
  wrongBody: 'stockportOfficer',
  withoutRole: 'traffordCouncillor',
  names: { wrongBody: 'wrong body', withoutRole: 'right body without the role' },
};

/** Administrators only (a body's officer and an assessor, who holds a role everywhere, are refused). */
export const ADMINISTRATOR: Guard = {
  rightRole: 'administrator',
  wrongBody: 'traffordOfficer',
  withoutRole: 'assessor',
  names: { wrongBody: 'a body’s role, not an administrator', withoutRole: 'a role everywhere, not an administrator' },
};

/** A refusal other than 403, and why it is right for the route. */
export interface Refusal {
  status: number;
  why: string;
}

interface EntryBase {
  /** `METHOD /path` as the route table has it */
  route: string;
  /** tells apart two entries of one route (a local and a national indicator, say) */
  variant?: string;
  /** makes what the route acts on (anew at each call) and answers the request */
  seed: (w: World) => Promise<Send>;
}

export interface PageEntry extends EntryBase {
  kind: 'page';
  guard: Guard;
  /** where a success redirects (303) */
  success: RegExp;
  /** a success writes to the database (an audit event at least); false when it only holds something in memory */
  writes?: false;
  refusals?: Partial<Record<'wrongBody' | 'withoutRole', Refusal>>;
}

export interface ApiEntry extends EntryBase {
  kind: 'api';
  /** what Trafford's own token gets: the status of success, or why no token may (it is refused, 403) */
  success: { status: 200 | 201 | 204; writes?: false } | { noToken: string };
}

export interface PublicEntry extends EntryBase {
  kind: 'public';
  /** why everyone may send it */
  why: string;
  /** what a signed-out visitor gets (never 401 or 403, never the sign-in page for want of signing in) */
  answer: { status: number; location: RegExp };
  /** the CSRF token is checked for everyone, or (signing out) only when there is a session to end */
  csrf: 'always' | 'session';
}

export type MatrixEntry = PageEntry | ApiEntry | PublicEntry;

/** An entry's name in the tests' output: the route, and which of its entries. */
export function entryName(entry: MatrixEntry): string {
  return entry.variant ? `${entry.route} (${entry.variant})` : entry.route;
}
