/** Dates the forms take as a day, a month and a year (always required here), and dates in words: platform/web's. */
import { type DateBoxes, readDate as readDateBoxes } from '../../../../../platform/web/index.ts';

export {
  boxesOf,
  dateBoxes,
  type DateBoxes,
  dateInWords,
  instantInWords,
  withDateLinks,
} from '../../../../../platform/web/index.ts';

/** The three boxes as YYYY-MM-DD, or what is wrong with them (all three are needed). */
export const readDate = (boxes: DateBoxes, name: string) => readDateBoxes(boxes, name, { required: true });
