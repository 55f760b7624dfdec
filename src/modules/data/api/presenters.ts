import { z } from 'zod';
import type { Period } from '../../periods/index.ts';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import type { ImportBatchRecord } from '../import-batch.repository.ts';
import type { Observation } from '../observation.types.ts';
import type { QualityReport } from '../quality.service.ts';

export const observationSchema = z.object({
  indicator: z.string(),
  indicatorVersion: z.number().int(),
  area: z.string(),
  period: z.string().describe('the period as people write it, e.g. 2015/16'),
  periodKey: z.string().describe('the canonical key, e.g. FY2015'),
  periodType: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  value: z.number().nullable().describe('exactly as published (not rounded)'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  sampleSize: z.number().nullable(),
  ciLower: z.number().nullable(),
  ciUpper: z.number().nullable(),
  status: z.string(),
  sourceBodyId: z.string().nullable(),
  revision: z.number().int(),
  publishedAt: z.string(),
});

export function presentObservation(o: Observation): z.infer<typeof observationSchema> {
  return {
    indicator: o.indicatorCode,
    indicatorVersion: o.indicatorVersion,
    area: o.areaCode,
    period: o.periodLabel,
    periodKey: o.period,
    periodType: o.periodType,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    sampleSize: o.sampleSize,
    ciLower: o.ciLower,
    ciUpper: o.ciUpper,
    status: o.status,
    sourceBodyId: o.sourceBodyId,
    revision: o.revision,
    publishedAt: o.publishedAt,
  };
}

/** The tidy format, so a download can be imported again. */
export const observationCsv: CsvColumn<Observation>[] = [
  { header: 'indicator', value: (o) => o.indicatorCode },
  { header: 'area', value: (o) => o.areaCode },
  { header: 'period', value: (o) => o.periodLabel },
  { header: 'value', value: (o) => o.value },
  { header: 'numerator', value: (o) => o.numerator },
  { header: 'denominator', value: (o) => o.denominator },
  { header: 'sample_size', value: (o) => o.sampleSize },
  { header: 'ci_lower', value: (o) => o.ciLower },
  { header: 'ci_upper', value: (o) => o.ciUpper },
  { header: 'status', value: (o) => o.status },
  { header: 'revision', value: (o) => o.revision },
  { header: 'published_at', value: (o) => o.publishedAt },
];

export const importBatchSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  reader: z.string(),
  rowsRead: z.number().int(),
  rowsWritten: z.number().int(),
  rowsUnchanged: z.number().int(),
  rowsRejected: z.number().int(),
  importedAt: z.string(),
});

export const presentImportBatch = (b: ImportBatchRecord): z.infer<typeof importBatchSchema> => ({
  id: b.id,
  kind: b.kind,
  fileName: b.fileName,
  fileSha256: b.fileSha256,
  reader: b.reader,
  rowsRead: b.rowsRead,
  rowsWritten: b.rowsWritten,
  rowsUnchanged: b.rowsUnchanged,
  rowsRejected: b.rowsRejected,
  importedAt: b.importedAt,
});

export const importBatchCsv: CsvColumn<ImportBatchRecord>[] = [
  { header: 'id', value: (b) => b.id },
  { header: 'kind', value: (b) => b.kind },
  { header: 'file_name', value: (b) => b.fileName },
  { header: 'reader', value: (b) => b.reader },
  { header: 'rows_read', value: (b) => b.rowsRead },
  { header: 'rows_written', value: (b) => b.rowsWritten },
  { header: 'rows_unchanged', value: (b) => b.rowsUnchanged },
  { header: 'imported_at', value: (b) => b.importedAt },
];

/** A period as the data API shows it (submissions and collection rounds too). */
export const periodSchema = z.object({
  key: z.string(),
  type: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
});
export const presentPeriod = (p: Period): z.infer<typeof periodSchema> => ({
  key: p.key,
  type: p.type,
  label: p.label,
  start: p.start,
  end: p.end,
});

export const qualitySchema = z.object({
  indicator: z.string(),
  period: periodSchema,
  completeness: z.object({
    expected: z.number(),
    received: z.number(),
    ratio: z.number().nullable(),
    missing: z.array(z.string()),
    countries: z.array(z.string()),
  }),
  timeliness: z.object({
    dueDate: z.string().nullable(),
    status: z.string(),
    lateByDays: z.number().nullable(),
    firstPublishedAt: z.string().nullable(),
  }),
  outliers: z.array(z.object({ areaCode: z.string(), value: z.number(), score: z.number() })),
  breaks: z.array(
    z.object({
      areaCode: z.string(),
      previousPeriod: z.string(),
      previousValue: z.number(),
      value: z.number(),
      change: z.number(),
      score: z.number(),
    }),
  ),
  comparabilityBreak: z
    .object({
      fromPeriod: z.string(),
      toPeriod: z.string(),
      fromVersion: z.number(),
      toVersion: z.number(),
      note: z.string().nullable(),
    })
    .nullable(),
});

export function presentQuality(q: QualityReport): z.infer<typeof qualitySchema> {
  return {
    indicator: q.indicator,
    period: presentPeriod(q.period),
    completeness: { ...q.completeness, missing: [...q.completeness.missing], countries: [...q.completeness.countries] },
    timeliness: { ...q.timeliness },
    outliers: q.outliers.map((o) => ({ areaCode: o.areaCode, value: o.value, score: o.score })),
    breaks: q.breaks.map((b) => ({
      areaCode: b.areaCode,
      previousPeriod: b.previousPeriod,
      previousValue: b.previousValue,
      value: b.value,
      change: b.change,
      score: b.score,
    })),
    comparabilityBreak: q.comparabilityBreak,
  };
}
