/** The risk, inspection and partnership pages of the improvement module, composed in src/main/app.ts. */
export { ASSURANCE_VIEWS, assurancePages } from './routes.ts';
export type { AssurancePagesDeps } from './deps.ts';
export { DEFAULT_ASSURANCE_FORM_LIMIT } from './deps.ts';
export { assuranceUrls, type AssuranceDoneNotice } from './urls.ts';
