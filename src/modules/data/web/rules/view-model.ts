/** A body's rule for approving its submissions, and the form administrators change it with. */
import type { ErrorSummaryItem, FormErrors } from '../../../../platform/web/index.ts';
import { NO_FORM_ERRORS } from '../../../../platform/web/index.ts';
import { auditUrls } from '../../../accounts/index.ts';
import type { SubmissionRules } from '../../submission-rules.service.ts';
import { type DoneNotice, dataUrls } from '../urls.ts';
import { instantInWords } from '../words.ts';

type SummaryRow = { key: { text: string }; value: { text: string } };

export type SelfApprovalChoice = 'allow' | 'forbid';

export interface RulesForm {
  action: string;
  items: { value: SelfApprovalChoice; text: string; hint: { text: string }; checked: boolean }[];
  reason: string;
}

export interface RulesPageView {
  pageTitle: string;
  bodyName: string;
  doneText: string | undefined;
  details: SummaryRow[];
  /** the form, for those who may change the rule */
  form: RulesForm | undefined;
  csrfToken: string | undefined;
  submissionsHref: string;
  /** the rule's changes in the body's audit log, for those who may read it */
  auditHref: string | undefined;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
}

const DONE: Partial<Record<DoneNotice, string>> = {
  'rules-set': 'The rule has been changed. The reason is kept in the audit log.',
  'rules-unchanged': 'Nothing was changed: the body already had this rule.',
};

function details(rules: SubmissionRules): SummaryRow[] {
  const row = (key: string, value: string): SummaryRow => ({ key: { text: key }, value: { text: value } });
  const rows = [
    row(
      'Who may approve',
      rules.selfApprovalAllowed
        ? `Any officer of ${rules.bodyName}, including the person who uploaded or submitted the figures`
        : `Another officer of ${rules.bodyName}: not the person who uploaded or submitted the figures`,
    ),
  ];
  const last = rules.lastChange;
  if (last === null) rows.push(row('Last changed', 'Never: this is the rule every body starts with'));
  else {
    rows.push(row('Last changed', `By ${last.by}, ${instantInWords(last.at)}`));
    if (last.reason !== null) rows.push(row('Reason given', last.reason));
  }
  return rows;
}

export function rulesPageView(opts: {
  rules: SubmissionRules;
  mayChange: boolean;
  mayReadAudit: boolean;
  csrfToken: string | undefined;
  /** what was sent, to show it again with its errors */
  sent?: { selfApproval: string; reason: string };
  done?: unknown;
  errors?: FormErrors;
}): RulesPageView {
  const { rules } = opts;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const chosen = opts.sent?.selfApproval ?? (rules.selfApprovalAllowed ? 'allow' : 'forbid');
  const item = (value: SelfApprovalChoice, text: string, hint: string) => ({
    value,
    text,
    hint: { text: hint },
    checked: chosen === value,
  });
  return {
    pageTitle: `Who may approve submissions: ${rules.bodyName}`,
    bodyName: rules.bodyName,
    doneText: typeof opts.done === 'string' ? DONE[opts.done as DoneNotice] : undefined,
    details: details(rules),
    form: opts.mayChange
      ? {
          action: dataUrls.submissionRules(rules.bodyId),
          items: [
            item(
              'forbid',
              'Another officer must approve',
              'The person who uploaded or submitted figures cannot approve them: two people check every submission.',
            ),
            item(
              'allow',
              'The person who uploaded or submitted may approve',
              'For a body with one officer: their figures can be published without a second person checking them.',
            ),
          ],
          reason: opts.sent?.reason ?? '',
        }
      : undefined,
    csrfToken: opts.csrfToken,
    submissionsHref: dataUrls.submissions({ body: rules.bodyId }),
    auditHref: opts.mayReadAudit ? auditUrls.body(rules.bodyId, { action: 'submission_rules' }) : undefined,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
  };
}
