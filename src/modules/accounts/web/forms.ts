/** The account pages read forms with the page shell's helpers (src/platform/web/forms.ts). */
export {
  type ErrorSummaryItem,
  type FormErrors,
  type FormResult,
  formErrors,
  formFields,
  NO_FORM_ERRORS,
  readForm,
  sentText,
} from '../../../platform/web/index.ts';
