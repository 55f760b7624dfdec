/**
 * Who may do what, in one readable table. `can` is pure: the caller supplies what the decision
 * depends on (the body that owns the data, who submitted it, whom it was shared with).
 */
import { ForbiddenError } from '../../platform/errors.ts';
import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';

export const PERMISSIONS = [
  'manage_people',
  'issue_api_tokens',
  'submit_observations',
  'approve_submission',
  'read_unpublished',
  'define_local_indicator',
  'maintain_national_indicator',
  'read_audit',
  'share_unpublished',
  'set_collection_deadline',
  'set_submission_rules',
  'edit_plan',
  'report_action_progress',
  'read_draft_plan',
  'act_on_case',
  'configure_improvement',
  'file_self_assessment',
  'respond_self_assessment',
  'manage_partnership',
  'record_peer_review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions that do not depend on a body take no scope. */
export type GlobalScope = Record<string, never>;
/** The body that owns what is being done. */
export interface BodyScope {
  bodyId: string;
}
export interface ApprovalScope extends BodyScope {
  /** who submitted (a person id; null when an API token did) */
  submittedBy: string | null;
  /** the body's own rule: may the submitter approve their own submission? */
  selfApprovalAllowed: boolean;
}
export interface UnpublishedScope extends BodyScope {
  /** bodies the owner has shared its unpublished data with */
  sharedWith: readonly string[];
}
/** The part of the audit log read: one body's events, or (bodyId null) the whole log. */
export interface AuditScope {
  bodyId: string | null;
}
export interface IndicatorOwnerScope extends BodyScope {
  /** the owning body's kind: local indicators belong to councils */
  bodyKind: string;
}
/** The indicator a collection deadline is for. */
export interface DeadlineScope {
  /** the body that owns the indicator (null: a national indicator) */
  indicatorOwnerBodyId: string | null;
}
/** A plan's owner body and the bodies accountable for it (an LSP's accountable body, a council). */
export interface PlanScope extends BodyScope {
  accountableBodyIds: readonly string[];
}
/** An action of a plan: the plan's bodies and the body that owns the action. */
export interface ActionProgressScope extends PlanScope {
  actionOwnerBodyId: string;
}

/** A case on the ladder of response: its council, its rung and (for a move) the rung it would go to. */
export interface CaseScope extends BodyScope {
  rung: number;
  toRung: number;
}
/** An improvement partnership's member councils (for a new one: the councils it would have). */
export interface PartnershipScope {
  memberBodyIds: readonly string[];
}

export interface PermissionScopes {
  manage_people: GlobalScope;
  issue_api_tokens: BodyScope;
  submit_observations: BodyScope;
  approve_submission: ApprovalScope;
  read_unpublished: UnpublishedScope;
  define_local_indicator: IndicatorOwnerScope;
  maintain_national_indicator: GlobalScope;
  read_audit: AuditScope;
  share_unpublished: BodyScope;
  set_collection_deadline: DeadlineScope;
  set_submission_rules: BodyScope;
  edit_plan: PlanScope;
  report_action_progress: ActionProgressScope;
  read_draft_plan: PlanScope;
  act_on_case: CaseScope;
  configure_improvement: GlobalScope;
  file_self_assessment: BodyScope;
  respond_self_assessment: GlobalScope;
  manage_partnership: PartnershipScope;
  record_peer_review: PartnershipScope;
}

type ScopeArgs<P extends Permission> = PermissionScopes[P] extends GlobalScope
  ? [scope?: GlobalScope]
  : [scope: PermissionScopes[P]];

// --- the words the table is written in ---

/** Holds the role everywhere (a global grant). */
const anywhere = (a: Actor, role: Role) => a.kind === 'person' && a.grants.some((g) => g.role === role && g.bodyId === null);
/** Holds the role for this body. */
const forBody = (a: Actor, role: Role, bodyId: string) =>
  a.kind === 'person' && a.grants.some((g) => g.role === role && g.bodyId === bodyId);
/** A performance officer or partner data officer of this body. */
const officerOf = (a: Actor, bodyId: string) =>
  forBody(a, 'performance_officer', bodyId) || forBody(a, 'partner_data_officer', bodyId);
/** An API token issued to this body. */
const tokenOf = (a: Actor, bodyId: string) => a.kind === 'api_token' && a.bodyId === bodyId;
/** One of the body's own: a person holding any role for it, or its API token. */
const ofBody = (a: Actor, bodyId: string) =>
  tokenOf(a, bodyId) || (a.kind === 'person' && a.grants.some((g) => g.bodyId === bodyId));
/** A performance officer or partner data officer of the plan's owner or of a body accountable for it. */
const planOfficer = (a: Actor, s: PlanScope) => [s.bodyId, ...s.accountableBodyIds].some((b) => officerOf(a, b));
/** A performance officer or executive councillor of this council. */
const councilLead = (a: Actor, bodyId: string) =>
  forBody(a, 'performance_officer', bodyId) || forBody(a, 'councillor_executive', bodyId);
const isPerson = (a: Actor, personId: string | null) => a.kind === 'person' && personId !== null && a.personId === personId;

/** The table. The command line and the system are trusted before it is read (see `can`). */
const RULES: { [P in Permission]: (a: Actor, s: PermissionScopes[P]) => boolean } = {
  manage_people: (a) => anywhere(a, 'administrator'),
  issue_api_tokens: (a, s) => anywhere(a, 'administrator') || forBody(a, 'performance_officer', s.bodyId),
  submit_observations: (a, s) => officerOf(a, s.bodyId) || tokenOf(a, s.bodyId),
  approve_submission: (a, s) => officerOf(a, s.bodyId) && (s.selfApprovalAllowed || !isPerson(a, s.submittedBy)),
  read_unpublished: (a, s) => anywhere(a, 'assessor') || ofBody(a, s.bodyId) || s.sharedWith.some((b) => ofBody(a, b)),
  define_local_indicator: (a, s) => s.bodyKind === 'council' && forBody(a, 'performance_officer', s.bodyId),
  maintain_national_indicator: (a) => anywhere(a, 'administrator'),
  read_audit: (a, s) => anywhere(a, 'administrator') || anywhere(a, 'assessor') || (s.bodyId !== null && ofBody(a, s.bodyId)),
  // A body's token acts for it in what its officers do routinely: sharing and its own collection rounds.
  share_unpublished: (a, s) => anywhere(a, 'administrator') || officerOf(a, s.bodyId) || tokenOf(a, s.bodyId),
  // National deadlines are the administrators'; a body asking for its own indicator sets its own.
  set_collection_deadline: (a, s) =>
    anywhere(a, 'administrator') ||
    (s.indicatorOwnerBodyId !== null && (officerOf(a, s.indicatorOwnerBodyId) || tokenOf(a, s.indicatorOwnerBodyId))),
  // Self-approval switches off the two-person rule, so the officers it binds cannot switch it, nor a token.
  set_submission_rules: (a) => anywhere(a, 'administrator'),
  // A plan is its owner's and its accountable body's to edit; an owner's token may import its plans.
  edit_plan: (a, s) => anywhere(a, 'administrator') || planOfficer(a, s) || tokenOf(a, s.bodyId),
  // Progress is reported by those who may edit the plan and by the action's own body.
  report_action_progress: (a, s) =>
    anywhere(a, 'administrator') ||
    planOfficer(a, s) ||
    tokenOf(a, s.bodyId) ||
    officerOf(a, s.actionOwnerBodyId) ||
    tokenOf(a, s.actionOwnerBodyId),
  read_draft_plan: (a, s) =>
    anywhere(a, 'administrator') || anywhere(a, 'assessor') || [s.bodyId, ...s.accountableBodyIds].some((b) => ofBody(a, b)),
  // The council acts on its own cases on rungs 1 and 2; central government's rung is the assessors'.
  act_on_case: (a, s) =>
    anywhere(a, 'administrator') || anywhere(a, 'assessor') || (councilLead(a, s.bodyId) && s.rung < 3 && s.toRung < 3),
  // A council does not switch off the triggers on itself, nor weigh its own risk.
  configure_improvement: (a) => anywhere(a, 'administrator') || anywhere(a, 'assessor'),
  file_self_assessment: (a, s) => anywhere(a, 'administrator') || forBody(a, 'performance_officer', s.bodyId),
  respond_self_assessment: (a) => anywhere(a, 'assessor'),
  manage_partnership: (a, s) => anywhere(a, 'administrator') || s.memberBodyIds.some((b) => councilLead(a, b)),
  record_peer_review: (a, s) => anywhere(a, 'administrator') || s.memberBodyIds.some((b) => councilLead(a, b)),
};

/** What each permission lets one do, for messages: "You may not {…}". */
export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  manage_people: 'manage people and their roles',
  issue_api_tokens: 'issue or revoke API tokens for this body',
  submit_observations: 'submit figures for this body',
  approve_submission: 'approve this submission',
  read_unpublished: 'see this body’s unpublished figures',
  define_local_indicator: 'define local indicators for this body',
  maintain_national_indicator: 'maintain national indicators',
  read_audit: 'read this part of the audit log',
  share_unpublished: 'share or stop sharing this body’s unpublished figures',
  set_collection_deadline: 'set collection deadlines for this indicator',
  set_submission_rules: 'change this body’s rules for submissions',
  edit_plan: 'change this plan',
  report_action_progress: 'report progress on this action',
  read_draft_plan: 'see the drafts of this plan',
  act_on_case: 'act on this case at this rung',
  configure_improvement: 'change the trigger rules, rung deadlines or risk model',
  file_self_assessment: 'file a self-assessment for this council',
  respond_self_assessment: 'agree or challenge a self-assessment',
  manage_partnership: 'change this improvement partnership',
  record_peer_review: 'record peer reviews for this partnership',
};

export function can<P extends Permission>(actor: Actor, permission: P, ...[scope]: ScopeArgs<P>): boolean {
  // Whoever runs the command line or a system job already holds the database and the server.
  if (actor.kind === 'cli' || actor.kind === 'system') return true;
  return RULES[permission](actor, (scope ?? {}) as PermissionScopes[P]);
}

/** `can`, or a ForbiddenError saying what may not be done. */
export function requirePermission<P extends Permission>(actor: Actor, permission: P, ...scope: ScopeArgs<P>): void {
  if (!can(actor, permission, ...scope)) throw new ForbiddenError(`You may not ${PERMISSION_DESCRIPTIONS[permission]}`);
}
