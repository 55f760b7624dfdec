/** analysis: aggregation, comparison, trends and gaps over the performance figures (capability 4). */
export { aggregate, inferRatioScale, unitScaleOf, RATIO_SCALES } from './aggregate.ts';
export type { AggregationPart, AggregationResult, AggregationOptions } from './aggregate.ts';
export { median, medianAbsoluteDeviation, quantile, quartiles, summarise } from './statistics.ts';
export type { GroupSummary, Quartiles } from './statistics.ts';
export { rankValues, quartileOfRank, madsFromMedian, distanceFromRange, isJudged } from './ranking.ts';
export type { RankedValue, Ranking, RankingRule, TargetRange } from './ranking.ts';
export { describeDistance, describeAgainstRange, SIMILAR_WITHIN_MADS, MUCH_BEYOND_MADS } from './distance-words.ts';
export type { DistanceBand, DistanceWords } from './distance-words.ts';
export { directionOfTravel, intervalsOverlap, noChangeTolerance } from './direction.ts';
export type { Direction, DirectionOfTravel, DirectionRule, PointWithInterval } from './direction.ts';
export { deprivationGap, gapTrend, compareGaps, QUINTILES_FROM_PARTS } from './gap.ts';
export type { GapPart, GapOptions, GapResult, GapGroup, GapChange, GapStep } from './gap.ts';
export { rankFigures } from './comparison.ts';
export type { GroupRanking, RankedFigure } from './comparison.ts';
export type { AreaFigure, Coverage, FigureSource } from './figures.ts';

export { importComparatorGroups } from './comparator-group-import.service.ts';
export type { ComparatorGroupImportOptions } from './comparator-group-import.service.ts';
export {
  resolveComparatorGroup,
  getComparatorGroup,
  listComparatorGroups,
  findNearestGroup,
} from './comparator-group.service.ts';
export type { ComparatorGroupQuery } from './comparator-group.service.ts';
export { COMPARATOR_GROUP_KINDS, BUILT_IN_GROUPS } from './comparator-group.types.ts';
export type {
  ComparatorGroupKind,
  BuiltInGroup,
  StoredComparatorGroup,
  ResolvedComparatorGroup,
} from './comparator-group.types.ts';

export { countByType } from './area-types.service.ts';
export { COUNCIL_TYPES } from './area-types.ts';
export { rollUp } from './rollup.service.ts';
export type { RollUp, RollUpQuery } from './rollup.service.ts';
export { compare } from './compare.service.ts';
export type { Comparison, ComparisonRow, CompareQuery, PlaceFigure } from './compare.service.ts';
export { compareAll } from './compare-all.service.ts';
export type { AllAreasComparison, AllAreasRow, CompareAllQuery } from './compare-all.service.ts';
export { gapFor } from './gap.service.ts';
export type { AreaGap, GapForPeriod, GapQuery, DeprivationMeasure } from './gap.service.ts';
export { areaProfile } from './profile.service.ts';
export type { AreaProfile, ProfileQuery } from './profile.service.ts';
export type { ProfileItem, ProfilePoint } from './profile.ts';
export { timeSeries } from './time-series.service.ts';
export type { TimeSeries, TimeSeriesPoint, TimeSeriesQuery } from './time-series.service.ts';
export type { IndicatorSummary } from './indicator-summary.ts';
export { analysisApi } from './api/routes.ts';
