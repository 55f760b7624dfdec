/** A case's title, from its council and what it is about: the indicator, or the target that is off track. */
import type { CaseSubject, CouncilFacts, TriggerFiring } from '../improvement.types.ts';

export function caseTitle(subject: CaseSubject, firings: readonly TriggerFiring[], facts: readonly CouncilFacts[]): string {
  const council = facts.find((f) => f.bodyId === subject.bodyId);
  const who = council?.bodyName ?? subject.bodyId;
  const code = subject.indicatorCode;
  if (!code) return `${who}: ${firings[0]?.summary ?? 'under-performance'}`;
  const title =
    council?.indicators.find((i) => i.indicatorCode === code)?.indicatorTitle ??
    council?.deadlines.find((d) => d.indicatorCode === code)?.indicatorTitle ??
    council?.targets.find((t) => t.indicatorCode === code)?.title ??
    code;
  const where = council && council.areaCode !== subject.areaCode ? ` in ${subject.areaCode}` : '';
  return `${who}: ${title} (${code})${where}`;
}
