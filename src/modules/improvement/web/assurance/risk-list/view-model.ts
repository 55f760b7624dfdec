/**
 * The risk page (GET /risk): every council's score, band and each component's points, sorted and
 * filtered by the address's parameters, under the formula and weights of the model in force.
 */
import {
  RISK_BANDS,
  RISK_COMPONENT_NAMES,
  RISK_COMPONENTS,
  type RiskBand,
  type RiskComponentKey,
  type RiskModel,
  type RiskProfile,
} from '../../../improvement.types.ts';
import { FIGURES_LICENCE } from '../assurance-common/done.ts';
import { formulaView, type FormulaView } from '../assurance-common/formula.ts';
import { bandTag, scoreText, type Tag } from '../assurance-common/words.ts';
import { instantInWords } from '../assurance-common/dates.ts';
import { assuranceUrls } from '../urls.ts';

export const RISK_SORTS = ['score', 'name', ...RISK_COMPONENTS] as const;
export type RiskSort = (typeof RISK_SORTS)[number];

export interface RiskListFilter {
  sort: RiskSort;
  band: RiskBand | '';
  /** a council type as the bodies have it ('' for every type) */
  type: string;
}

/** The filter the address asks for; anything unknown is ignored (the page shows everything). */
export function riskListFilter(query: { sort?: string; band?: string; type?: string }): RiskListFilter {
  const sort = (RISK_SORTS as readonly string[]).includes(query.sort ?? '') ? (query.sort as RiskSort) : 'score';
  const band = (RISK_BANDS as readonly string[]).includes(query.band ?? '') ? (query.band as RiskBand) : '';
  return { sort, band, type: (query.type ?? '').slice(0, 100) };
}

export interface RiskRow {
  bodyId: string;
  bodyName: string;
  href: string;
  councilType: string;
  score: string;
  bandTag: Tag;
  /** each component's points, in RISK_COMPONENTS order; '–' when it had nothing to judge */
  points: { key: RiskComponentKey; text: string; explanation: string }[];
  modelVersion: number;
  computedAt: string;
}

type Option = { value: string; text: string; selected: boolean };

export interface RiskListView {
  pageTitle: string;
  formula: FormulaView;
  rows: RiskRow[];
  countText: string;
  columns: { key: RiskComponentKey; name: string }[];
  sortOptions: Option[];
  bandOptions: Option[];
  typeOptions: Option[];
  /** profiles scored with an older model than the one in force, said above the table */
  olderModelText: string | null;
  modelHref: string | null;
  download: { tableName: string; csvHref: string; apiHref: string; licence: string };
  noProfiles: boolean;
  done: string | undefined;
}

const pointsText = (c: RiskProfile['components'][number] | undefined) => (!c || c.share === null ? '–' : scoreText(c.points));

function compare(sort: RiskSort): (a: RiskProfile, b: RiskProfile) => number {
  const byName = (a: RiskProfile, b: RiskProfile) => a.bodyName.localeCompare(b.bodyName, 'en-GB');
  if (sort === 'name') return byName;
  if (sort === 'score') return (a, b) => b.score - a.score || byName(a, b);
  const pointsOf = (p: RiskProfile) => p.components.find((c) => c.key === sort)?.points ?? 0;
  return (a, b) => pointsOf(b) - pointsOf(a) || b.score - a.score || byName(a, b);
}

export function selectProfiles(
  profiles: readonly RiskProfile[],
  filter: RiskListFilter,
  councilTypes: ReadonlyMap<string, string | null>,
): RiskProfile[] {
  return profiles
    .filter((p) => filter.band === '' || p.band === filter.band)
    .filter((p) => filter.type === '' || (councilTypes.get(p.bodyId) ?? '') === filter.type)
    .sort(compare(filter.sort));
}

const SORT_NAMES: Record<RiskSort, string> = {
  score: 'Score, highest first',
  name: 'Council name',
  ...(Object.fromEntries(RISK_COMPONENTS.map((k) => [k, `${RISK_COMPONENT_NAMES[k]}, most points first`])) as Record<
    RiskComponentKey,
    string
  >),
};

export function riskListView(opts: {
  profiles: readonly RiskProfile[];
  model: RiskModel;
  filter: RiskListFilter;
  councilTypes: ReadonlyMap<string, string | null>;
  mayConfigure: boolean;
  done?: string;
}): RiskListView {
  const { filter, councilTypes } = opts;
  const shown = selectProfiles(opts.profiles, filter, councilTypes);
  const types = [...new Set([...councilTypes.values()].filter((t): t is string => !!t))].sort();
  const older = opts.profiles.filter((p) => p.modelVersion !== opts.model.version).length;
  const query = { sort: filter.sort === 'score' ? undefined : filter.sort, band: filter.band, type: filter.type };
  return {
    pageTitle: 'Councils’ risk profiles',
    formula: formulaView(opts.model),
    rows: shown.map((p) => ({
      bodyId: p.bodyId,
      bodyName: p.bodyName,
      href: assuranceUrls.riskProfile(p.bodyId),
      councilType: councilTypes.get(p.bodyId) ?? '',
      score: scoreText(p.score),
      bandTag: bandTag(p.band),
      points: RISK_COMPONENTS.map((key) => {
        const c = p.components.find((x) => x.key === key);
        return { key, text: pointsText(c), explanation: c?.explanation ?? '' };
      }),
      modelVersion: p.modelVersion,
      computedAt: instantInWords(p.computedAt),
    })),
    countText:
      shown.length === opts.profiles.length
        ? `${opts.profiles.length} ${opts.profiles.length === 1 ? 'council' : 'councils'}`
        : `${shown.length} of ${opts.profiles.length} councils`,
    columns: RISK_COMPONENTS.map((key) => ({ key, name: RISK_COMPONENT_NAMES[key] })),
    sortOptions: RISK_SORTS.map((s) => ({ value: s, text: SORT_NAMES[s], selected: s === filter.sort })),
    bandOptions: [
      { value: '', text: 'Every band', selected: filter.band === '' },
      ...RISK_BANDS.map((b) => ({ value: b, text: bandTag(b).text, selected: b === filter.band })),
    ],
    typeOptions: [
      { value: '', text: 'Every type', selected: filter.type === '' },
      ...types.map((t) => ({ value: t, text: t, selected: t === filter.type })),
    ],
    olderModelText:
      older === 0
        ? null
        : `${older} ${older === 1 ? 'profile was' : 'profiles were'} scored with an earlier model version: each is scored again with version ${opts.model.version} the next time the triggers run.`,
    modelHref: opts.mayConfigure ? assuranceUrls.riskModel() : null,
    noProfiles: opts.profiles.length === 0,
    download: {
      tableName: 'Councils’ risk scores',
      csvHref: assuranceUrls.riskCsv(query),
      apiHref: assuranceUrls.apiRisk(),
      licence: FIGURES_LICENCE,
    },
    done: opts.done,
  };
}
