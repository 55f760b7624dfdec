/** What is wrong with a plans form, field by field, and the dates the forms take as a day, a month and a year: platform/web's. */
export {
  boxesOf,
  dateBoxes,
  type DateBoxes,
  type FieldMap,
  type FieldName,
  linesOf,
  listOf,
  problemText,
  readDate,
  serviceErrors,
  withDateLinks,
} from '../../../../platform/web/index.ts';
