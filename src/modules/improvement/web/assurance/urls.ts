/** Typed addresses of the risk, inspection and partnership pages, used by routes, view models and tests alike. */

function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

const id = (value: string | number) => encodeURIComponent(String(value));

/** What a page says after a change was made (a fixed message chosen by name, never text from the address). */
export type AssuranceDoneNotice =
  | 'model-set'
  | 'self-assessment-filed'
  | 'self-assessment-answered'
  | 'partnership-created'
  | 'members-changed'
  | 'peer-review-recorded'
  | 'follow-up-saved'
  | 'case-linked';

export interface RiskListQuery {
  sort?: string;
  band?: string;
  type?: string;
  done?: AssuranceDoneNotice;
}

export interface InspectionQuery {
  state?: string;
  theme?: string;
  body?: string;
}

export const assuranceUrls = {
  risk: (q: RiskListQuery = {}): string => withQuery('/risk', { sort: q.sort, band: q.band, type: q.type, done: q.done }),
  riskCsv: (q: Omit<RiskListQuery, 'done'> = {}): string => withQuery('/risk.csv', { sort: q.sort, band: q.band, type: q.type }),
  riskModel: (): string => '/risk/model',
  riskProfile: (bodyId: string): string => `/risk/${id(bodyId)}`,
  inspection: (q: InspectionQuery & { done?: AssuranceDoneNotice } = {}): string =>
    withQuery('/inspection', { state: q.state, theme: q.theme, body: q.body, done: q.done }),
  newSelfAssessment: (q: { body?: string; theme?: string } = {}): string =>
    withQuery('/inspection/self-assessments/new', { body: q.body, theme: q.theme }),
  selfAssessment: (saId: number, q: { done?: AssuranceDoneNotice } = {}): string =>
    withQuery(`/inspection/self-assessments/${id(saId)}`, { done: q.done }),
  respondToSelfAssessment: (saId: number): string => `/inspection/self-assessments/${id(saId)}/response`,
  partnerships: (): string => '/partnerships',
  newPartnership: (): string => '/partnerships/new',
  partnership: (pId: string, q: { done?: AssuranceDoneNotice } = {}): string =>
    withQuery(`/partnerships/${id(pId)}`, { done: q.done }),
  partnershipMembers: (pId: string): string => `/partnerships/${id(pId)}/members`,
  newPeerReview: (pId: string): string => `/partnerships/${id(pId)}/peer-reviews/new`,
  peerReview: (reviewId: number, q: { done?: AssuranceDoneNotice } = {}): string =>
    withQuery(`/peer-reviews/${id(reviewId)}`, { done: q.done }),
  peerReviewFollowUp: (reviewId: number): string => `/peer-reviews/${id(reviewId)}/follow-up`,
  peerReviewCases: (reviewId: number): string => `/peer-reviews/${id(reviewId)}/cases`,

  // pages of other parts
  cases: (q: { body?: string } = {}): string => withQuery('/cases', { body: q.body, status: q.body ? 'open' : undefined }),
  case: (caseId: number): string => `/cases/${id(caseId)}`,
  area: (code: string): string => `/areas/${id(code)}`,
  apiRisk: (): string => '/api/v1/risk',
  apiRiskProfile: (bodyId: string): string => `/api/v1/risk/${id(bodyId)}`,
  apiSchedule: (): string => '/api/v1/inspection/schedule',
  apiSelfAssessments: (): string => '/api/v1/self-assessments',
  apiPartnerships: (): string => '/api/v1/partnerships',
};
