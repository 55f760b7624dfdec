/**
 * The facts the rules and the risk profile read about each council: its indicators' published
 * figures with its positions in its comparator group, the targets it answers for with their judged
 * statuses, and the figures due from it. One pass: each indicator's figures for every area are read
 * in one go and ranked in memory, so a run over every council costs a query or two per indicator.
 */
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { getBodyAreas, listBodies } from '../../bodies/index.ts';
import { getFiguresForPeriods, listPeriodsWithData } from '../../data/index.ts';
import { type IndicatorDefinition, listIndicators } from '../../indicators/index.ts';
import type { Period } from '../../periods/index.ts';
import { countryCodeOf, getAreas } from '../../places/index.ts';
import type {
  ComparatorChoice,
  CouncilFacts,
  GroupPosition,
  IndicatorFacts,
  Polarity,
  SeriesPoint,
} from '../improvement.types.ts';
import { type ComparatorGroup, ComparatorGroups, type PeriodRanking, positionOf, rankGroup } from './comparators.ts';
import { gatherDeadlines, gatherTargets } from './facts-targets.ts';

export interface Council {
  bodyId: string;
  bodyName: string;
  areaCode: string;
  areaName: string;
  areaType: string;
}

type CouncilIndicator = IndicatorFacts & { theme: string | null };

export async function gatherCouncilFacts(
  db: Executor,
  options: { clock: Clock; bodyIds?: readonly string[]; comparators?: readonly ComparatorChoice[] },
): Promise<CouncilFacts[]> {
  const councils = await listCouncils(db, options.bodyIds);
  if (councils.length === 0) return [];
  const choices = [...new Set<ComparatorChoice>(['nearest', ...(options.comparators ?? [])])];
  // every council in England is the group however few councils are gathered
  const england = choices.includes('england') ? englandCouncilAreas(options.bodyIds ? await listCouncils(db) : councils) : [];
  const indicators = await gatherIndicators(db, councils, choices, england);
  const targets = await gatherTargets(db, councils, options.clock);
  const deadlines = await gatherDeadlines(db, councils, indicators);
  return councils
    .map((c) => ({
      bodyId: c.bodyId,
      bodyName: c.bodyName,
      areaCode: c.areaCode,
      areaName: c.areaName,
      indicators: indicators.get(c.areaCode) ?? [],
      targets: targets.get(c.bodyId) ?? [],
      deadlines: deadlines.get(c.bodyId) ?? [],
    }))
    .filter((c) => c.indicators.length > 0 || c.targets.length > 0 || c.deadlines.length > 0);
}

/** Bodies of kind council, current, governing exactly one current area. */
export async function listCouncils(db: Executor, bodyIds?: readonly string[]): Promise<Council[]> {
  const { items } = await listBodies(db, { kind: 'council', limit: 1_000_000, offset: 0 });
  const wanted = bodyIds ? new Set(bodyIds) : null;
  const chosen: { id: string; name: string; areaCode: string }[] = [];
  for (const body of items) {
    if (body.validTo !== null || (wanted && !wanted.has(body.id))) continue;
    const governs = (await getBodyAreas(db, body.id)).filter((a) => a.role === 'governs' && a.validTo === null);
    if (governs.length === 1) chosen.push({ id: body.id, name: body.name, areaCode: governs[0]!.areaCode });
  }
  const areas = await getAreas(
    db,
    chosen.map((c) => c.areaCode),
  );
  return chosen.flatMap((c) => {
    const area = areas.get(c.areaCode);
    return area
      ? [{ bodyId: c.id, bodyName: c.name, areaCode: c.areaCode, areaName: area.name, areaType: area.type as string }]
      : [];
  });
}

const polarityOf = (def: IndicatorDefinition): Polarity =>
  def.polarity === 'higher_is_better' || def.polarity === 'lower_is_better' ? def.polarity : 'none';

type GroupsOf = Map<ComparatorChoice, ComparatorGroup>;

/** Each council area's indicators, by area code, with its positions in each group asked for. */
async function gatherIndicators(
  db: Executor,
  councils: readonly Council[],
  choices: readonly ComparatorChoice[],
  england: readonly string[],
): Promise<Map<string, CouncilIndicator[]>> {
  const groups = new ComparatorGroups(db, england);
  const groupsOf = new Map<string, GroupsOf>();
  for (const c of councils) {
    const mine: GroupsOf = new Map();
    for (const choice of choices) mine.set(choice, await groups.forChoice({ code: c.areaCode, type: c.areaType }, choice));
    groupsOf.set(c.areaCode, mine);
  }
  const areaCodes = [...new Set([...groupsOf.values()].flatMap((g) => [...g.values()].flatMap((x) => x.memberCodes)))];
  const out = new Map<string, CouncilIndicator[]>();
  const { items: definitions } = await listIndicators(db, { limit: 1_000_000, offset: 0 });
  for (const def of definitions) {
    const periods = await listPeriodsWithData(db, def.code);
    if (periods.length === 0) continue;
    const figures = await getFiguresForPeriods(
      db,
      periods.map((p) => ({ indicator: def.code, period: p.key })),
      areaCodes,
    );
    const byArea = new Map<string, Map<string, { value: number; ciLower: number | null; ciUpper: number | null }>>();
    for (const f of figures) {
      if (f.value === null || !Number.isFinite(f.value)) continue;
      let m = byArea.get(f.areaCode);
      if (!m) byArea.set(f.areaCode, (m = new Map()));
      m.set(f.period, { value: f.value, ciLower: f.ciLower, ciUpper: f.ciUpper });
    }
    const rankings = new Map<string, PeriodRanking | null>();
    for (const c of councils) {
      const own = byArea.get(c.areaCode);
      if (!own || own.size === 0) continue;
      const facts = indicatorFacts(def, periods, own, groupsOf.get(c.areaCode)!, byArea, rankings, c.areaCode);
      const list = out.get(c.areaCode) ?? [];
      list.push(facts);
      out.set(c.areaCode, list);
    }
  }
  return out;
}

function indicatorFacts(
  def: IndicatorDefinition,
  periods: readonly Period[],
  own: Map<string, { value: number; ciLower: number | null; ciUpper: number | null }>,
  groups: GroupsOf,
  byArea: Map<string, Map<string, { value: number }>>,
  rankings: Map<string, PeriodRanking | null>,
  areaCode: string,
): CouncilIndicator {
  const polarity = polarityOf(def);
  const series: SeriesPoint[] = [];
  const byChoice: Partial<Record<ComparatorChoice, GroupPosition[]>> = {};
  for (const p of periods) {
    const f = own.get(p.key);
    if (!f) continue;
    series.push({ period: p.key, periodEnd: p.end, value: f.value, ciLower: f.ciLower, ciUpper: f.ciUpper });
    if (polarity === 'none') continue;
    for (const [choice, group] of groups) {
      const ranking = rankingOf(group, p.key, byArea, rankings, polarity, def.decimalPlaces);
      const position = ranking ? positionOf(ranking, group, p.key, areaCode) : null;
      if (position) (byChoice[choice] ??= []).push(position);
    }
  }
  return {
    indicatorCode: def.code,
    indicatorTitle: def.title,
    polarity,
    unit: def.unit,
    unitMultiplier: def.unitMultiplier,
    decimalPlaces: def.decimalPlaces,
    series,
    positions: byChoice.nearest ?? [],
    periodsWithFigures: periodsPublishedBy(periods, groups.get('nearest')!, byArea, areaCode),
    ...(groups.size > 1 ? { positionsByComparator: byChoice } : {}),
    theme: def.theme,
  };
}

/** A group's ranking for a period, worked out once per run (groups are shared by id). */
function rankingOf(
  group: ComparatorGroup,
  period: string,
  byArea: Map<string, Map<string, { value: number }>>,
  rankings: Map<string, PeriodRanking | null>,
  polarity: Polarity,
  decimalPlaces: number,
): PeriodRanking | null {
  const key = `${group.id}\u0000${group.memberCodes.length}\u0000${period}`;
  if (!rankings.has(key)) {
    const values = group.memberCodes.flatMap((code) => {
      const v = byArea.get(code)?.get(period);
      return v ? [{ code, value: v.value }] : [];
    });
    rankings.set(key, rankGroup(values, polarity, decimalPlaces));
  }
  return rankings.get(key) ?? null;
}

/** The areas of every council in England (for the widest comparison a rule may ask for). */
function englandCouncilAreas(councils: readonly Council[]): string[] {
  return councils.filter((c) => countryCodeOf(c.areaCode) === 'E92000001').map((c) => c.areaCode);
}

/**
 * The periods the council's comparators in its own nation have figures for: a year only other nations
 * have published yet (Wales and Northern Ireland report recycling a year before England) is no gap in
 * its series, even where its group is every council of its type across the UK.
 */
function periodsPublishedBy(
  periods: readonly Period[],
  group: ComparatorGroup,
  byArea: Map<string, Map<string, unknown>>,
  areaCode: string,
): string[] {
  const country = countryCodeOf(areaCode);
  const peers = group.memberCodes.filter((code) => countryCodeOf(code) === country);
  return periods.filter((p) => peers.some((code) => byArea.get(code)?.has(p.key))).map((p) => p.key);
}
