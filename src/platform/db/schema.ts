/**
 * Row types of every table, as Kysely sees them. Each table has one owning module
 * (named in the comment); other modules read it only through that module's index.ts.
 *
 * Conventions shared by both dialects:
 * - dates are ISO text 'YYYY-MM-DD'; instants are ISO text 'YYYY-MM-DDTHH:MM:SS.sssZ'
 *   (text sorts correctly and reads the same on SQLite and PostgreSQL);
 * - booleans are integers 0/1;
 * - lists are JSON text.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

/** places */
export interface AreaTable {
  code: string;
  name: string;
  type: string;
  country_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  population: number | null;
  population_year: number | null;
  imd_rank: number | null;
  imd_score: number | null;
  imd_decile: number | null;
  source: string;
}

/** places */
export interface AreaParentTable {
  child_code: string;
  parent_code: string;
  valid_from: string;
  valid_to: string | null;
  source: string;
}

/** places: materialised transitive closure of the current parent links (depth 0 = self) */
export interface AreaClosureTable {
  ancestor_code: string;
  descendant_code: string;
  depth: number;
}

/** places */
export interface AreaIdentifierTable {
  area_code: string;
  scheme: string;
  identifier: string;
}

/** places: a retired code and the code(s) that took over from it */
export interface AreaSuccessionTable {
  old_code: string;
  new_code: string;
  change_type: string;
  effective_date: string;
  source: string;
}

/** places: boundary files kept for maps */
export interface BoundarySetTable {
  id: string;
  title: string;
  format: string;
  area_type: string | null;
  vintage: string | null;
  licence: string;
  attribution: string;
  content: string;
  imported_at: string;
}

/** bodies */
export interface BodyTable {
  id: string;
  name: string;
  kind: string;
  council_type: string | null;
  short_name: string | null;
  valid_from: string | null;
  valid_to: string | null;
  replaced_by: string | null;
  website: string | null;
  source: string;
}

/** bodies: which area a body governs or serves */
export interface BodyAreaTable {
  body_id: string;
  area_code: string;
  role: string;
  tier: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

/** bodies: members of a partnership (an LSP's council and partners) */
export interface BodyMembershipTable {
  body_id: string;
  member_body_id: string;
  role: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

/** bodies */
export interface BodyIdentifierTable {
  body_id: string;
  scheme: string;
  identifier: string;
}

/** indicators */
export interface IndicatorTable {
  code: string;
  current_version: number;
  created_at: string;
}

/** indicators */
export interface IndicatorVersionTable {
  indicator_code: string;
  version: number;
  title: string;
  description: string;
  rationale: string | null;
  numerator_definition: string | null;
  denominator_definition: string | null;
  unit: string;
  unit_multiplier: number | null;
  decimal_places: number;
  polarity: string;
  target_range_low: number | null;
  target_range_high: number | null;
  area_aggregation: string;
  time_aggregation: string;
  frequency: string;
  period_type: string;
  area_types: string;
  theme: string | null;
  source: string | null;
  owner_body_id: string | null;
  collection_method: string;
  comparability_note: string | null;
  fingerprint: string;
  created_at: string;
}

/** indicators: other known codes (NI 192, BVPI 82a, a source file's label) */
export interface IndicatorAliasTable {
  indicator_code: string;
  scheme: string;
  alias: string;
}

/** data */
export interface ObservationTable {
  id: Generated<number>;
  indicator_code: string;
  indicator_version: number;
  area_code: string;
  period: string;
  period_type: string;
  period_start: string;
  period_end: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sample_size: number | null;
  ci_lower: number | null;
  ci_upper: number | null;
  status: string;
  source_body_id: string | null;
  import_id: number | null;
  revision: number;
  published_at: string;
  superseded_at: string | null;
}

/** data */
export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  reader: string;
  rows_read: number;
  rows_written: number;
  rows_unchanged: number;
  rows_rejected: number;
  imported_at: string;
  actor: string | null;
}

/** data: when the figures for an indicator and period are due, from one body or (body_id null) in general */
export interface CollectionDeadlineTable {
  indicator_code: string;
  period: string;
  body_id: string | null;
  due_date: string;
}

/** data: an upload of figures by a body, held until it is published (state draft … published) */
export interface SubmissionTable {
  id: string;
  body_id: string;
  state: string;
  file_name: string;
  file_sha256: string;
  /** 'csv' | 'json' */
  format: string;
  /** JSON list of indicator codes */
  indicator_codes: string;
  row_count: number;
  /** JSON: what the file would have done to the published figures when uploaded */
  check_summary: string;
  created_by_person_id: string | null;
  created_by_token_id: string | null;
  created_by_label: string;
  created_at: string;
  submitted_at: string | null;
  submitted_by_person_id: string | null;
  approved_at: string | null;
  approved_by_person_id: string | null;
  approved_by_label: string | null;
  published_at: string | null;
  /** the import batch that wrote its figures into observation */
  import_id: number | null;
  /** when it was withdrawn or rejected */
  closed_at: string | null;
  reason: string | null;
  updated_at: string;
}

/** data: a submission's figures, checked, until published */
export interface SubmissionRowTable {
  submission_id: string;
  /** 1, 2, … in file order */
  position: number;
  /** the line in the file (the header is line 1; a JSON observation's first line) */
  line: number;
  indicator_code: string;
  area_code: string;
  /** canonical period key */
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sample_size: number | null;
  ci_lower: number | null;
  ci_upper: number | null;
  status: string;
}

/** data: every step of a submission (from_state null when it was created) */
export interface SubmissionEventTable {
  id: Generated<number>;
  submission_id: string;
  event: string;
  from_state: string | null;
  to_state: string;
  actor_person_id: string | null;
  actor_label: string;
  via_kind: string;
  via_id: string | null;
  reason: string | null;
  occurred_at: string;
}

/** data: a body's own rules for its submissions */
export interface BodySubmissionSettingTable {
  body_id: string;
  self_approval_allowed: number;
  updated_by_label: string;
  updated_at: string;
}

/** data: a body's unpublished figures shared with a partner body; revoked, never deleted */
export interface ShareUnpublishedTable {
  id: Generated<number>;
  owner_body_id: string;
  partner_body_id: string;
  granted_by_person_id: string | null;
  granted_by_label: string;
  granted_at: string;
  revoked_at: string | null;
  revoked_by_label: string | null;
}

/** analysis */
export interface ComparatorGroupTable {
  id: string;
  name: string;
  kind: string;
  anchor_area_code: string | null;
  source: string;
  imported_at: string;
}

/** analysis */
export interface ComparatorGroupMemberTable {
  group_id: string;
  area_code: string;
}

/** audit: append-only; triggers on both dialects refuse an update or a delete */
export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: string;
  actor_person_id: string | null;
  actor_label: string;
  /** 'session' | 'token' | 'cli' | 'system' */
  via_kind: string;
  /** a session id's hash prefix or an API token's id, never a secret */
  via_id: string | null;
  action: string;
  subject_kind: string;
  subject_id: string;
  body_id: string | null;
  indicator_code: string | null;
  area_code: string | null;
  before_json: string | null;
  after_json: string | null;
  summary: string;
}

/** accounts */
export interface PersonTable {
  id: string;
  email: string;
  /** the email lower-cased, unique */
  email_key: string;
  display_name: string;
  /** scrypt$N$r$p$salt$hash; null until an invitation is accepted */
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
  failed_sign_ins: Generated<number>;
  failed_since: string | null;
  locked_until: string | null;
}

/** accounts: a role held by a person, global or scoped to a body and/or an area; revoked, never deleted */
export interface RoleGrantTable {
  id: string;
  person_id: string;
  role: string;
  body_id: string | null;
  area_code: string | null;
  granted_by: string | null;
  granted_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** accounts: server-side sessions, keyed by the SHA-256 of the id the browser holds */
export interface PersonSessionTable {
  id_hash: string;
  person_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  ip_address: string | null;
  user_agent: string | null;
}

/** accounts: invitation and password reset links, stored hashed, used once */
export interface OneTimeTokenTable {
  token_hash: string;
  person_id: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** accounts: machine credentials scoped to one body, stored hashed */
export interface ApiTokenTable {
  id: string;
  body_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** plans: a PSA target or standard, linked from national targets by code */
export interface NationalPriorityTable {
  code: string;
  wording: string;
  department: string | null;
  /** 'psa_target' | 'psa_standard' */
  kind: string;
  updated_at: string;
}

/** plans: a community strategy, Local Area Agreement or service plan; its content is in its versions */
export interface PlanTable {
  id: string;
  kind: string;
  owner_body_id: string;
  area_code: string | null;
  created_at: string;
  /** who created it, as the audit log names them */
  created_by: string;
}

/** plans: a version of a plan, a draft or published (never changed once published) */
export interface PlanVersionTable {
  id: Generated<number>;
  plan_id: string;
  number: number;
  /** 'draft' | 'published' */
  state: string;
  title: string;
  vision: string | null;
  covers_from: string | null;
  covers_to: string | null;
  in_force_from: string | null;
  change_note: string | null;
  /** JSON list of body ids */
  partner_body_ids: string;
  disclaimer: string | null;
  created_at: string;
  created_by: string;
  published_at: string | null;
  published_by: string | null;
}

/** plans: a theme, priority, target or action of one version; its key is stable across versions */
export interface PlanItemTable {
  id: Generated<number>;
  version_id: number;
  key: string;
  kind: string;
  parent_key: string | null;
  title: string;
  description: string | null;
  position: number;
}

/** plans: a target item's own fields */
export interface PlanTargetTable {
  item_id: number;
  target_kind: string;
  national_priority_code: string | null;
  indicator_code: string;
  area_code: string;
  /** JSON list of area codes; empty for the whole area */
  coverage_area_codes: string;
  /** 'level' | 'gap' */
  measure: string;
  gap_part_type: string | null;
  direction: string;
  baseline_period: string | null;
  baseline_value: number | null;
  target_period: string;
  target_value: number | null;
  target_low: number | null;
  target_high: number | null;
  /** JSON list of { period, value } or { period, low, high } */
  milestones: string;
  stretch_amount_gbp: number | null;
  stretch_description: string | null;
  owner_body_id: string;
  lead_person: string | null;
}

/** plans: an action item's own fields */
export interface PlanActionTable {
  item_id: number;
  owner_body_id: string;
  lead_person: string | null;
  due: string;
  /** JSON list of { due, title, done } */
  milestones: string;
}

/** plans: an item serving an item of another plan (by plan id and key) */
export interface PlanItemLinkTable {
  item_id: number;
  serves_plan_id: string;
  serves_key: string;
  position: number;
}

/** plans: a version of a target's status rule (its tolerance); added, never changed */
export interface StatusRuleTable {
  id: Generated<number>;
  plan_id: string;
  target_key: string;
  version: number;
  tolerance: number;
  /** 'absolute' | 'percent' */
  tolerance_kind: string;
  in_force_from: string;
  created_at: string;
  created_by: string;
  reason: string | null;
}

/** plans: a target's status as judged, with the plan version, rule version and tolerance used */
export interface TargetAssessmentTable {
  id: Generated<number>;
  plan_id: string;
  target_key: string;
  plan_version_id: number;
  rule_id: number;
  rule_version: number;
  tolerance: number;
  tolerance_kind: string;
  status: string;
  reason: string;
  period: string | null;
  actual: number | null;
  expected_value: number | null;
  expected_low: number | null;
  expected_high: number | null;
  target_met: number;
  assessed_at: string;
}

/** plans: a report of progress on an action; the latest is its progress */
export interface ActionUpdateTable {
  id: Generated<number>;
  plan_id: string;
  action_key: string;
  progress: number;
  state: string;
  note: string | null;
  as_of: string;
  created_at: string;
  created_by: string;
  created_by_person_id: string | null;
}

/** improvement: a version of a trigger rule for a scope ('*' = every body / every indicator) */
export interface TriggerRuleTable {
  id: Generated<number>;
  kind: string;
  body_id: string;
  indicator_code: string;
  version: number;
  /** 0 | 1 */
  enabled: number;
  /** JSON object of the kind's parameters */
  params: string;
  created_at: string;
  created_by: string;
  reason: string | null;
}

/** improvement: a firing of a trigger, recorded once by its fingerprint, with its case */
export interface TriggerFiringTable {
  id: Generated<number>;
  source: string;
  kind: string;
  rule_id: number | null;
  rule_version: number | null;
  body_id: string;
  area_code: string;
  indicator_code: string | null;
  period: string | null;
  fingerprint: string;
  summary: string;
  /** JSON object */
  evidence: string;
  open_at_rung: number;
  case_id: number;
  fired_at: string;
}

/** improvement: a case on the ladder of response */
export interface LadderCaseTable {
  id: Generated<number>;
  body_id: string;
  area_code: string;
  indicator_code: string | null;
  title: string;
  state: string;
  rung: number;
  owner_name: string | null;
  action_plan: string | null;
  deadline: string;
  rung_entered_at: string;
  baseline_value: number | null;
  baseline_period: string | null;
  opened_at: string;
  closed_at: string | null;
  closed_reason: string | null;
  /** JSON list of kinds */
  kinds: string;
}

/** improvement: a transition of a case */
export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  from_rung: number | null;
  to_rung: number;
  reason: string | null;
  /** JSON object */
  detail: string;
  actor: string;
  actor_person_id: string | null;
  at: string;
}

/** improvement: the days a rung gives, for one council or '*'; the newest row per (body, rung) wins */
export interface LadderSettingTable {
  id: Generated<number>;
  body_id: string;
  rung: number;
  days: number;
  created_at: string;
  created_by: string;
  reason: string;
}

/** improvement: a version of the risk model */
export interface RiskModelTable {
  version: number;
  /** JSON Record<RiskComponentKey, number> */
  weights: string;
  /** JSON Record<Rung, number> */
  case_points: string;
  case_points_for_full_share: number;
  /** JSON { high, medium } */
  bands: string;
  created_at: string;
  created_by: string;
  reason: string | null;
}

/** improvement: a council's stored risk profile */
export interface RiskProfileTable {
  id: Generated<number>;
  body_id: string;
  area_code: string;
  computed_at: string;
  score: number;
  band: string;
  model_version: number;
  /** JSON RiskInputs */
  inputs: string;
  /** JSON RiskComponent[] */
  components: string;
  /** JSON InspectionTheme[] */
  flagged_themes: string;
}

/** improvement: a council's self-assessment of a theme */
export interface SelfAssessmentTable {
  id: Generated<number>;
  body_id: string;
  theme: string;
  grade: string;
  summary: string;
  evidence: string;
  state: string;
  filed_at: string;
  filed_by: string;
  filed_by_person_id: string | null;
  response: string | null;
  responded_at: string | null;
  responded_by: string | null;
  responded_by_person_id: string | null;
}

/** improvement: an improvement partnership of councils */
export interface ImprovementPartnershipTable {
  id: string;
  name: string;
  description: string;
  formed_on: string;
  created_at: string;
  created_by: string;
}

/** improvement: a council's membership of a partnership (left_at once it leaves) */
export interface PartnershipMemberTable {
  partnership_id: string;
  body_id: string;
  joined_at: string;
  left_at: string | null;
}

/** improvement: a peer review of one council by others */
export interface PeerReviewTable {
  id: Generated<number>;
  partnership_id: string | null;
  reviewed_body_id: string;
  /** JSON list of body ids */
  reviewer_body_ids: string;
  reviewed_on: string;
  scope: string;
  findings: string;
  recommendations: string;
  follow_up: string | null;
  created_at: string;
  created_by: string;
  updated_at: string | null;
}

/** improvement: a peer review linked to a case on rung 2 */
export interface CasePeerReviewTable {
  case_id: number;
  peer_review_id: number;
  linked_at: string;
  linked_by: string;
}

export interface Database {
  area: AreaTable;
  area_parent: AreaParentTable;
  area_closure: AreaClosureTable;
  area_identifier: AreaIdentifierTable;
  area_succession: AreaSuccessionTable;
  boundary_set: BoundarySetTable;
  body: BodyTable;
  body_area: BodyAreaTable;
  body_membership: BodyMembershipTable;
  body_identifier: BodyIdentifierTable;
  indicator: IndicatorTable;
  indicator_version: IndicatorVersionTable;
  indicator_alias: IndicatorAliasTable;
  observation: ObservationTable;
  import_batch: ImportBatchTable;
  collection_deadline: CollectionDeadlineTable;
  submission: SubmissionTable;
  submission_row: SubmissionRowTable;
  submission_event: SubmissionEventTable;
  body_submission_setting: BodySubmissionSettingTable;
  share_unpublished: ShareUnpublishedTable;
  comparator_group: ComparatorGroupTable;
  comparator_group_member: ComparatorGroupMemberTable;
  audit_event: AuditEventTable;
  person: PersonTable;
  role_grant: RoleGrantTable;
  person_session: PersonSessionTable;
  one_time_token: OneTimeTokenTable;
  api_token: ApiTokenTable;
  national_priority: NationalPriorityTable;
  plan: PlanTable;
  plan_version: PlanVersionTable;
  plan_item: PlanItemTable;
  plan_target: PlanTargetTable;
  plan_action: PlanActionTable;
  plan_item_link: PlanItemLinkTable;
  status_rule: StatusRuleTable;
  target_assessment: TargetAssessmentTable;
  action_update: ActionUpdateTable;
  trigger_rule: TriggerRuleTable;
  trigger_firing: TriggerFiringTable;
  ladder_case: LadderCaseTable;
  case_event: CaseEventTable;
  ladder_setting: LadderSettingTable;
  risk_model: RiskModelTable;
  risk_profile: RiskProfileTable;
  self_assessment: SelfAssessmentTable;
  improvement_partnership: ImprovementPartnershipTable;
  partnership_member: PartnershipMemberTable;
  peer_review: PeerReviewTable;
  case_peer_review: CasePeerReviewTable;
}

export type AreaRow = Selectable<AreaTable>;
export type NewArea = Insertable<AreaTable>;
export type BodyRow = Selectable<BodyTable>;
export type IndicatorVersionRow = Selectable<IndicatorVersionTable>;
export type ObservationRow = Selectable<ObservationTable>;
export type NewObservation = Insertable<ObservationTable>;
