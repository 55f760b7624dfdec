import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser } from '../../../../../test/support/accounts-web.ts';
import type { TestApp } from '../../../../../test/support/app.ts';
import { examplePlans } from '../../../../../test/support/plans-factories.ts';
import { plansApp } from '../../../../../test/support/plans-web.ts';
import { getByRole, textOf, type HTMLElement } from '../../../../../test/support/site-dom.ts';
import { planUrls } from '../urls.ts';

let t: TestApp;
beforeEach(async () => {
  const plans = examplePlans();
  Object.assign(plans.plans[1]!, { disclaimer: 'The targets of this agreement are illustrative.' });
  t = await plansApp({ plans });
});
afterEach(async () => t.close());

const rowsOf = (table: HTMLElement) => table.querySelectorAll('tbody tr').map((r) => r.querySelectorAll('td').map(textOf));

describe('the agreement’s report for printing', () => {
  it('is made for paper, and lists every target in order with status, values, owners and reward, the rules used and the sources', async () => {
    const { response, document } = await new Browser(t.app).get(planUrls.report('trafford-laa'));
    expect(response.statusCode).toBe(200);
    expect(document.querySelector('body')?.classList.contains('lv-print')).toBe(true);
    const print = document.querySelector('link[media="print"]');
    expect(print?.getAttribute('href')).toMatch(/^\/static\/[0-9a-f]+\/print\.css$/);
    expect((await t.app.inject({ url: print!.getAttribute('href')! })).statusCode).toBe(200);
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('The targets of this agreement are illustrative.');
    expect(main).toContain('Statuses as recorded on 1 June 2025.');
    const rows = rowsOf(getByRole(document, 'table', { name: 'Every target of the agreement, in its order' }));
    expect(rows.map((r) => [r[0], r[2], r[3]?.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['Recycle more', 'Stretch', 'At risk'],
      ['Recycle more', 'National', 'On track'],
      ['Recycle more', 'Local', 'Off track'],
    ]);
    expect(rows[0]![10]).toBe('£500,000: Performance reward grant £500,000 at stake');
    expect(rowsOf(getByRole(document, 'table', { name: 'The rule each target’s status was judged by' }))[0]).toEqual([
      'N1: Stretch: 60% recycled by 2024/25',
      'Version 1: at risk within 1.0 percentage points of the trajectory',
      '1 June 2025',
    ]);
    expect(main).toContain('Local authority names and codes © mySociety, CC BY 4.0.');
  });

  it('is only for an agreement', async () => {
    expect((await new Browser(t.app).get(planUrls.report('trafford-scs'))).response.statusCode).toBe(404);
    expect((await new Browser(t.app).get(planUrls.reportXlsx('trafford-scs'))).response.statusCode).toBe(404);
  });
});

describe('the agreement’s report as a spreadsheet', () => {
  it('holds the targets, the rules used, the disclaimer and the attribution', async () => {
    const response = await t.app.inject({ url: planUrls.reportXlsx('trafford-laa') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="trafford-laa-report.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Targets', 'Rules used', 'About']);
    const targets = workbook.getWorksheet('Targets')!;
    const header = (targets.getRow(1).values as unknown[]).slice(1);
    const row = (n: number) => Object.fromEntries(header.map((h, i) => [h, targets.getRow(n).getCell(i + 1).value]));
    expect(targets.rowCount).toBe(4);
    expect(row(2)).toMatchObject({
      Key: 'N1',
      Kind: 'Stretch',
      'Indicator code': 'REC',
      Baseline: 52,
      'Target value (low)': 60,
      'Latest figure': 57,
      Status: 'At risk',
      'Reward (£)': 500000,
      'Reward at stake (£)': 500000,
    });
    expect(row(3)).toMatchObject({
      Key: 'N2',
      'National priority': 'PSA 27',
      Covers: 'Altrincham, Bowdon',
      'Reward at stake (£)': null,
    });
    const rules = workbook.getWorksheet('Rules used')!;
    expect((rules.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['N1', 'Stretch: 60% recycled by 2024/25', 1, 1]);
    const about = workbook.getWorksheet('About')!;
    const text = about
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(text).toContain('The targets of this agreement are illustrative.');
    expect(text).toContain('Local authority names and codes © mySociety, CC BY 4.0.');
  });
});
