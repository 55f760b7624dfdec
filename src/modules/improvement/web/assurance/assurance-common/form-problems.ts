/** What is wrong with a form, field by field: platform/web's. */
export {
  type FieldMap,
  type FieldName,
  listOf,
  problemText,
  sentence,
  serviceErrors,
} from '../../../../../platform/web/index.ts';
