/**
 * The assurance part of the improvement module: councils' risk profiles under the published model,
 * the proportionate inspection schedule and the ten principles of inspection, self-assessments, and
 * improvement partnerships with their peer reviews and links to cases on rung 2.
 */
export { currentRiskModel, DEFAULT_MODEL_AUTHOR, latestRiskModelVersion, riskModelVersions } from './risk-model.service.ts';
export { setRiskModel, type RiskModelChange } from './risk-model-change.service.ts';
export {
  getRiskProfile,
  listRiskProfiles,
  refreshRiskProfiles,
  type RiskProfileHistory,
  type RiskProfileListing,
} from './risk-profile.service.ts';
export { inspectionSchedule } from './inspection.service.ts';
export { INSPECTION_PRINCIPLES, type InspectionPrinciple } from './principles.ts';
export {
  fileSelfAssessment,
  getSelfAssessment,
  listSelfAssessments,
  respondToSelfAssessment,
  type SelfAssessmentInput,
  type SelfAssessmentResponse,
} from './self-assessment.service.ts';
export {
  changePartnershipMembers,
  createPartnership,
  getPartnership,
  listPartnerships,
  type LinkedCase,
  type MembershipChange,
  type NamedMember,
  type PartnershipDetail,
  type PartnershipInput,
  type PartnershipListing,
} from './partnership.service.ts';
export {
  getPeerReview,
  linkPeerReviewToCase,
  recordPeerReview,
  updatePeerReviewFollowUp,
  type PeerReviewDetail,
  type PeerReviewInput,
} from './peer-review.service.ts';
export { importPartnerships, type PartnershipImportReport } from './partnership-import.service.ts';
