/** The risk table as CSV: one row per council, each component's share, points and explanation beside the score. */
import type { CsvColumn } from '../../../../../platform/http/csv.ts';
import { RISK_COMPONENTS, type RiskProfile } from '../../../improvement.types.ts';

export function riskCsvColumns(councilTypes: ReadonlyMap<string, string | null>): CsvColumn<RiskProfile>[] {
  const component = (p: RiskProfile, key: string) => p.components.find((c) => c.key === key);
  return [
    { header: 'body_id', value: (p) => p.bodyId },
    { header: 'council', value: (p) => p.bodyName },
    { header: 'council_type', value: (p) => councilTypes.get(p.bodyId) ?? '' },
    { header: 'area_code', value: (p) => p.areaCode },
    { header: 'score', value: (p) => p.score },
    { header: 'band', value: (p) => p.band },
    { header: 'model_version', value: (p) => p.modelVersion },
    { header: 'computed_at', value: (p) => p.computedAt },
    ...RISK_COMPONENTS.flatMap((key): CsvColumn<RiskProfile>[] => [
      { header: `${key}_share`, value: (p) => component(p, key)?.share ?? null },
      { header: `${key}_points`, value: (p) => component(p, key)?.points ?? null },
      { header: `${key}_explanation`, value: (p) => component(p, key)?.explanation ?? null },
    ]),
    { header: 'flagged_themes', value: (p) => p.flaggedThemes.join(' ') },
  ];
}
