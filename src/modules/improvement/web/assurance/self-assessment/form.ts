/**
 * The self-assessment forms: filing one (a council, a theme, a grade, a summary and the evidence) and
 * an assessor's answer (agree or challenge, with reasons), and the page of one self-assessment.
 */
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS, sentText } from '../../../../../platform/web/index.ts';
import { type Actor, can } from '../../../../accounts/index.ts';
import { INSPECTION_THEMES, SELF_ASSESSMENT_GRADES, type SelfAssessment } from '../../../improvement.types.ts';
import type { CouncilName } from '../assurance-common/councils.ts';
import { dateInWords } from '../assurance-common/dates.ts';
import type { FieldMap } from '../assurance-common/form-problems.ts';
import { GRADE_NAMES, selfAssessmentStateTag, type Tag, themeName } from '../assurance-common/words.ts';
import { assuranceUrls } from '../urls.ts';

/** The councils a person may file a self-assessment for, in name order. */
export function filingChoices(actor: Actor | null, councils: ReadonlyMap<string, CouncilName>): CouncilName[] {
  if (actor?.kind !== 'person') return [];
  return [...councils.values()]
    .filter((c) => can(actor, 'file_self_assessment', { bodyId: c.id }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export const FILING_FIELDS: FieldMap = {
  bodyId: { id: 'bodyId', label: 'Council' },
  theme: { id: 'theme', label: 'Theme' },
  grade: { id: 'grade', label: 'Grade' },
  summary: { id: 'summary', label: 'Summary' },
  evidence: { id: 'evidence', label: 'Evidence' },
};

export const RESPONSE_FIELDS: FieldMap = {
  verdict: { id: 'verdict', label: 'Your verdict' },
  response: { id: 'response', label: 'Your reasons' },
  id: { id: 'verdict', label: 'The self-assessment' },
};

export interface FilingSent {
  bodyId: string;
  theme: string;
  grade: string;
  summary: string;
  evidence: string;
}

export const filingSent = (body: unknown): FilingSent => ({
  bodyId: sentText(body, 'bodyId').trim(),
  theme: sentText(body, 'theme'),
  grade: sentText(body, 'grade'),
  summary: sentText(body, 'summary'),
  evidence: sentText(body, 'evidence'),
});

type Option = { value: string; text: string; checked?: boolean; selected?: boolean };

export interface FilingFormView {
  pageTitle: string;
  action: string;
  backHref: string;
  csrfToken: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  councils: Option[];
  themes: Option[];
  grades: Option[];
  sent: FilingSent;
}

export function filingFormView(opts: {
  choices: readonly CouncilName[];
  csrfToken: string;
  sent: FilingSent;
  errors?: FormErrors;
}): FilingFormView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const { sent } = opts;
  const only = opts.choices.length === 1 ? opts.choices[0]!.id : '';
  return {
    pageTitle: 'File a self-assessment',
    action: assuranceUrls.newSelfAssessment(),
    backHref: assuranceUrls.inspection(),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    councils: [
      ...(only ? [] : [{ value: '', text: 'Choose a council', selected: sent.bodyId === '' }]),
      ...opts.choices.map((c) => ({ value: c.id, text: c.name, selected: c.id === (sent.bodyId || only) })),
    ],
    themes: INSPECTION_THEMES.map((t) => ({ value: t, text: themeName(t), checked: t === sent.theme })),
    grades: SELF_ASSESSMENT_GRADES.map((g) => ({ value: g, text: GRADE_NAMES[g], checked: g === sent.grade })),
    sent,
  };
}

export interface ResponseSent {
  verdict: string;
  response: string;
}

export const responseSent = (body: unknown): ResponseSent => ({
  verdict: sentText(body, 'verdict'),
  response: sentText(body, 'response'),
});

export interface SelfAssessmentPageView {
  pageTitle: string;
  council: string;
  riskHref: string;
  theme: string;
  grade: string;
  stateTag: Tag;
  filedOn: string;
  summary: string;
  evidence: string;
  /** the assessor's answer, once given */
  answer: { verdict: string; on: string; response: string | null } | null;
  /** the assessor's form, for those who may answer while it awaits one */
  form: {
    action: string;
    csrfToken: string;
    verdicts: Option[];
    response: string;
    fieldErrors: FormErrors['fields'];
  } | null;
  /** what was wrong with the answer sent, or why it could not be taken */
  errorSummary: ErrorSummaryItem[];
  backHref: string;
  done: string | undefined;
}

export function selfAssessmentPageView(opts: {
  assessment: SelfAssessment;
  councilName: string;
  mayRespond: boolean;
  csrfToken: string | null;
  sent?: ResponseSent;
  errors?: FormErrors;
  done?: string;
}): SelfAssessmentPageView {
  const s = opts.assessment;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const sent = opts.sent ?? { verdict: '', response: '' };
  const theme = themeName(s.theme);
  return {
    pageTitle: `Self-assessment: ${theme}, ${opts.councilName}`,
    council: opts.councilName,
    riskHref: assuranceUrls.riskProfile(s.bodyId),
    theme,
    grade: GRADE_NAMES[s.grade],
    stateTag: selfAssessmentStateTag(s.state),
    filedOn: dateInWords(s.filedAt),
    summary: s.summary,
    evidence: s.evidence,
    answer:
      s.state === 'filed'
        ? null
        : {
            verdict:
              s.state === 'agreed'
                ? 'An assessor agreed with the self-assessment.'
                : 'An assessor challenged the self-assessment.',
            on: dateInWords(s.respondedAt),
            response: s.response,
          },
    form:
      opts.mayRespond && s.state === 'filed' && opts.csrfToken !== null
        ? {
            action: assuranceUrls.respondToSelfAssessment(s.id),
            csrfToken: opts.csrfToken,
            verdicts: [
              { value: 'agreed', text: 'Agree with it', checked: sent.verdict === 'agreed' },
              { value: 'challenged', text: 'Challenge it', checked: sent.verdict === 'challenged' },
            ],
            response: sent.response,
            fieldErrors: errors.fields,
          }
        : null,
    errorSummary: errors.summary,
    backHref: assuranceUrls.inspection(),
    done: opts.done,
  };
}
