/** Where the improvement module's resources are, in the API and on the site. */
const enc = encodeURIComponent;

export const improvementLinks = {
  cases: () => '/api/v1/cases',
  case: (id: number) => `/api/v1/cases/${id}`,
  rules: () => '/api/v1/triggers/rules',
  risk: () => '/api/v1/risk',
  riskOf: (bodyId: string) => `/api/v1/risk/${enc(bodyId)}`,
  schedule: () => '/api/v1/inspection/schedule',
  selfAssessments: () => '/api/v1/self-assessments',
  selfAssessment: (id: number) => `/api/v1/self-assessments/${id}`,
  partnerships: () => '/api/v1/partnerships',
  partnership: (id: string) => `/api/v1/partnerships/${enc(id)}`,
  peerReview: (id: number) => `/api/v1/peer-reviews/${id}`,
  body: (id: string) => `/api/v1/bodies/${enc(id)}`,
  area: (code: string) => `/api/v1/areas/${enc(code)}`,
  indicator: (code: string) => `/api/v1/indicators/${enc(code)}`,
};

/** The pages a person reads the same things on. */
export const improvementPages = {
  case: (id: number) => `/cases/${id}`,
  triggers: () => '/triggers',
  risk: (bodyId: string) => `/risk/${enc(bodyId)}`,
  inspection: () => '/inspection',
  partnership: (id: string) => `/partnerships/${enc(id)}`,
  peerReview: (id: number) => `/peer-reviews/${id}`,
};
