/** The case pages of the improvement module: /cases, /cases.csv, /cases/:id with the owner's forms, /triggers. */
export { casePages, CASES_VIEWS } from './routes.ts';
export { type CasePagesDeps, DEFAULT_CASE_FORM_LIMIT } from './deps.ts';
export { type CaseDoneNotice, type CaseFilters, caseUrls } from './urls.ts';
