/**
 * The authorisation matrix's table: one entry for every write route of the app (POST, PUT, PATCH,
 * DELETE, pages and API), saying who may use it and how to make a request it can succeed with.
 * matrix.db.test.ts fails for a write route without an entry here, and for an entry whose route is
 * gone. To add a route, add an entry (its shape is in entry.ts; docs/adr/0016-authorisation-matrix.md):
 *
 * - a page for signed-in people: `kind: 'page'`, the `guard` naming who may (TRAFFORD_OFFICER,
 *   ADMINISTRATOR or a new one), a `seed` that makes what the route acts on and answers the request,
 *   and where a success redirects;
 * - an API route: `kind: 'api'`, with the status of success for Trafford's own token (or why no token
 *   may);
 * - a route open to everyone on purpose: `kind: 'public'`, with the reason and the answer a signed-out
 *   visitor gets.
 */
import { adminUrls } from '../../src/modules/accounts/index.ts';
import { dataUrls, selfApprovalAllowed, type SubmissionEvent } from '../../src/modules/data/index.ts';
import { definitionUrls } from '../../src/modules/indicators/index.ts';
import { TRAFFORD } from '../support/submission-factories.ts';
import { TEST_PASSWORD } from '../support/accounts-web.ts';
import { apiRequest, type FormFields, pageForm, pageUpload } from './requests.ts';
import {
  DEADLINE,
  deadlineOf,
  definitionForm,
  heldUpload,
  indicatorOf,
  newEmail,
  oneTimeLinks,
  partnerBody,
  person,
  personWithPassword,
  sharedPartner,
  streetsFile,
  traffordSubmission,
  traffordTokenId,
} from './seeds.ts';
import { ADMINISTRATOR, type ApiEntry, type MatrixEntry, type PageEntry, TRAFFORD_OFFICER } from './entry.ts';
import { importedServicePlan, progressReport, traffordServicePlan } from './plans-api-seeds.ts';
import { PLAN_PAGE_ENTRIES } from './plans-page-entries.ts';
import { IMPROVEMENT_CASE_ENTRIES } from './improvement-case-entries.ts';
import { ASSURANCE_PAGE_ENTRIES } from './improvement-assurance-entries.ts';

// --- the requests' pieces ---

const SUBMISSION_PAGE = (step: string) => new RegExp(`^/submissions/[\\w-]+\\?done=${step}$`);
const TRAFFORD_PAGE = (page: string, done: string) => new RegExp(`^/bodies/${TRAFFORD}/${page}\\?done=${done}$`);
const PERSON_PAGE = (done: string) => new RegExp(`^/admin/people/[\\w-]+\\?done=${done}$`);
const REASON = { reason: 'The figures are for the wrong year' };

/** A step on a submission page, on a new submission of Trafford's in the state the step starts from. */
function submissionStep(step: SubmissionEvent, from: 'draft' | 'submitted' | 'approved', fields: FormFields = {}): PageEntry {
  return {
    route: `POST /submissions/:id/${step}`,
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async (w) => pageForm(dataUrls.submissionStep(await traffordSubmission(w, from), step), fields),
    success: SUBMISSION_PAGE(step),
  };
}

/** A step through the API, on a new submission of Trafford's in the state the step starts from. */
function apiStep(step: SubmissionEvent, from: 'draft' | 'submitted' | 'approved', success: ApiEntry['success']): ApiEntry {
  const body = step === 'reject' || step === 'withdraw' ? { json: REASON } : null;
  return {
    route: `POST /api/v1/submissions/:id/${step}`,
    kind: 'api',
    seed: async (w) => apiRequest('POST', `/api/v1/submissions/${await traffordSubmission(w, from)}/${step}`, body),
    success,
  };
}

const PEOPLE_ONLY = 'approving, rejecting and publishing are steps for people, and the API knows only tokens';

let newCodes = 0;
const newCode = (prefix: string) => `${prefix}-NEW-${++newCodes}`;

/** The API's address of Trafford's deadline for the indicator in the matrix's period. */
const deadlineUrl = (indicator: string) =>
  `/api/v1/bodies/${TRAFFORD}/collection/${indicator}/${encodeURIComponent(DEADLINE.period)}`;

const deadlineFields = (indicator: string) => ({
  indicator,
  period: DEADLINE.period,
  'dueDate-day': DEADLINE.day,
  'dueDate-month': DEADLINE.month,
  'dueDate-year': DEADLINE.year,
});

// --- the table ---

export const MATRIX: readonly MatrixEntry[] = [
  // Signing in and out, and the one-time links: for people who are not signed in.
  {
    route: 'POST /account/sign-in',
    kind: 'public',
    why: 'signing in is how someone not signed in becomes signed in',
    csrf: 'always',
    seed: async (w) =>
      pageForm('/account/sign-in', { email: (await personWithPassword(w)).person.email, password: TEST_PASSWORD }),
    answer: { status: 303, location: /^\/account$/ },
  },
  {
    route: 'POST /account/sign-out',
    kind: 'public',
    why: 'signing out ends the session the request came with, if any; it needs the session’s CSRF token only',
    csrf: 'session',
    seed: async () => pageForm('/account/sign-out'),
    answer: { status: 303, location: /^\/account\/signed-out$/ },
  },
  {
    route: 'POST /account/forgot-password',
    kind: 'public',
    why: 'someone who has forgotten their password cannot sign in to ask for a new one',
    csrf: 'always',
    seed: async (w) => pageForm('/account/forgot-password', { email: (await person(w)).person.email }),
    answer: { status: 303, location: /^\/account\/forgot-password\/sent$/ },
  },
  {
    route: 'POST /account/reset-password',
    kind: 'public',
    why: 'the mailed link’s one-time token is the proof of who is asking',
    csrf: 'always',
    seed: async (w) =>
      pageForm('/account/reset-password', { token: (await oneTimeLinks(w)).passwordReset, password: 'a new password of 2026' }),
    answer: { status: 303, location: /^\/account\/sign-in\?from=password-reset$/ },
  },
  {
    route: 'POST /account/accept-invitation',
    kind: 'public',
    why: 'an invited person has no password yet; the mailed link’s one-time token is the proof of who is asking',
    csrf: 'always',
    seed: async (w) =>
      pageForm('/account/accept-invitation', { token: (await oneTimeLinks(w)).invitation, password: 'my first password 2026' }),
    answer: { status: 303, location: /^\/account\/sign-in\?from=invitation-accepted$/ },
  },

  // People and their roles: administrators.
  {
    route: 'POST /admin/people/invite',
    kind: 'page',
    guard: ADMINISTRATOR,
    seed: async () =>
      pageForm(adminUrls.invite(), {
        email: newEmail(),
        displayName: 'A new officer',
        role: 'performance_officer',
        bodyId: TRAFFORD,
        areaCode: '',
      }),
    success: PERSON_PAGE('invited'),
  },
  {
    route: 'POST /admin/people/:id/grants',
    kind: 'page',
    guard: ADMINISTRATOR,
    seed: async (w) =>
      pageForm(adminUrls.grant((await person(w)).person.id), { role: 'performance_officer', bodyId: TRAFFORD, areaCode: '' }),
    success: PERSON_PAGE('granted'),
  },
  {
    route: 'POST /admin/people/:id/grants/:grantId/revoke',
    kind: 'page',
    guard: ADMINISTRATOR,
    seed: async (w) => {
      const made = await person(w, [{ role: 'performance_officer', bodyId: TRAFFORD }]);
      return pageForm(adminUrls.revokeGrant(made.person.id, made.grants[0]!.id));
    },
    success: PERSON_PAGE('revoked'),
  },
  {
    route: 'POST /admin/people/:id/disable',
    kind: 'page',
    guard: ADMINISTRATOR,
    seed: async (w) => pageForm(adminUrls.disable((await person(w)).person.id)),
    success: PERSON_PAGE('disabled'),
  },

  // A body's API tokens: its performance officers (and administrators).
  {
    route: 'POST /bodies/:id/tokens',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async () => pageForm(adminUrls.tokens(TRAFFORD), { name: 'Nightly upload' }),
    success: new RegExp(`^/bodies/${TRAFFORD}/tokens/issued/[\\w-]+$`),
  },
  {
    route: 'POST /bodies/:id/tokens/:tokenId/revoke',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async (w) => pageForm(adminUrls.revokeToken(TRAFFORD, await traffordTokenId(w))),
    success: TRAFFORD_PAGE('tokens', 'revoked'),
  },

  // Indicator definitions: a council's performance officers for its own, administrators for the national ones.
  {
    route: 'POST /indicators/new',
    variant: 'a local indicator of Trafford',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async () => pageForm(definitionUrls.newIndicator(TRAFFORD), definitionForm(newCode('TRF'), 'Streets judged clean')),
    success: /^\/indicators\/TRF-NEW-\d+\/edit\?saved=created$/,
  },
  {
    route: 'POST /indicators/new',
    variant: 'a national indicator',
    kind: 'page',
    guard: ADMINISTRATOR,
    seed: async () => pageForm(definitionUrls.newIndicator(null), definitionForm(newCode('NAT'), 'Streets judged clean')),
    success: /^\/indicators\/NAT-NEW-\d+\/edit\?saved=created$/,
  },
  {
    route: 'POST /indicators/:code/edit',
    variant: 'a local indicator of Trafford',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async (w) => {
      const code = await indicatorOf(w, TRAFFORD);
      return pageForm(definitionUrls.edit(code), definitionForm(code, 'Streets judged clean, changed'));
    },
    success: /^\/indicators\/TRF-MATRIX-\d+\/edit\?saved=versioned$/,
  },
  {
    route: 'POST /indicators/:code/edit',
    variant: 'a national indicator',
    kind: 'page',
    guard: ADMINISTRATOR,
    seed: async (w) => {
      const code = await indicatorOf(w, null);
      return pageForm(definitionUrls.edit(code), definitionForm(code, 'Streets judged clean, changed'));
    },
    success: /^\/indicators\/NAT-MATRIX-\d+\/edit\?saved=versioned$/,
  },

  // Uploading figures and the submission workflow: the body's officers.
  {
    route: 'POST /submissions/new',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async () => pageUpload(dataUrls.upload(), { body: TRAFFORD }, streetsFile()),
    success: /^\/submissions\/checked\/[\w-]+$/,
    writes: false,
  },
  {
    route: 'POST /submissions/checked/:uploadId',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async (w) => pageForm(dataUrls.checkedUpload(await heldUpload(w))),
    success: SUBMISSION_PAGE('create'),
    refusals: {
      wrongBody: {
        status: 404,
        why: 'a checked file is held for the person and session that uploaded it; anyone else is told it is no longer held',
      },
      withoutRole: {
        status: 404,
        why: 'a checked file is held for the person and session that uploaded it; anyone else is told it is no longer held',
      },
    },
  },
  submissionStep('submit', 'draft'),
  submissionStep('approve', 'submitted'),
  submissionStep('publish', 'approved'),
  submissionStep('reject', 'submitted', REASON),
  submissionStep('withdraw', 'draft', REASON),

  // Collection rounds: administrators for national indicators, a body's officer for its own.
  {
    route: 'POST /bodies/:id/collection',
    variant: 'a local indicator of Trafford',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async (w) => pageForm(dataUrls.collection(TRAFFORD), deadlineFields(await indicatorOf(w, TRAFFORD))),
    success: TRAFFORD_PAGE('collection', 'deadline-set'),
  },
  {
    route: 'POST /bodies/:id/collection',
    variant: 'a national indicator',
    kind: 'page',
    guard: ADMINISTRATOR,
    seed: async (w) => pageForm(dataUrls.collection(TRAFFORD), deadlineFields(await indicatorOf(w, null))),
    success: TRAFFORD_PAGE('collection', 'deadline-set'),
  },
  {
    route: 'POST /bodies/:id/collection/remove',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async (w) => {
      const indicator = await indicatorOf(w, TRAFFORD);
      await deadlineOf(w, indicator);
      return pageForm(dataUrls.removeDeadline(TRAFFORD), { indicator, period: DEADLINE.period });
    },
    success: TRAFFORD_PAGE('collection', 'deadline-removed'),
  },

  // Sharing unpublished figures: the body's officers (and administrators).
  {
    route: 'POST /bodies/:id/sharing',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async (w) => pageForm(dataUrls.sharing(TRAFFORD), { partnerBodyId: await partnerBody(w) }),
    success: TRAFFORD_PAGE('sharing', 'shared'),
  },
  {
    route: 'POST /bodies/:id/sharing/stop',
    kind: 'page',
    guard: TRAFFORD_OFFICER,
    seed: async (w) => pageForm(dataUrls.stopSharing(TRAFFORD), { partnerBodyId: await sharedPartner(w) }),
    success: TRAFFORD_PAGE('sharing', 'unshared'),
  },

  // A body's rule for approving its submissions: administrators (the rule binds the body's officers).
  {
    route: 'POST /bodies/:id/submission-rules',
    kind: 'page',
    guard: ADMINISTRATOR,
    seed: async (w) =>
      pageForm(dataUrls.submissionRules(TRAFFORD), {
        selfApproval: (await selfApprovalAllowed(w.db, TRAFFORD)) ? 'forbid' : 'allow',
        reason: 'The team is one officer while the other is on leave',
      }),
    success: TRAFFORD_PAGE('submission-rules', 'rules-set'),
  },

  // Deadlines and sharing through the API: the API token of the body that owns the indicator or the figures.
  {
    route: 'PUT /api/v1/bodies/:id/collection/:indicator/:period',
    kind: 'api',
    seed: async (w) => apiRequest('PUT', deadlineUrl(await indicatorOf(w, TRAFFORD)), { json: { dueDate: DEADLINE.dueDate } }),
    success: { status: 200 },
  },
  {
    route: 'DELETE /api/v1/bodies/:id/collection/:indicator/:period',
    kind: 'api',
    seed: async (w) => {
      const indicator = await indicatorOf(w, TRAFFORD);
      await deadlineOf(w, indicator);
      return apiRequest('DELETE', deadlineUrl(indicator));
    },
    success: { status: 204 },
  },
  {
    route: 'POST /api/v1/bodies/:id/shares',
    kind: 'api',
    seed: async (w) => apiRequest('POST', `/api/v1/bodies/${TRAFFORD}/shares`, { json: { partnerBodyId: await partnerBody(w) } }),
    success: { status: 201 },
  },
  {
    route: 'DELETE /api/v1/bodies/:id/shares/:partnerBodyId',
    kind: 'api',
    seed: async (w) => apiRequest('DELETE', `/api/v1/bodies/${TRAFFORD}/shares/${await sharedPartner(w)}`),
    success: { status: 204 },
  },

  // The submissions API: a body's API token checks, uploads, submits and withdraws.
  {
    route: 'POST /api/v1/submissions/check',
    kind: 'api',
    seed: async () => apiRequest('POST', `/api/v1/submissions/check?body=${TRAFFORD}`, { csv: streetsFile().content }),
    success: { status: 200, writes: false },
  },
  {
    route: 'POST /api/v1/submissions',
    kind: 'api',
    seed: async () => apiRequest('POST', `/api/v1/submissions?body=${TRAFFORD}`, { csv: streetsFile().content }),
    success: { status: 201 },
  },
  apiStep('submit', 'draft', { status: 200 }),
  apiStep('withdraw', 'draft', { status: 200 }),
  apiStep('approve', 'submitted', { noToken: PEOPLE_ONLY }),
  apiStep('reject', 'submitted', { noToken: PEOPLE_ONLY }),
  apiStep('publish', 'approved', { noToken: PEOPLE_ONLY }),

  // The plans API: the owner body's token imports its plans and reports progress on its actions.
  {
    route: 'POST /api/v1/plans/import',
    kind: 'api',
    seed: async () => apiRequest('POST', '/api/v1/plans/import', { json: traffordServicePlan() }),
    success: { status: 200 },
  },
  {
    route: 'POST /api/v1/plans/:id/actions/:key/updates',
    kind: 'api',
    seed: async (w) =>
      apiRequest('POST', `/api/v1/plans/${await importedServicePlan(w)}/actions/A1/updates`, { json: progressReport() }),
    success: { status: 201 },
  },

  // The plans pages' forms: whoever may edit the plan (progress: also the action's own body).
  ...PLAN_PAGE_ENTRIES,

  // The risk, inspection and partnership pages' forms (see improvement-assurance-entries.ts).
  ...ASSURANCE_PAGE_ENTRIES,

  // The case pages' forms (see improvement-case-entries.ts).
  ...IMPROVEMENT_CASE_ENTRIES,
];
