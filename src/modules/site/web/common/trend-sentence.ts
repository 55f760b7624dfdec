/** One sentence for a series: where it started and where it ended. */

export interface SentencePoint {
  formatted: string;
  period: { label: string };
  figure: { value: number | null };
}

/** "Household waste recycled in England rose from 40.1% in 2015/16 to 44.2% in 2023/24" */
export function trendSentence(title: string, place: string, first: SentencePoint, last: SentencePoint): string {
  const a = first.figure.value ?? 0;
  const b = last.figure.value ?? 0;
  const verb = last.formatted === first.formatted ? 'was the same,' : b > a ? 'rose from' : 'fell from';
  if (verb === 'was the same,')
    return `${title} in ${place} was ${last.formatted} in ${first.period.label} and in ${last.period.label}.`;
  return `${title} in ${place} ${verb} ${first.formatted} in ${first.period.label} to ${last.formatted} in ${last.period.label}.`;
}
