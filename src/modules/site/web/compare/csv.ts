/** The compare page's table as CSV: the group's rows for one indicator, or every indicator side by side. */
import type { CsvColumn } from '../../../../platform/http/csv.ts';
import type { Comparison, ComparisonRow } from '../../../analysis/index.ts';

export const groupCsvColumns = (c: Comparison): CsvColumn<ComparisonRow>[] => [
  { header: 'rank', value: (r) => r.rankLabel },
  { header: 'area_code', value: (r) => r.figure.areaCode },
  { header: 'area', value: (r) => r.areaName },
  { header: 'this_area', value: (r) => r.highlighted },
  { header: 'period', value: () => c.period.label },
  { header: 'value', value: (r) => r.figure.value },
  { header: 'quartile', value: (r) => r.quartile },
  { header: 'direction_of_travel', value: (r) => r.direction?.words },
];

export const sideBySideCsvColumns: CsvColumn<Comparison>[] = [
  { header: 'indicator_code', value: (c) => c.indicator.code },
  { header: 'indicator', value: (c) => c.indicator.title },
  { header: 'period', value: (c) => c.period.label },
  { header: 'area_code', value: (c) => c.area.figure.areaCode },
  { header: 'value', value: (c) => c.area.figure.value },
  { header: 'group', value: (c) => c.group.name },
  { header: 'group_median', value: (c) => c.summary.median },
  { header: 'rank', value: (c) => c.area.rankLabel },
  { header: 'ranked_areas', value: (c) => c.rows.filter((r) => r.rank !== null).length },
  { header: 'compared_with_median', value: (c) => c.distance.words },
];
