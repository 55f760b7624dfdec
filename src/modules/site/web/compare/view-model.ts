/** The compare page: the form (with its error summary), and an area against a group, one indicator or all. */
import { formatValue, type IndicatorDefinition } from '../../../indicators/index.ts';
import type { Comparison, ComparisonRow, PlaceFigure } from '../../../analysis/index.ts';
import { siteUrls } from '../../urls.ts';
import { downloadLinks, type DownloadLinks } from '../common/download.ts';
import { apiUrls, csvOf, figureUrls } from '../common/urls.ts';
import { quartileInWords, rankInWords, sentenceCase } from '../common/words.ts';
import type { ComparePageData } from './load.ts';
import { AREA_LABEL, CODES_LABEL, type CompareForm, type FieldError } from './query.ts';

const GROUP_WORDS: Record<string, { text: string; hint: string }> = {
  type: { text: 'Areas of the same type', hint: 'For example, every metropolitan district' },
  region: { text: 'Areas of the same type in the same region', hint: 'For example, metropolitan districts in the North West' },
  nearest: {
    text: 'Similar councils (nearest neighbours)',
    hint: 'Councils most like this one, from a statistical model such as CIPFA’s',
  },
  england: { text: 'All councils in England of the same tier', hint: 'Every council providing the same services' },
  custom: { text: 'A hand-picked group', hint: 'Enter the area codes below' },
};

export interface FormView {
  area: string;
  areaLabel: string;
  codesLabel: string;
  codes: string;
  period: string;
  indicatorItems: { value: string; text: string; selected: boolean }[];
  groupItems: { value: string; text: string; hint: { text: string }; checked: boolean }[];
  errors: Partial<Record<FieldError['field'], { text: string }>>;
}

export interface GroupRowView {
  rank: string;
  name: string;
  href: string;
  highlighted: boolean;
  value: string;
  quartile: string;
  direction: string;
}

export interface SideBySideRowView {
  title: string;
  href: string;
  period: string;
  value: string;
  median: string;
  rank: string;
  distance: string;
  detailHref: string;
}

export interface ComparePageView {
  pageTitle: string;
  errorSummary: { text: string; href: string }[];
  form: FormView;
  result:
    | {
        kind: 'single';
        heading: string;
        sentence: string;
        caption: string;
        rows: GroupRowView[];
        places: { name: string; value: string }[];
        download: DownloadLinks;
        trendHref: string;
      }
    | { kind: 'all'; heading: string; caption: string; rows: SideBySideRowView[]; download: DownloadLinks }
    | undefined;
}

export function formView(
  form: CompareForm,
  indicators: readonly Pick<IndicatorDefinition, 'code' | 'title'>[],
  errors: readonly FieldError[] = [],
): FormView {
  const group = form.group === '' ? 'type' : form.group;
  return {
    area: form.area,
    areaLabel: AREA_LABEL,
    codesLabel: CODES_LABEL,
    codes: form.codes,
    period: form.period,
    indicatorItems: [
      { value: '', text: 'Every indicator, side by side', selected: form.indicator === '' },
      ...indicators.map((i) => ({ value: i.code, text: i.title, selected: i.code === form.indicator })),
    ],
    groupItems: Object.entries(GROUP_WORDS).map(([value, w]) => ({
      value,
      text: w.text,
      hint: { text: w.hint },
      checked: value === group,
    })),
    errors: Object.fromEntries(errors.map((e) => [e.field, { text: e.message }])),
  };
}

const ANCHORS: Record<FieldError['field'], string> = { area: '#area', indicator: '#indicator', group: '#group', codes: '#codes' };

export function errorSummaryOf(errors: readonly FieldError[]): ComparePageView['errorSummary'] {
  return errors.map((e) => ({ text: e.message, href: ANCHORS[e.field] }));
}

/** "much worse than the median of similar councils" → "Much worse than similar councils" */
export function distancePhrase(words: string): string {
  return sentenceCase(words.replace('the median of ', ''));
}

function groupRow(c: Comparison, r: ComparisonRow): GroupRowView {
  return {
    rank: r.rankLabel ?? '–',
    name: r.areaName,
    href: siteUrls.area(r.figure.areaCode),
    highlighted: r.highlighted,
    value: r.figure.status === 'suppressed' ? 'suppressed' : formatValue(c.indicator, r.figure.value),
    quartile: sentenceCase(quartileInWords(r.quartile, c.judged)),
    direction: r.direction ? sentenceCase(r.direction.words) : 'Not known',
  };
}

function placeRow(c: Comparison, p: PlaceFigure | null): { name: string; value: string }[] {
  return p && p.value !== null ? [{ name: p.areaName, value: formatValue(c.indicator, p.value) }] : [];
}

export function singleResult(c: Comparison, apiHref: string, csvHref: string): ComparePageView['result'] {
  const name = c.area.areaName;
  const ranked = c.rows.filter((r) => r.rank !== null).length;
  const median = c.summary.median === null ? '' : ` (the group’s median is ${formatValue(c.indicator, c.summary.median)})`;
  const caption = `${c.indicator.title}: ${name} and ${c.group.name.charAt(0).toLowerCase()}${c.group.name.slice(1)}, ${c.period.label}`;
  const value = formatValue(c.indicator, c.area.figure.value);
  return {
    kind: 'single',
    heading: `${c.indicator.title}, ${c.period.label}`,
    sentence:
      c.area.figure.value === null
        ? `${name} has no figure for ${c.period.label}.`
        : `${name}’s ${value} is ${c.distance.words}${median}. It ranks ${rankInWords(c.area.rankLabel, ranked)}.`,
    caption,
    rows: c.rows.map((r) => groupRow(c, r)),
    places: [...placeRow(c, c.england), ...placeRow(c, c.region)],
    download: downloadLinks(caption, csvHref, apiHref),
    trendHref: figureUrls.trend({ area: c.area.figure.areaCode, indicator: c.indicator.code }),
  };
}

export function sideBySide(
  all: readonly Comparison[],
  areaName: string,
  groupName: string,
  apiHref: string,
  csvHref: string,
  group: string,
): ComparePageView['result'] {
  const caption = `${areaName} compared with ${groupName.charAt(0).toLowerCase()}${groupName.slice(1)}, every indicator`;
  return {
    kind: 'all',
    heading: `Every indicator for ${areaName}`,
    caption,
    rows: all.map((c) => ({
      title: c.indicator.title,
      href: siteUrls.indicator(c.indicator.code),
      period: c.period.label,
      value: formatValue(c.indicator, c.area.figure.value),
      median: c.summary.median === null ? 'no data' : formatValue(c.indicator, c.summary.median),
      rank: rankInWords(c.area.rankLabel, c.rows.filter((r) => r.rank !== null).length),
      distance: distancePhrase(c.distance.words),
      detailHref: figureUrls.compare({ area: c.area.figure.areaCode, indicator: c.indicator.code, group }),
    })),
    download: downloadLinks(caption, csvHref, apiHref),
  };
}

export function comparePageView(
  form: CompareForm,
  indicators: readonly Pick<IndicatorDefinition, 'code' | 'title'>[],
  data: ComparePageData | undefined,
  pageUrl: string,
): ComparePageView {
  if (data && !data.ok)
    return {
      pageTitle: 'Compare an area',
      errorSummary: errorSummaryOf(data.errors),
      form: formView(form, indicators, data.errors),
      result: undefined,
    };
  const base = { pageTitle: 'Compare an area', errorSummary: [], form: formView(form, indicators) };
  if (!data) return { ...base, result: undefined };
  const params = { area: data.area.code, group: form.group || 'type', codes: form.codes, period: form.period };
  const result = data.single
    ? singleResult(data.single, apiUrls.compare({ ...params, indicator: data.single.indicator.code }), csvOf(pageUrl))
    : sideBySide(data.all, data.area.name, data.group.name, apiUrls.profile(data.area.code), csvOf(pageUrl), params.group);
  return {
    ...base,
    pageTitle: data.single
      ? `${data.area.name} compared with ${data.group.name.charAt(0).toLowerCase()}${data.group.name.slice(1)}`
      : `Compare ${data.area.name}`,
    result,
  };
}
