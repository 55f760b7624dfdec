/** Everything a case's page shows, read for one request: the case, its figures and rules, and the forms the reader may use. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../../../../platform/errors.ts';
import { type FormErrors, signInUrlFor } from '../../../../../platform/web/index.ts';
import { actorOf, can, csrfToken } from '../../../../accounts/index.ts';
import { formatDifference, formatValue, getIndicator, type IndicatorDefinition } from '../../../../indicators/index.ts';
import { getCase, listRuleVersions, rungDeadlines } from '../../../cases/index.ts';
import { type ActionSent, caseFormsView } from '../case-forms/forms.ts';
import type { CasePagesDeps } from '../deps.ts';
import { caseUrls } from '../urls.ts';
import { isOpen } from '../words.ts';
import { caseChart, type CaseChartView } from './chart.ts';
import { casePageView, type CasePageView } from './view-model.ts';

const UNIT_WORDS: Record<string, string> = {
  percentage: 'Per cent',
  count: 'Count',
  rate: 'Rate',
  money: 'Pounds (£)',
  days: 'Days',
  score: 'Score',
  ratio: 'Ratio',
  index: 'Index',
};

function yLabelOf(indicator: IndicatorDefinition): string {
  const words = UNIT_WORDS[indicator.unit] ?? 'Value';
  return indicator.unit === 'rate' && indicator.unitMultiplier
    ? `${words} per ${indicator.unitMultiplier.toLocaleString('en-GB')}`
    : words;
}

/** The case's id from the address: a whole number, or no such case. */
export function caseIdOf(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError(`There is no case ${raw}`);
  return id;
}

export async function loadCase(deps: CasePagesDeps, id: number) {
  const detail = await getCase(deps.db, id);
  if (!detail) throw new NotFoundError(`There is no case ${id}`);
  return detail;
}

export async function casePage(
  deps: CasePagesDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { sent?: ActionSent; errors?: FormErrors; doneText?: string } = {},
): Promise<CasePageView & { errorSummary: FormErrors['summary'] }> {
  const id = caseIdOf(request);
  const detail = await loadCase(deps, id);
  const c = detail.case;
  const indicator = c.subject.indicatorCode ? await getIndicator(deps.db, c.subject.indicatorCode) : undefined;
  let chart: CaseChartView | undefined;
  if (indicator && (detail.series.length > 0 || detail.comparatorMedians.length > 0))
    chart = caseChart({
      indicatorTitle: indicator.title,
      areaName: c.areaName,
      yLabel: yLabelOf(indicator),
      format: (v) => formatValue(indicator, v),
      series: detail.series,
      medians: detail.comparatorMedians,
      ...(detail.comparatorGroup ? { groupName: detail.comparatorGroup.name } : {}),
    });
  const actor = actorOf(request);
  const forms =
    actor?.kind === 'person'
      ? caseFormsView({
          caseId: c.id,
          rung: c.rung,
          ownerName: c.ownerName,
          actionPlan: c.actionPlan,
          nextActions: detail.nextActions,
          may: (_action, toRung) => can(actor, 'act_on_case', { bodyId: c.subject.bodyId, rung: c.rung, toRung }),
          csrfToken: csrfToken(request, reply),
          ...(opts.sent ? { sent: opts.sent } : {}),
          ...(opts.errors ? { errors: opts.errors } : {}),
        })
      : undefined;
  const view = casePageView({
    detail,
    now: deps.clock.now(),
    deadlineDays: await rungDeadlines(deps.db, c.subject.bodyId),
    ...(indicator
      ? { format: { value: (v: number) => formatValue(indicator, v), difference: (v: number) => formatDifference(indicator, v) } }
      : {}),
    rules: new Map((await listRuleVersions(deps.db)).map((v) => [v.id, v])),
    ...(chart ? { chart } : {}),
    ...(forms && (forms.forms.length > 0 || opts.errors) ? { actions: forms } : {}),
    ...(!actor && isOpen(c.state) ? { signInHref: signInUrlFor(reply, caseUrls.case(c.id)) ?? '' } : {}),
    ...(opts.doneText ? { doneText: opts.doneText } : {}),
  });
  const summary = opts.errors?.summary ?? [];
  const onPage = new Set(view.actions?.forms.map((f) => `#${f.field.id}`) ?? []);
  return { ...view, errorSummary: summary.map((e) => (onPage.has(e.href) ? e : { ...e, href: '#actions' })) };
}
