/** The indicator page's tables as CSV: the ranked areas, England and the regions, England's series. */
import type { CsvColumn } from '../../../../platform/http/csv.ts';
import type { AllAreasRow, AreaFigure } from '../../../analysis/index.ts';
import type { IndicatorPageData } from './load.ts';
import { overTimeRows, type OverTimeRow } from './over-time.ts';

export type CsvTable = { fileName: string; columns: CsvColumn<never>[]; rows: unknown[] };

const rankedColumns = (data: IndicatorPageData): CsvColumn<AllAreasRow>[] => [
  { header: 'rank', value: (r) => r.rankLabel },
  { header: 'area_code', value: (r) => r.figure.areaCode },
  { header: 'area', value: (r) => r.areaName },
  { header: 'period', value: () => data.period?.label },
  { header: 'value', value: (r) => r.figure.value },
  { header: 'quartile', value: (r) => r.quartile },
  { header: 'compared_with_median', value: (r) => r.distance.words },
  { header: 'status', value: (r) => r.figure.status },
];

const placeColumns = (data: IndicatorPageData): CsvColumn<AreaFigure>[] => [
  { header: 'area_code', value: (f) => f.areaCode },
  { header: 'area', value: (f) => data.placeNames.get(f.areaCode)?.name ?? f.areaCode },
  { header: 'period', value: () => data.period?.label },
  { header: 'value', value: (f) => f.value },
  { header: 'source', value: (f) => f.source },
  { header: 'coverage', value: (f) => f.coverage?.text },
  { header: 'status', value: (f) => f.status },
];

const seriesColumns = (data: IndicatorPageData): CsvColumn<OverTimeRow>[] => [
  { header: 'period', value: (r) => r.period },
  { header: 'england', value: (r) => r.england },
  { header: `median_of_${data.areaType}`, value: (r) => r.median },
];

/** The rows and columns of the table asked for (`table=places|england`, else the ranked areas, filtered by name). */
export function indicatorCsv(data: IndicatorPageData, table: string, q: string): CsvTable {
  const base = `${data.indicator.code}-${data.period?.key ?? ''}`;
  if (table === 'places')
    return {
      fileName: `${base}-places`,
      columns: placeColumns(data) as CsvColumn<never>[],
      rows: data.places?.figures.filter((f) => f.value !== null) ?? [],
    };
  if (table === 'england')
    return {
      fileName: `${data.indicator.code}-england-${data.areaType}`,
      columns: seriesColumns(data) as CsvColumn<never>[],
      rows: overTimeRows(data),
    };
  const wanted = q.toLowerCase();
  const rows = (data.ranking?.rows ?? []).filter((r) => wanted === '' || r.areaName.toLowerCase().includes(wanted));
  return { fileName: `${base}-${data.areaType}`, columns: rankedColumns(data) as CsvColumn<never>[], rows };
}
