/** Dates the forms take as a day, a month and a year, and dates in words. */
import { type FormErrors, sentText } from '../../../../../platform/web/index.ts';
import { dateInWords, instantInWords } from '../../../../../platform/web/index.ts';

export { dateInWords, instantInWords };

export type DateBoxes = { day: string; month: string; year: string };

export function dateBoxes(body: unknown, prefix: string): DateBoxes {
  return {
    day: sentText(body, `${prefix}-day`).trim(),
    month: sentText(body, `${prefix}-month`).trim(),
    year: sentText(body, `${prefix}-year`).trim(),
  };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The three boxes as YYYY-MM-DD, or what is wrong with them (all three are needed). */
export function readDate(boxes: DateBoxes, name: string): { ok: true; value: string } | { ok: false; text: string } {
  const { day, month, year } = boxes;
  if (day === '' && month === '' && year === '') return { ok: false, text: `Enter ${name}` };
  if (day === '' || month === '' || year === '') return { ok: false, text: `Enter ${name} as a day, a month and a year` };
  const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
  return real && year.length === 4
    ? { ok: true, value: iso }
    : { ok: false, text: `${capital(name)} must be a real date: “${day} ${month} ${year}” is not one` };
}

/** A date's boxes from YYYY-MM-DD, to fill a form. */
export function boxesOf(date: string | null): DateBoxes {
  if (!date) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The error summary links a date to its first box. */
export function withDateLinks(errors: FormErrors, dateIds: readonly string[]): FormErrors {
  return {
    ...errors,
    summary: errors.summary.map((e) => (dateIds.includes(e.href.slice(1)) ? { ...e, href: `${e.href}-day` } : e)),
  };
}
