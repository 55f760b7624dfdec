/** From the assurance tables' rows to the improvement vocabulary. */
import type {
  InspectionTheme,
  Partnership,
  PeerReview,
  RiskBand,
  RiskComponent,
  RiskInputs,
  RiskModel,
  RiskProfile,
  SelfAssessment,
  SelfAssessmentGrade,
  SelfAssessmentState,
} from '../improvement.types.ts';
import type { PartnershipMemberRow, PartnershipRow, PeerReviewRow } from './partnership.repository.ts';
import type { RiskModelRow, RiskProfileListRow } from './risk.repository.ts';
import type { SelfAssessmentRow } from './self-assessment.repository.ts';

const json = <T>(text: string): T => JSON.parse(text) as T;

export function toRiskModel(row: RiskModelRow): RiskModel {
  return {
    version: Number(row.version),
    weights: json(row.weights),
    casePoints: json(row.case_points),
    casePointsForFullShare: Number(row.case_points_for_full_share),
    bands: json(row.bands),
    createdAt: row.created_at,
    createdBy: row.created_by,
    reason: row.reason,
  };
}

export function toRiskProfile(row: RiskProfileListRow): RiskProfile {
  return {
    bodyId: row.body_id,
    bodyName: row.body_name,
    areaCode: row.area_code,
    score: Number(row.score),
    band: row.band as RiskBand,
    modelVersion: Number(row.model_version),
    components: json<RiskComponent[]>(row.components),
    flaggedThemes: json<InspectionTheme[]>(row.flagged_themes),
    inputs: json<RiskInputs>(row.inputs),
    computedAt: row.computed_at,
  };
}

export function toSelfAssessment(row: SelfAssessmentRow): SelfAssessment {
  return {
    id: Number(row.id),
    bodyId: row.body_id,
    theme: row.theme as InspectionTheme,
    grade: row.grade as SelfAssessmentGrade,
    summary: row.summary,
    evidence: row.evidence,
    state: row.state as SelfAssessmentState,
    filedAt: row.filed_at,
    filedBy: row.filed_by,
    response: row.response,
    respondedAt: row.responded_at,
    respondedBy: row.responded_by,
  };
}

/** A partnership with its current members (those who have not left). */
export function toPartnership(row: PartnershipRow, members: readonly PartnershipMemberRow[]): Partnership {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    formedOn: row.formed_on,
    memberBodyIds: members.filter((m) => m.partnership_id === row.id && m.left_at === null).map((m) => m.body_id),
    createdAt: row.created_at,
  };
}

export function toPeerReview(row: PeerReviewRow, caseIds: readonly number[]): PeerReview {
  return {
    id: Number(row.id),
    partnershipId: row.partnership_id,
    reviewedBodyId: row.reviewed_body_id,
    reviewerBodyIds: json<string[]>(row.reviewer_body_ids),
    reviewedOn: row.reviewed_on,
    scope: row.scope,
    findings: row.findings,
    recommendations: row.recommendations,
    followUp: row.follow_up,
    caseIds: [...caseIds],
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
