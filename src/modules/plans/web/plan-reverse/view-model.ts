/** Every target on an indicator, each with its plan, status and the chains up to the vision it serves. */
import type { IndicatorDefinition } from '../../../indicators/index.ts';
import { type IndicatorTarget, PLAN_KIND_NAMES } from '../../index.ts';
import { chainView, type ChainView } from '../plan-common/chain.ts';
import { formatOf, periodLabel } from '../plan-common/figures.ts';
import { planUrls } from '../urls.ts';
import { dateInWords, statusTag, type Tag, targetValueInWords } from '../words.ts';

export interface ReverseTargetView {
  id: string;
  title: string;
  href: string;
  planText: string;
  areaText: string;
  targetText: string;
  statusTag: Tag;
  chains: ChainView[];
}

export interface ReversePageView {
  pageTitle: string;
  caption: string;
  intro: string;
  indicatorHref: string;
  allAreasHref: string | undefined;
  targets: ReverseTargetView[];
}

export function reversePageView(opts: {
  code: string;
  indicator: IndicatorDefinition | undefined;
  area: { code: string; name: string } | undefined;
  on: string;
  targets: readonly IndicatorTarget[];
  areaNames: ReadonlyMap<string, string>;
}): ReversePageView {
  const title = opts.indicator?.title ?? opts.code;
  const formatFor = (t: IndicatorTarget) => formatOf(opts.indicator, t.target.measure);
  const where = opts.area ? ` in ${opts.area.name}` : '';
  return {
    pageTitle: `Targets on ${title}${where}`,
    caption: `Indicator ${opts.code}`,
    intro: `Every target on this indicator${where} in the plans in force on ${dateInWords(opts.on)}, and what each serves, up to the vision of the plan at the top of its thread.`,
    indicatorHref: planUrls.indicator(opts.code, { area: opts.area?.code }),
    allAreasHref: opts.area ? planUrls.forIndicator(opts.code) : undefined,
    targets: opts.targets.map((t, i) => {
      const status = t.chains[0]?.steps[0]?.status ?? 'no_data';
      return {
        id: `target-${i + 1}`,
        title: t.target.title,
        href: planUrls.item(t.plan.id, t.target.key),
        planText: `${t.plan.title} (${PLAN_KIND_NAMES[t.plan.kind]})`,
        areaText: opts.areaNames.get(t.target.areaCode) ?? t.target.areaCode,
        targetText: `${targetValueInWords(t.target.target.value, formatFor(t))} by ${periodLabel(t.target.target.period)}`,
        statusTag: statusTag(status),
        chains: t.chains.map(chainView),
      };
    }),
  };
}
