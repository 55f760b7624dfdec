/** A body's collection deadlines, its sharing of unpublished figures and its submission rules as JSON. */
import { z } from 'zod';
import type { CollectionDeadline } from '../collection.service.ts';
import type { UnpublishedShare } from '../sharing.service.ts';
import type { SubmissionRules } from '../submission-rules.service.ts';
import { periodSchema, presentPeriod } from './presenters.ts';

export const deadlineSchema = z.object({
  indicator: z.string().describe('the indicator’s code'),
  period: periodSchema,
  bodyId: z.string().describe('the body asked to supply the figures'),
  dueDate: z.string().describe('YYYY-MM-DD'),
});

export const presentDeadline = (d: CollectionDeadline & { bodyId: string }): z.infer<typeof deadlineSchema> => ({
  indicator: d.indicator,
  period: presentPeriod(d.period),
  bodyId: d.bodyId,
  dueDate: d.dueDate,
});

export const shareSchema = z.object({
  id: z.number().int(),
  ownerBodyId: z.string().describe('the body whose unpublished figures are shared'),
  partnerBodyId: z.string().describe('the body whose people and tokens may read them'),
  grantedBy: z.string().describe('who shared them: a person, an API token or the command line'),
  grantedAt: z.string(),
});

export const presentShare = (s: UnpublishedShare): z.infer<typeof shareSchema> => ({
  id: s.id,
  ownerBodyId: s.ownerBodyId,
  partnerBodyId: s.partnerBodyId,
  grantedBy: s.grantedBy,
  grantedAt: s.grantedAt,
});

export const rulesSchema = z.object({
  bodyId: z.string(),
  bodyName: z.string(),
  selfApprovalAllowed: z
    .boolean()
    .describe('true: the person who uploaded or submitted a submission may approve it; false: another officer must'),
  lastChange: z
    .object({ by: z.string(), at: z.string(), reason: z.string().nullable() })
    .nullable()
    .describe('the last change of the rule and the reason given; null while it has never been changed'),
});

export const presentRules = (r: SubmissionRules): z.infer<typeof rulesSchema> => ({
  bodyId: r.bodyId,
  bodyName: r.bodyName,
  selfApprovalAllowed: r.selfApprovalAllowed,
  lastChange: r.lastChange && { by: r.lastChange.by, at: r.lastChange.at, reason: r.lastChange.reason },
});
