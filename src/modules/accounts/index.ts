/**
 * accounts: people, their roles (global or scoped to a body or area), server-side sessions,
 * invitation and password reset links, API tokens for one body, and the permission rules
 * (tables person, role_grant, person_session, one_time_token, api_token).
 */
export type {
  ApiTokenSummary,
  ClockDeps,
  GrantRequest,
  MailDeps,
  Page,
  Person,
  RoleGrant,
  SignedIn,
  SignInMeta,
} from './accounts.types.ts';
export type { Actor, ActorGrant, ApiTokenActor, CliActor, PersonActor, SystemActor } from './actor.ts';
export { auditActorOf, cliActor, personIdOf, systemActor } from './actor.ts';
export type { GrantScope, Role } from './roles.ts';
export { checkGrantScope, GLOBAL_ROLES, isRole, ROLE_LABELS, ROLE_SCOPES, ROLES, roleWithArticle } from './roles.ts';
export type {
  ActionProgressScope,
  ApprovalScope,
  AuditScope,
  BodyScope,
  CaseScope,
  GlobalScope,
  IndicatorOwnerScope,
  PartnershipScope,
  Permission,
  PermissionScopes,
  PlanScope,
  UnpublishedScope,
} from './permissions.ts';
export { can, PERMISSION_DESCRIPTIONS, PERMISSIONS, requirePermission } from './permissions.ts';
export type { MailKind, MailLogger, MailMessage, MailSender } from './mail.ts';
export { MemoryMailSender, OUTBOX_FILE_NAME, OutboxMailSender } from './mail.ts';
export type { TokenLinks } from './messages.ts';
export {
  checkPassword,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  SCRYPT_PARAMS,
  type ScryptParams,
  verifyPassword,
} from './password.ts';
export { FAILURE_WINDOW_MS, LOCK_OUT_MS, MAX_FAILED_SIGN_INS } from './lockout.ts';
export { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-expiry.ts';
export { INVITATION_TTL_MS, inspectOneTimeLink, type OneTimePurpose, PASSWORD_RESET_TTL_MS } from './one-time-tokens.ts';
export { type HeldRole, type OwnAccount, ownAccount } from './own-account.service.ts';
export {
  acceptInvitation,
  createAdministrator,
  disablePerson,
  findPersonByEmail,
  getPerson,
  invitePerson,
  listPeople,
  type NewPerson,
} from './people.service.ts';
export { resolveSession, rotateSession, SIGN_IN_REFUSED, signIn, signOut } from './sign-in.service.ts';
export { PASSWORD_RESET_REQUESTED, requestPasswordReset, resetPassword } from './password-reset.service.ts';
export { grantRole, listGrants, revokeRole } from './grants.service.ts';
export {
  type ApiTokenListing,
  apiTokensOfBody,
  findApiTokenOfBody,
  issueApiToken,
  listApiTokens,
  resolveApiToken,
  revokeApiToken,
} from './api-tokens.service.ts';
export { listPeopleWithRoles, type PersonRecord, personRecord, type PersonWithRoles } from './people-directory.service.ts';
export {
  type AuditLogFilters,
  auditQueryFor,
  type AuditReach,
  auditReach,
  exportAuditLog,
  readAuditLog,
} from './audit-log.service.ts';
export { AUDIT_EXPORT_CONTENT_TYPES, type AuditExportFormat, auditExportText } from './audit-export.ts';

// The web edge: who is asking, CSRF tokens for forms, the account pages, the signed-out forms' rate limits.
export {
  actorOf,
  type IdentityOptions,
  perApiToken,
  registerIdentity,
  requireActor,
  requirePerson,
  requireSignIn,
  SESSION_COOKIE,
} from './web/identity.ts';
export { CSRF_COOKIE, CSRF_REFUSED, csrfToken, verifyCsrf } from './web/csrf.ts';
export { pageViewerOf } from './web/viewer.ts';
export { accountPages, ACCOUNTS_VIEWS } from './web/routes.ts';
export { adminPages } from './web/admin/routes.ts';
export { auditPages } from './web/audit/routes.ts';
export { adminUrls } from './web/admin/urls.ts';
export { auditUrls } from './web/audit/urls.ts';
export { accountsApi } from './api/routes.ts';
export type { AccountPagesDeps } from './web/deps.ts';
export { accountUrls, type SignInReason, tokenLinks } from './web/urls.ts';
export { type AccountRateLimits, DEFAULT_ACCOUNT_RATE_LIMITS, type FormRateLimit, formRateLimit } from './web/rate-limits.ts';
