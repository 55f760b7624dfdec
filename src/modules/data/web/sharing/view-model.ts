/** Which partner bodies may see a body's unpublished figures, and the form to share or stop sharing. */
import type { ErrorSummaryItem, FormErrors } from '../../../../platform/web/index.ts';
import { NO_FORM_ERRORS } from '../../../../platform/web/index.ts';
import type { UnpublishedShare } from '../../sharing.service.ts';
import { type DoneNotice, dataUrls } from '../urls.ts';
import { instantInWords } from '../words.ts';

export interface ShareView {
  partnerBodyId: string;
  partnerName: string;
  since: string;
  grantedBy: string;
}

export interface BodyChoice {
  id: string;
  name: string;
}

export interface SharingPageView {
  pageTitle: string;
  bodyName: string;
  doneText: string | undefined;
  shares: ShareView[];
  /** the share form, for the body's officers and administrators */
  shareForm:
    { action: string; groups: { label: string; options: { value: string; text: string; selected: boolean }[] }[] } | undefined;
  stopAction: string | undefined;
  csrfToken: string | undefined;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
}

const DONE: Partial<Record<DoneNotice, string>> = {
  shared: 'The body can now see your unpublished figures.',
  unshared: 'The body can no longer see your unpublished figures.',
};

export function sharingPageView(opts: {
  bodyId: string;
  bodyName: string;
  shares: UnpublishedShare[];
  names: ReadonlyMap<string, string>;
  mayShare: boolean;
  /** the partners in the body's partnerships first, then every other body */
  candidates: { partners: BodyChoice[]; others: BodyChoice[] };
  chosen?: string;
  csrfToken: string | undefined;
  done?: unknown;
  errors?: FormErrors;
}): SharingPageView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const option = (b: BodyChoice) => ({ value: b.id, text: b.name, selected: b.id === opts.chosen });
  const groups = [
    { label: `In ${opts.bodyName}’s partnerships`, options: opts.candidates.partners.map(option) },
    { label: 'Other bodies', options: opts.candidates.others.map(option) },
  ].filter((g) => g.options.length > 0);
  return {
    pageTitle: `Sharing unpublished figures: ${opts.bodyName}`,
    bodyName: opts.bodyName,
    doneText: typeof opts.done === 'string' ? DONE[opts.done as DoneNotice] : undefined,
    shares: opts.shares.map((s) => ({
      partnerBodyId: s.partnerBodyId,
      partnerName: opts.names.get(s.partnerBodyId) ?? s.partnerBodyId,
      since: instantInWords(s.grantedAt),
      grantedBy: s.grantedBy,
    })),
    shareForm: opts.mayShare && groups.length > 0 ? { action: dataUrls.sharing(opts.bodyId), groups } : undefined,
    stopAction: opts.mayShare ? dataUrls.stopSharing(opts.bodyId) : undefined,
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
  };
}
