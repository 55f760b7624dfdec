/**
 * Test data for data submission: the accounts test bodies (Trafford and Stockport councils, the
 * police and a housing trust), two council areas, a local indicator of Trafford's and a national
 * one, and people holding each role that matters, made through the accounts services.
 */
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import type { SubmittedFile } from '../../src/platform/files.ts';
import {
  type ApiTokenActor,
  cliActor,
  issueApiToken,
  type PersonActor,
  resolveApiToken,
} from '../../src/modules/accounts/index.ts';
import {
  approveSubmission,
  createSubmission,
  publishSubmission,
  type Submission,
  submitSubmission,
} from '../../src/modules/data/index.ts';
import { personWithRole, seedAccountsBodies, TEST_BODIES } from './accounts-factories.ts';
import { insertAreas, saveTestIndicators } from './data-factories.ts';

type Db = Kysely<Database>;

export const TRAFFORD = TEST_BODIES.council.id;
export const STOCKPORT = TEST_BODIES.otherCouncil.id;
export const POLICE = TEST_BODIES.partner.id;
export const HOUSING = TEST_BODIES.otherPartner.id;

export const TRAFFORD_AREA = 'E08000009';
export const STOCKPORT_AREA = 'E08000007';

/** Trafford's own indicator (financial years) and a national one nobody owns. */
export const LOCAL_INDICATOR = 'TRF-STREETS';
export const NATIONAL_INDICATOR = 'REC';

export const SUBMISSION_START = '2025-06-01T09:00:00.000Z';

export function submissionClock() {
  return fixedClock(SUBMISSION_START);
}

export interface SubmissionWorld {
  /** Trafford's performance officers */
  officer: PersonActor;
  secondOfficer: PersonActor;
  stockportOfficer: PersonActor;
  /** the police's partner data officer */
  partnerOfficer: PersonActor;
  /** the housing trust's partner data officer */
  housingOfficer: PersonActor;
  assessor: PersonActor;
  administrator: PersonActor;
  councillor: PersonActor;
  /** an API token of Trafford's */
  traffordToken: ApiTokenActor;
}

export async function seedSubmissionWorld(db: Db): Promise<SubmissionWorld> {
  await seedAccountsBodies(db);
  await insertAreas(db, [
    { code: TRAFFORD_AREA, name: 'Trafford' },
    { code: STOCKPORT_AREA, name: 'Stockport' },
  ]);
  await saveTestIndicators(
    db,
    {
      code: LOCAL_INDICATOR,
      title: 'Streets judged clean',
      unit: 'percentage',
      areaAggregation: 'none',
      timeAggregation: 'none',
      numeratorDefinition: null,
      denominatorDefinition: null,
      areaTypes: ['metropolitan_district'],
      ownerBodyId: TRAFFORD,
    },
    { code: NATIONAL_INDICATOR, areaTypes: ['metropolitan_district'] },
  );
  const role = async (r: Parameters<typeof personWithRole>[1], bodyId?: string | null) =>
    (await personWithRole(db, r, bodyId === undefined ? {} : { bodyId })).actor;
  return {
    officer: await role('performance_officer', TRAFFORD),
    secondOfficer: await role('performance_officer', TRAFFORD),
    stockportOfficer: await role('performance_officer', STOCKPORT),
    partnerOfficer: await role('partner_data_officer', POLICE),
    housingOfficer: await role('partner_data_officer', HOUSING),
    assessor: await role('assessor', null),
    administrator: await role('administrator', null),
    councillor: await role('councillor_executive', TRAFFORD),
    traffordToken: await tokenOf(db, TRAFFORD, 'Trafford uploads'),
  };
}

/** A real API token of the body, issued by the command line, as the token's own actor. */
export async function tokenOf(db: Db, bodyId: string, name: string): Promise<ApiTokenActor> {
  const deps = { clock: submissionClock() };
  const { plaintext } = await issueApiToken(db, cliActor(), { bodyId, name }, deps);
  const actor = await resolveApiToken(db, plaintext, deps);
  if (!actor) throw new Error('the token just issued does not resolve');
  return actor;
}

/** A tidy CSV with the columns people write (names for readers included, which the importer ignores). */
export function submissionCsv(name: string, rows: readonly (readonly (string | number)[])[]): SubmittedFile {
  const header = 'indicator,area,area_name,period,value,status,note';
  const cell = (c: string | number) => (typeof c === 'string' && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c));
  return { name, content: Buffer.from([header, ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n') };
}

/** Trafford's street cleanliness for two years, as a council would upload it. */
export function traffordStreetsFile(
  values: { fy2023: string; fy2024: string } = { fy2023: '91.2', fy2024: '92.5' },
): SubmittedFile {
  return submissionCsv('trafford-streets-2024.csv', [
    [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2023/24', values.fy2023, 'final', 'Survey of 1,200 sites, "relevant land"'],
    [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2024/25', values.fy2024, 'provisional', ''],
  ]);
}

/** A submission taken from upload to publication: uploaded and submitted by one officer, approved and published by another. */
export async function publishedSubmission(
  db: Db,
  world: SubmissionWorld,
  file: SubmittedFile,
  clock = submissionClock(),
  bodyId: string = TRAFFORD,
): Promise<Submission> {
  const deps = { clock };
  const draft = await createSubmission(db, world.officer, { bodyId, file }, deps);
  await submitSubmission(db, world.officer, draft.id, deps);
  await approveSubmission(db, world.secondOfficer, draft.id, deps);
  return publishSubmission(db, world.secondOfficer, draft.id, deps);
}

/** Who runs the command line, for set-up steps that are not under test. */
export const setUp = cliActor();
