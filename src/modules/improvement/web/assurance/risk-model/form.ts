/**
 * The form that sets a new version of the risk model (GET/POST /risk/model): the weights of the
 * components, the points of open cases by rung, the bands' thresholds and why. Each box starts with
 * the value in force; a number that is not one is refused here, the rest by the service.
 */
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS, sentText } from '../../../../../platform/web/index.ts';
import {
  RISK_COMPONENT_NAMES,
  RISK_COMPONENTS,
  type RiskComponentKey,
  type RiskModel,
  type Rung,
  RUNGS,
} from '../../../improvement.types.ts';
import type { FieldMap } from '../assurance-common/form-problems.ts';
import { formulaView, type FormulaView } from '../assurance-common/formula.ts';
import { assuranceUrls } from '../urls.ts';

const weightId = (key: RiskComponentKey) => `weight-${key}`;
const caseId = (rung: Rung) => `casePoints-${rung}`;

export const MODEL_FIELDS: FieldMap = {
  ...Object.fromEntries(
    RISK_COMPONENTS.flatMap((key) => {
      const field = { id: weightId(key), label: `Weight of ${RISK_COMPONENT_NAMES[key].toLowerCase()}` };
      return [
        [`weights.${key}`, field],
        [key, field],
      ];
    }),
  ),
  weights: { id: weightId(RISK_COMPONENTS[0]), label: 'Weights' },
  ...Object.fromEntries(RUNGS.map((r) => [`casePoints.${r}`, { id: caseId(r), label: `Points for a case on rung ${r}` }])),
  casePoints: { id: caseId(1), label: 'Points for open cases' },
  casePointsForFullShare: { id: 'casePointsForFullShare', label: 'Points that make a full share' },
  'bands.high': { id: 'bandHigh', label: 'Lowest score of the high band' },
  'bands.medium': { id: 'bandMedium', label: 'Lowest score of the medium band' },
  bands: { id: 'bandHigh', label: 'Bands' },
  reason: { id: 'reason', label: 'Why' },
};

/** What was sent, as typed. */
export interface ModelSent {
  weights: Record<RiskComponentKey, string>;
  casePoints: Record<Rung, string>;
  casePointsForFullShare: string;
  bandHigh: string;
  bandMedium: string;
  reason: string;
}

export function modelSent(body: unknown): ModelSent {
  return {
    weights: Object.fromEntries(RISK_COMPONENTS.map((k) => [k, sentText(body, weightId(k)).trim()])) as Record<
      RiskComponentKey,
      string
    >,
    casePoints: Object.fromEntries(RUNGS.map((r) => [r, sentText(body, caseId(r)).trim()])) as Record<Rung, string>,
    casePointsForFullShare: sentText(body, 'casePointsForFullShare').trim(),
    bandHigh: sentText(body, 'bandHigh').trim(),
    bandMedium: sentText(body, 'bandMedium').trim(),
    reason: sentText(body, 'reason'),
  };
}

export function sentOfModel(model: RiskModel): ModelSent {
  return {
    weights: Object.fromEntries(RISK_COMPONENTS.map((k) => [k, String(model.weights[k])])) as Record<RiskComponentKey, string>,
    casePoints: Object.fromEntries(RUNGS.map((r) => [r, String(model.casePoints[r])])) as Record<Rung, string>,
    casePointsForFullShare: String(model.casePointsForFullShare),
    bandHigh: String(model.bands.high),
    bandMedium: String(model.bands.medium),
    reason: '',
  };
}

export interface ModelChange {
  weights: Record<RiskComponentKey, number>;
  casePoints: Record<Rung, number>;
  casePointsForFullShare: number;
  bands: { high: number; medium: number };
  reason: string;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The sent numbers, or each box that does not hold one. */
export function readModel(
  sent: ModelSent,
): { ok: true; value: ModelChange } | { ok: false; problems: { field: string; text: string }[] } {
  const problems: { field: string; text: string }[] = [];
  const num = (text: string, id: string, label: string): number => {
    if (text === '') problems.push({ field: id, text: `Enter the ${label.charAt(0).toLowerCase()}${label.slice(1)}` });
    else if (!NUMBER.test(text)) problems.push({ field: id, text: `${label}: “${text}” is not a number` });
    return Number(text);
  };
  const label = (id: string) => Object.values(MODEL_FIELDS).find((f) => f.id === id)?.label ?? id;
  const weights = Object.fromEntries(
    RISK_COMPONENTS.map((k) => [k, num(sent.weights[k], weightId(k), label(weightId(k)))]),
  ) as Record<RiskComponentKey, number>;
  const casePoints = Object.fromEntries(RUNGS.map((r) => [r, num(sent.casePoints[r], caseId(r), label(caseId(r)))])) as Record<
    Rung,
    number
  >;
  const value: ModelChange = {
    weights,
    casePoints,
    casePointsForFullShare: num(sent.casePointsForFullShare, 'casePointsForFullShare', label('casePointsForFullShare')),
    bands: {
      high: num(sent.bandHigh, 'bandHigh', label('bandHigh')),
      medium: num(sent.bandMedium, 'bandMedium', label('bandMedium')),
    },
    reason: sent.reason,
  };
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
}

export interface ModelFormView {
  pageTitle: string;
  action: string;
  backHref: string;
  csrfToken: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  formula: FormulaView;
  weightFields: { id: string; label: string; value: string }[];
  caseFields: { id: string; label: string; value: string }[];
  sent: ModelSent;
}

export function modelFormView(opts: {
  model: RiskModel;
  csrfToken: string;
  sent?: ModelSent;
  errors?: FormErrors;
}): ModelFormView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const sent = opts.sent ?? sentOfModel(opts.model);
  return {
    pageTitle: 'Change the risk model',
    action: assuranceUrls.riskModel(),
    backHref: assuranceUrls.risk(),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    formula: formulaView(opts.model),
    weightFields: RISK_COMPONENTS.map((k) => ({ id: weightId(k), label: RISK_COMPONENT_NAMES[k], value: sent.weights[k] })),
    caseFields: RUNGS.map((r) => ({ id: caseId(r), label: `A case on rung ${r}`, value: sent.casePoints[r] })),
    sent,
  };
}
