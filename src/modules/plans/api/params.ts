/** The path and query parameters the plans API shares, and how a reader picks a version. */
import { z } from 'zod';
import type { VersionChoice } from '../versions.ts';

export const READ_DESCRIPTION =
  'Public: published versions for everyone. A draft is shown only with an API token of the plan’s owner body ' +
  '(or of a body accountable for it), and a plan with nothing published is not found without one.';

export const planParams = z.object({
  id: z.string().min(1).max(200).describe('the plan’s id, e.g. trafford-community-strategy'),
});
export const itemParams = planParams.extend({
  key: z.string().min(1).max(100).describe('the item’s key, stable across versions'),
});

export const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const versionQuery = z.object({
  on: z.string().max(40).optional().describe('YYYY-MM-DD: the version in force on that date (default today)'),
  version: z.coerce.number().int().min(1).max(100_000).optional().describe('a version by its number'),
  draft: flag.describe('true: the draft (for those who may see it)'),
});

export function choiceOf(q: z.infer<typeof versionQuery>): VersionChoice {
  return {
    ...(q.on !== undefined ? { on: q.on } : {}),
    ...(q.version !== undefined ? { version: q.version } : {}),
    ...(q.draft ? { draft: true } : {}),
  };
}
