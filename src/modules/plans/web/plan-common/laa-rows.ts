/** The targets of a Local Area Agreement as its page, its printable report and its spreadsheet show them. */
import type { LaaReport, LaaTargetRow } from '../../index.ts';
import { figuresHref, formatOf, type Indicators, latestInWords, periodLabel, trendWord } from './figures.ts';
import { planUrls } from '../urls.ts';
import { poundsInWords, statusTag, type Tag, targetKindInWords, targetValueInWords, type TrendWord } from '../words.ts';

export interface LaaRowView {
  key: string;
  title: string;
  href: string;
  themeTitle: string;
  outcomeKey: string | null;
  outcomeTitle: string;
  kindText: string;
  nationalPriority: string;
  indicatorText: string;
  indicatorHref: string;
  areaText: string;
  coverageText: string;
  statusTag: Tag;
  statusReason: string;
  latest: { text: string; href: string | undefined };
  trend: TrendWord;
  baselineText: string;
  targetText: string;
  forecastText: string;
  owner: string;
  lead: string;
  rewardText: string;
  atStakeText: string;
}

function forecastText(row: LaaTargetRow, format: (v: number) => string): string {
  const f = row.forecast;
  if (!f || f.value === null) return 'No forecast';
  const interval = f.low !== null && f.high !== null ? ` (80% interval ${format(f.low)} to ${format(f.high)})` : '';
  const meets = f.meetsTarget === null ? '' : f.meetsTarget ? ', would meet the target' : ', would fall short';
  return `${format(f.value)} in ${periodLabel(f.period)}${interval}${meets}${f.uncertain ? '; uncertain' : ''}`;
}

export function laaRowView(row: LaaTargetRow, indicators: Indicators, opts: { planId: string; draft?: boolean }): LaaRowView {
  const t = row.target;
  const format = formatOf(indicators.get(t.indicatorCode), t.measure);
  const stretch = t.targetKind === 'stretch';
  const measure = t.measure === 'gap' ? ' (the gap between the most and least deprived parts)' : '';
  return {
    key: t.key,
    title: t.title,
    href: planUrls.item(opts.planId, t.key, { draft: opts.draft }),
    themeTitle: row.theme?.title ?? '',
    outcomeKey: row.outcome?.key ?? null,
    outcomeTitle: row.outcome?.title ?? 'Targets under no outcome',
    kindText: targetKindInWords(t.targetKind),
    nationalPriority: row.nationalPriority ? `${row.nationalPriority.code}: ${row.nationalPriority.wording}` : '',
    indicatorText: `${row.indicatorTitle} (${t.indicatorCode})${measure}`,
    indicatorHref: planUrls.indicator(t.indicatorCode, { area: t.areaCode }),
    areaText: row.area.name,
    coverageText: row.coverage.length === 0 ? 'The whole area' : row.coverage.map((c) => c.name).join(', '),
    statusTag: statusTag(row.status),
    statusReason: row.assessment?.reason ?? 'Not judged yet.',
    latest: {
      text: latestInWords(row.assessment, format),
      href: row.assessment?.actual != null ? figuresHref(t) : undefined,
    },
    trend: trendWord(t, row.assessment, row.forecast),
    baselineText: t.baseline ? `${format(t.baseline.value)} in ${periodLabel(t.baseline.period)}` : 'No baseline yet',
    targetText: `${targetValueInWords(t.target.value, format)} by ${periodLabel(t.target.period)}`,
    forecastText: forecastText(row, format),
    owner: row.owner.name,
    lead: t.leadPerson ?? '',
    rewardText: stretch ? rewardOf(row) : '',
    atStakeText: !stretch
      ? ''
      : row.rewardAtStake > 0
        ? `${poundsInWords(row.rewardAtStake)} at stake`
        : row.assessment?.targetMet
          ? 'Earned: the target is met'
          : 'Nothing at stake',
  };
}

function rewardOf(row: LaaTargetRow): string {
  const amount = row.stretch?.amountGbp ?? null;
  const description = row.stretch?.description ?? '';
  if (amount === null) return description || 'Reward not stated';
  return description ? `${poundsInWords(amount)}: ${description}` : poundsInWords(amount);
}

/** The stretch targets in a sentence: "3 stretch targets with £1,250,000 of reward; 1 met; £750,000 still at stake." */
export function stretchInWords(stretch: LaaReport['stretch']): string {
  if (stretch.targets === 0) return 'This agreement has no stretch targets.';
  const targets = stretch.targets === 1 ? '1 stretch target' : `${stretch.targets} stretch targets`;
  return `${targets} with ${poundsInWords(stretch.rewardTotal)} of reward grant; ${stretch.met} met; ${poundsInWords(stretch.rewardAtStake)} still at stake.`;
}
