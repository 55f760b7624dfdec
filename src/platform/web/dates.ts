/** Dates and times as the pages say them, in the UK: '30 June 2025', '1 June 2025 at 10:00'. */

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const LONG_INSTANT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** A YYYY-MM-DD date, or the UK day of an ISO instant: '30 June 2025' (the text itself when it is neither). */
export function dateInWords(date: string | null): string {
  if (date === null) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00Z` : date);
  return Number.isNaN(d.getTime()) ? date : LONG_DATE.format(d);
}

/** An ISO instant as UK local time: '1 June 2025 at 10:00' (the text itself when it is not one). */
export function instantInWords(instant: string | null): string {
  if (instant === null) return '';
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : LONG_INSTANT.format(d).replace(', ', ' at ');
}
