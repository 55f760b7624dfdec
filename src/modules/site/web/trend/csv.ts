/** The trend page's table as CSV. */
import type { CsvColumn } from '../../../../platform/http/csv.ts';
import type { TimeSeriesPoint } from '../../../analysis/index.ts';

export const trendCsvColumns = (areaCode: string, indicator: string): CsvColumn<TimeSeriesPoint>[] => [
  { header: 'indicator_code', value: () => indicator },
  { header: 'area_code', value: () => areaCode },
  { header: 'period', value: (p) => p.period.label },
  { header: 'value', value: (p) => p.figure.value },
  { header: 'ci_lower', value: (p) => p.figure.ciLower },
  { header: 'ci_upper', value: (p) => p.figure.ciUpper },
  { header: 'direction_of_travel', value: (p) => p.direction?.words },
  { header: 'status', value: (p) => p.figure.status },
  { header: 'source', value: (p) => p.figure.source },
];
