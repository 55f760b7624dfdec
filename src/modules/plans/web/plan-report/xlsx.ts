/**
 * The Local Area Agreement report as a spreadsheet (written with exceljs): a sheet of the targets with
 * their status, values, owners and reward; a sheet of the rule each status was judged by; and a sheet
 * saying what the workbook is, the plan's disclaimer and where the figures come from. Numbers are
 * written as numbers, text as text (a text cell is never read as a formula).
 */
import ExcelJS from 'exceljs';
import type { LaaReport, LaaTargetRow, TargetValue } from '../../index.ts';
import { STATUS_NAMES } from '../../index.ts';
import { periodLabel, type Indicators } from '../plan-common/figures.ts';
import { dateInWords, targetKindInWords } from '../words.ts';
import { sourcesOf } from './view-model.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const low = (v: TargetValue | null | undefined) => (v == null ? null : 'value' in v ? v.value : v.low);
const high = (v: TargetValue | null | undefined) => (v == null ? null : 'value' in v ? v.value : v.high);

const TARGET_COLUMNS: {
  header: string;
  width: number;
  value: (r: LaaTargetRow, titleOf: (code: string) => string) => string | number | null;
}[] = [
  { header: 'Theme', width: 24, value: (r) => r.theme?.title ?? '' },
  { header: 'Outcome', width: 28, value: (r) => r.outcome?.title ?? '' },
  { header: 'Key', width: 8, value: (r) => r.target.key },
  { header: 'Target', width: 40, value: (r) => r.target.title },
  { header: 'Kind', width: 10, value: (r) => targetKindInWords(r.target.targetKind) },
  { header: 'National priority', width: 14, value: (r) => r.nationalPriority?.code ?? '' },
  { header: 'Indicator code', width: 12, value: (r) => r.target.indicatorCode },
  { header: 'Indicator', width: 32, value: (r, titleOf) => titleOf(r.target.indicatorCode) },
  { header: 'Measure', width: 10, value: (r) => (r.target.measure === 'gap' ? 'Gap' : 'Level') },
  { header: 'Area', width: 18, value: (r) => r.area.name },
  {
    header: 'Covers',
    width: 24,
    value: (r) => (r.coverage.length === 0 ? 'The whole area' : r.coverage.map((c) => c.name).join(', ')),
  },
  { header: 'Baseline period', width: 12, value: (r) => (r.target.baseline ? periodLabel(r.target.baseline.period) : '') },
  { header: 'Baseline', width: 10, value: (r) => r.target.baseline?.value ?? null },
  { header: 'Target period', width: 12, value: (r) => periodLabel(r.target.target.period) },
  { header: 'Target value (low)', width: 12, value: (r) => low(r.target.target.value) },
  { header: 'Target value (high)', width: 12, value: (r) => high(r.target.target.value) },
  { header: 'Latest period', width: 12, value: (r) => periodLabel(r.assessment?.period ?? null) },
  { header: 'Latest figure', width: 10, value: (r) => r.assessment?.actual ?? null },
  { header: 'Expected (low)', width: 10, value: (r) => low(r.assessment?.expected) },
  { header: 'Expected (high)', width: 10, value: (r) => high(r.assessment?.expected) },
  { header: 'Status', width: 10, value: (r) => STATUS_NAMES[r.status] },
  { header: 'Reason', width: 60, value: (r) => r.assessment?.reason ?? 'Not judged yet' },
  { header: 'Forecast', width: 10, value: (r) => r.forecast?.value ?? null },
  { header: 'Forecast low (80%)', width: 10, value: (r) => r.forecast?.low ?? null },
  { header: 'Forecast high (80%)', width: 10, value: (r) => r.forecast?.high ?? null },
  {
    header: 'Forecast uncertain',
    width: 10,
    value: (r) => (r.forecast?.value == null ? '' : r.forecast.uncertain ? 'Yes' : 'No'),
  },
  { header: 'Owner', width: 24, value: (r) => r.owner.name },
  { header: 'Lead', width: 20, value: (r) => r.target.leadPerson ?? '' },
  { header: 'Reward (£)', width: 12, value: (r) => r.stretch?.amountGbp ?? null },
  { header: 'Reward described', width: 30, value: (r) => r.stretch?.description ?? '' },
  { header: 'Reward at stake (£)', width: 12, value: (r) => (r.target.targetKind === 'stretch' ? r.rewardAtStake : null) },
];

function targetsSheet(workbook: ExcelJS.Workbook, report: LaaReport, indicators: Indicators): void {
  const sheet = workbook.addWorksheet('Targets', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TARGET_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const titleOf = (code: string) => indicators.get(code)?.title ?? code;
  for (const r of report.rows) sheet.addRow(TARGET_COLUMNS.map((c) => c.value(r, titleOf)));
  sheet.getRow(1).font = { bold: true };
}

function rulesSheet(workbook: ExcelJS.Workbook, report: LaaReport): void {
  const sheet = workbook.addWorksheet('Rules used');
  sheet.columns = [
    { header: 'Key', width: 8 },
    { header: 'Target', width: 40 },
    { header: 'Rule version', width: 12 },
    { header: 'Tolerance', width: 10 },
    { header: 'Tolerance kind', width: 16 },
    { header: 'Period judged', width: 12 },
    { header: 'Judged on', width: 14 },
    { header: 'Plan version id', width: 12 },
  ];
  for (const r of report.rows) {
    const a = r.assessment;
    sheet.addRow([
      r.target.key,
      r.target.title,
      a?.ruleVersion ?? null,
      a?.tolerance ?? null,
      a ? (a.toleranceKind === 'percent' ? 'Per cent of the expected value' : 'In the indicator’s units') : 'Not judged yet',
      periodLabel(a?.period ?? null),
      a ? a.assessedAt.slice(0, 10) : '',
      a?.planVersionId ?? null,
    ]);
  }
  sheet.getRow(1).font = { bold: true };
}

function aboutSheet(
  workbook: ExcelJS.Workbook,
  report: LaaReport,
  indicators: Indicators,
  attributions: readonly string[],
  today: string,
) {
  const sheet = workbook.addWorksheet('About');
  sheet.columns = [{ width: 28 }, { width: 100 }];
  const v = report.version;
  const rows: [string, string][] = [
    ['Report', `${v.title}: Local Area Agreement report`],
    ['Owner', report.owner.name],
    ['Area', report.area?.name ?? ''],
    [
      'Version',
      `Version ${v.number}${v.inForceFrom ? `, in force from ${dateInWords(v.inForceFrom)}` : ' (draft, not published)'}`,
    ],
    ['Statuses as recorded on', dateInWords(today)],
    ['Disclaimer', v.disclaimer ?? ''],
    [
      'How statuses are judged',
      'From the latest published figure against the trajectory (straight lines between the baseline, milestones and target): on track when on or ahead of it or the target is met, at risk when behind by no more than the tolerance, off track when further behind, no data when there is nothing to judge. Each status keeps the rule version it was judged by (sheet "Rules used").',
    ],
    [
      'How forecasts are made',
      'A least-squares straight line through the latest figures (up to five) to the target period, with an 80% prediction interval when there are three or more.',
    ],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.addRow([]);
  sheet.addRow(['Data sources and attribution']).font = { bold: true };
  for (const line of sourcesOf(indicators, attributions)) sheet.addRow(['', line]);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

export async function reportWorkbook(opts: {
  report: LaaReport;
  indicators: Indicators;
  attributions: readonly string[];
  today: string;
  now: Date;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Local Vision';
  workbook.created = opts.now;
  workbook.modified = opts.now;
  workbook.title = `${opts.report.version.title}: report`;
  targetsSheet(workbook, opts.report, opts.indicators);
  rulesSheet(workbook, opts.report);
  aboutSheet(workbook, opts.report, opts.indicators, opts.attributions, opts.today);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
