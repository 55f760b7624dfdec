/**
 * What the matrix's routes act on, one small function each. Every call makes a new one (a new draft,
 * a new partner body, a new person), so a case that succeeds never spoils another's, and a seed can
 * be called again for the success after the refusals.
 */
import { setUp, TRAFFORD, traffordStreetsFile } from '../support/submission-factories.ts';
import { makePerson, type MadePerson, seedOneTimeLinks } from '../support/accounts-factories.ts';
import { TEST_PASSWORD } from '../support/accounts-web.ts';
import { saveTestIndicators } from '../support/data-factories.ts';
import { follow, sendUpload } from '../support/submission-web.ts';
import { issueApiToken } from '../../src/modules/accounts/index.ts';
import {
  approveSubmission,
  createSubmission,
  setCollectionDeadline,
  shareUnpublished,
  submitSubmission,
} from '../../src/modules/data/index.ts';
import type { World } from './world.ts';

let made = 0;
/** A number no earlier seed used, for names that must be new. */
const next = () => ++made;

/** The period and due date of the deadlines the matrix sets. */
export const DEADLINE = { period: '2025/26', day: '30', month: '9', year: '2025', dueDate: '2025-09-30' } as const;

/** Trafford's street cleanliness with figures no other seed sent, so each upload revises something. */
export function streetsFile(): { name: string; content: Buffer } {
  const n = next();
  const file = traffordStreetsFile({ fy2023: `${50 + (n % 40)}.${n % 10}`, fy2024: `${40 + (n % 50)}.${(n * 7) % 10}` });
  return { name: file.name, content: Buffer.from(file.content) };
}

/**
 * A submission of Trafford's in the state asked for, taken there by the command line: nobody
 * uploaded or submitted it, so any officer of Trafford may approve it.
 */
export async function traffordSubmission(w: World, state: 'draft' | 'submitted' | 'approved'): Promise<string> {
  const deps = { clock: w.clock };
  const draft = await createSubmission(w.db, setUp, { bodyId: TRAFFORD, file: streetsFile() }, deps);
  if (state !== 'draft') await submitSubmission(w.db, setUp, draft.id, deps);
  if (state === 'approved') await approveSubmission(w.db, setUp, draft.id, deps);
  return draft.id;
}

/** A checked file of Trafford's held for its performance officer's session; its id. */
export async function heldUpload(w: World): Promise<string> {
  const browser = w.people.traffordOfficer.browser;
  const report = await follow(browser, await sendUpload(browser, { body: TRAFFORD, file: streetsFile() }));
  const id = /\/submissions\/checked\/([^/?]+)/.exec(report.url)?.[1];
  if (!id) throw new Error(`not a report page: ${report.url}`);
  return id;
}

/** The definition the matrix's indicators have, as saved and as the definition form sends it. */
const STREETS = {
  title: 'Streets judged clean',
  description: 'The share of streets inspected that were found clean.',
  rationale: null,
  numeratorDefinition: 'Streets found clean',
  denominatorDefinition: 'Streets inspected',
  theme: 'environment',
  source: 'Street inspections',
  areaTypes: ['metropolitan_district' as const],
};

/** The definition form as a person fills it in: the matrix's definition with this code and title. */
export function definitionForm(code: string, title: string): [string, string][] {
  return [
    ['code', code],
    ['title', title],
    ['description', STREETS.description],
    ['rationale', ''],
    ['numeratorDefinition', STREETS.numeratorDefinition],
    ['denominatorDefinition', STREETS.denominatorDefinition],
    ['unit', 'percentage'],
    ['unitMultiplier', ''],
    ['decimalPlaces', '1'],
    ['polarity', 'higher_is_better'],
    ['targetRangeLow', ''],
    ['targetRangeHigh', ''],
    ['areaAggregation', 'ratio'],
    ['timeAggregation', 'ratio'],
    ['frequency', 'annual'],
    ['periodType', 'financial_year'],
    ...STREETS.areaTypes.map((t): [string, string] => ['areaTypes', t]),
    ['theme', STREETS.theme],
    ['source', STREETS.source],
    ['collectionMethod', 'administrative'],
    ['comparabilityNote', ''],
    ['aliases', ''],
  ];
}

/** A new local indicator of Trafford's (or a national one, owner null), defined as the form sends it; its code. */
export async function indicatorOf(w: World, owner: string | null): Promise<string> {
  const code = `${owner === null ? 'NAT' : 'TRF'}-MATRIX-${next()}`;
  await saveTestIndicators(w.db, { ...STREETS, code, ownerBodyId: owner });
  return code;
}

/** A deadline for Trafford to supply the indicator for 2025/26. */
export async function deadlineOf(w: World, indicator: string): Promise<void> {
  await setCollectionDeadline(
    w.db,
    setUp,
    { indicator, period: DEADLINE.period, bodyId: TRAFFORD, dueDate: DEADLINE.dueDate },
    { clock: w.clock },
  );
}

/** A new partner body; its id. */
export async function partnerBody(w: World): Promise<string> {
  const id = `matrix-partner-${next()}`;
  await w.db
    .insertInto('body')
    .values({
      id,
      name: `Matrix Partner ${made}`,
      kind: 'partner',
      council_type: null,
      short_name: null,
      valid_from: null,
      valid_to: null,
      replaced_by: null,
      website: null,
      source: 'test',
    })
    .execute();
  return id;
}

/** A new partner body Trafford shares its unpublished figures with; its id. */
export async function sharedPartner(w: World): Promise<string> {
  const partner = await partnerBody(w);
  await shareUnpublished(w.db, setUp, { ownerBodyId: TRAFFORD, partnerBodyId: partner }, { clock: w.clock });
  return partner;
}

/** A person invited by the command line, holding the roles given. */
export async function person(w: World, roles: { role: string; bodyId: string | null }[] = []): Promise<MadePerson> {
  return makePerson(w.db, { email: `matrix.person${next()}@example.org`, roles });
}

/** A person with a password (cheaply hashed), to sign in as. */
export async function personWithPassword(w: World): Promise<MadePerson> {
  return makePerson(w.db, { email: `matrix.signin${next()}@example.org`, password: TEST_PASSWORD });
}

/** A new API token of Trafford's; its id. */
export async function traffordTokenId(w: World): Promise<string> {
  return (await issueApiToken(w.db, setUp, { bodyId: TRAFFORD, name: `matrix ${next()}` }, { clock: w.clock })).token.id;
}

/** The tokens of a new person's invitation and password reset links. */
export async function oneTimeLinks(w: World) {
  return seedOneTimeLinks(w.db, w.clock, `matrix.linked${next()}@example.org`);
}

/** A new address, for an invitation. */
export const newEmail = () => `matrix.invited${next()}@example.org`;
