/** The area profile's indicator tables as CSV: one row per indicator, the raw value beside its formatted form. */
import type { CsvColumn } from '../../../../platform/http/csv.ts';
import type { ProfileItem } from '../../../analysis/index.ts';

export function profileCsvColumns(groupName: string): CsvColumn<ProfileItem>[] {
  return [
    { header: 'theme', value: (i) => i.indicator.theme },
    { header: 'indicator_code', value: (i) => i.indicator.code },
    { header: 'indicator', value: (i) => i.indicator.title },
    { header: 'period', value: (i) => i.latest?.period.label },
    { header: 'value', value: (i) => i.latest?.value },
    { header: 'value_shown', value: (i) => i.latest?.formatted },
    { header: 'unit', value: (i) => i.indicator.unit },
    { header: 'direction_of_travel', value: (i) => i.direction?.words },
    { header: 'rank', value: (i) => i.comparison?.rankLabel },
    { header: 'ranked_areas', value: (i) => i.comparison?.of },
    { header: 'quartile', value: (i) => i.comparison?.quartile },
    { header: 'compared_with', value: (i) => (i.comparison ? groupName : '') },
    { header: 'provisional', value: (i) => i.flags.provisional },
    { header: 'derived_from', value: (i) => (i.flags.derived ? i.flags.coverage : '') },
  ];
}

/** The items of one theme ('' for every theme). */
export function itemsOfTheme(items: readonly ProfileItem[], theme: string): ProfileItem[] {
  return theme === '' ? [...items] : items.filter((i) => (i.indicator.theme ?? '') === theme);
}
