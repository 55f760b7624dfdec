/**
 * Which version of a plan a page is asked for: `?version=3`, `?version=draft`, `?on=2025-04-01`, or the
 * date form's three boxes (`on-day`, `on-month`, `on-year`). What cannot be read is said, by field.
 */
import type { VersionChoice } from '../../index.ts';

export interface VersionQuery {
  choice: VersionChoice;
  /** what the date form showed, to fill it again */
  sent: { day: string; month: string; year: string };
  /** what is wrong with the date asked for, if anything (the page then shows the version in force today) */
  problem: string | undefined;
}

const text = (query: Record<string, unknown>, name: string) => {
  const value = query[name];
  return typeof value === 'string' ? value.trim() : '';
};

function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

export function readVersionQuery(raw: unknown): VersionQuery {
  const query = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const version = text(query, 'version');
  const sent = { day: text(query, 'on-day'), month: text(query, 'on-month'), year: text(query, 'on-year') };
  if (version === 'draft') return { choice: { draft: true }, sent, problem: undefined };
  if (version !== '') {
    const number = /^\d{1,6}$/.test(version) ? Number(version) : NaN;
    if (Number.isInteger(number) && number >= 1) return { choice: { version: number }, sent, problem: undefined };
    return { choice: {}, sent, problem: `The version must be a number, such as 2, or “draft”: “${version.slice(0, 40)}” is not` };
  }
  const anyBox = sent.day !== '' || sent.month !== '' || sent.year !== '';
  if (anyBox) {
    if (sent.day === '' || sent.month === '' || sent.year === '')
      return { choice: {}, sent, problem: 'Enter the date as a day, a month and a year' };
    const iso = `${sent.year.padStart(4, '0')}-${sent.month.padStart(2, '0')}-${sent.day.padStart(2, '0')}`;
    if (!isRealDate(iso) || sent.year.length !== 4)
      return { choice: {}, sent, problem: 'The date must be a real date, such as 1 4 2025' };
    return { choice: { on: iso }, sent, problem: undefined };
  }
  const on = text(query, 'on');
  if (on === '') return { choice: {}, sent, problem: undefined };
  if (!isRealDate(on))
    return { choice: {}, sent, problem: `The date must be written YYYY-MM-DD, such as 2025-04-01: “${on.slice(0, 40)}” is not` };
  const [year = '', month = '', day = ''] = on.split('-');
  return { choice: { on }, sent: { day: String(Number(day)), month: String(Number(month)), year }, problem: undefined };
}
