/** What is wrong with a case form, field by field: platform/web's. */
export { type FieldName, problemText, sentence, serviceErrors } from '../../../../../platform/web/index.ts';
