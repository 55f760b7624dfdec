/** Typed addresses of the submission pages, used by routes, view models and tests alike. */
import type { SubmissionEvent, SubmissionState } from '../submission-workflow.ts';

function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '' || (name === 'page' && value === 1)) continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

const id = (value: string) => encodeURIComponent(value);

/** What a page says after a step was taken (a fixed message chosen by name, never text from the address). */
export type DoneNotice =
  SubmissionEvent | 'create' | 'deadline-set' | 'deadline-removed' | 'shared' | 'unshared' | 'rules-set' | 'rules-unchanged';

export const dataUrls = {
  submissions: (q: { body?: string; state?: SubmissionState | ''; page?: number } = {}): string =>
    withQuery('/submissions', { body: q.body, state: q.state, page: q.page }),
  upload: (q: { body?: string } = {}): string => withQuery('/submissions/new', { body: q.body }),
  checkedUpload: (uploadId: string, q: { page?: number } = {}): string =>
    withQuery(`/submissions/checked/${id(uploadId)}`, { page: q.page }),
  submission: (submissionId: string, q: { page?: number; done?: DoneNotice } = {}): string =>
    withQuery(`/submissions/${id(submissionId)}`, { page: q.page, done: q.done }),
  submissionStep: (submissionId: string, step: SubmissionEvent): string => `/submissions/${id(submissionId)}/${step}`,
  submissionRowsCsv: (submissionId: string): string => `/submissions/${id(submissionId)}/rows.csv`,
  collection: (bodyId: string, q: { done?: DoneNotice } = {}): string =>
    withQuery(`/bodies/${id(bodyId)}/collection`, { done: q.done }),
  removeDeadline: (bodyId: string): string => `/bodies/${id(bodyId)}/collection/remove`,
  overdue: (): string => '/data/overdue',
  sharing: (bodyId: string, q: { done?: DoneNotice } = {}): string =>
    withQuery(`/bodies/${id(bodyId)}/sharing`, { done: q.done }),
  stopSharing: (bodyId: string): string => `/bodies/${id(bodyId)}/sharing/stop`,
  submissionRules: (bodyId: string, q: { done?: DoneNotice } = {}): string =>
    withQuery(`/bodies/${id(bodyId)}/submission-rules`, { done: q.done }),
};
