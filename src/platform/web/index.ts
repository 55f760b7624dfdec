/** Server-rendered pages: views, layout, security and caching headers, static assets, error pages. */
export {
  registerWebPages,
  render,
  hasWebPages,
  signInUrlFor,
  CSRF_FIELD,
  PERSONAL_PAGE_CACHE,
  PUBLIC_PAGE_CACHE,
  PAGE_VARY,
} from './pages.ts';
export type { Link, LayoutOptions, PageViewer, RenderOptions, ViewerLink, WebPagesOptions } from './pages.ts';
export { safeReturnTo, signInAddress } from './return-to.ts';
export { registerPageCache, PageCache, chooseEncoding } from './page-cache.ts';
export type { PageCacheOptions, CachedPage, Encoding } from './page-cache.ts';
export { isApiUrl, pageError, pageNotFound, pageStatusOf } from './error-pages.ts';
export { PAGE_CSP, pageCspDirectives, serialiseCsp } from './security.ts';
export { GOVUK_FRONTEND_VERSION } from './views.ts';
export { pageCountOf, paginationFor, type PaginationItem, type PaginationView } from './pagination.ts';
export {
  type ErrorSummaryItem,
  type FormErrors,
  type FormResult,
  formErrors,
  formFields,
  NO_FORM_ERRORS,
  readForm,
  sentText,
} from './forms.ts';
export { dateInWords, instantInWords } from './dates.ts';
export { csvFileName, sendCsv } from './csv-download.ts';
export {
  boxesOf,
  dateBoxes,
  type DateBoxes,
  fieldIn,
  type FieldMap,
  type FieldName,
  linesOf,
  listOf,
  problemText,
  readDate,
  sentence,
  serviceErrors,
  withDateLinks,
} from './form-problems.ts';
