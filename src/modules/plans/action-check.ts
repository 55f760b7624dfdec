/** Checking an action as written: its owner, due date, milestones and the progress it reports. */
import type { FieldReader } from './field-reader.ts';
import { owner, type Base, type CheckedItem, type ItemContext } from './item-context.ts';
import { MAX_TEXT, type ProgressReport } from './plan-input.ts';
import { ACTION_STATES, type Action, type ActionMilestone } from './plans.types.ts';

export async function checkAction(
  r: FieldReader,
  base: Base,
  ctx: ItemContext,
  fields: readonly string[],
): Promise<CheckedItem | null> {
  r.refuseOthers(fields);
  const ownerBodyId = await owner(r, ctx);
  const lead = r.text('lead', { max: MAX_TEXT.short });
  const due = r.date('due', { required: true });
  const milestones: ActionMilestone[] = [];
  r.list('milestones').forEach((m, i) => {
    const field = `milestones[${i}]`;
    const parsed =
      typeof m === 'string' ? actionMilestoneText(m) : m && typeof m === 'object' ? (m as Record<string, unknown>) : null;
    if (!parsed)
      return r.report(
        field,
        m,
        'must be a due date and a title (in a CSV cell: 2025-06-30 Survey the blocks, with (done) at the end once done)',
      );
    const mDue = r.dateFrom(`${field}.due`, parsed.due, { required: true });
    const title = typeof parsed.title === 'string' && parsed.title.trim() !== '' ? parsed.title.trim() : null;
    if (!title) r.report(`${field}.title`, parsed.title ?? '', 'is required');
    const done = parsed.done === undefined || parsed.done === null ? false : parsed.done;
    if (typeof done !== 'boolean') r.report(`${field}.done`, done, 'must be true or false');
    if (mDue && title && typeof done === 'boolean') milestones.push({ due: mDue, title, done });
  });
  const progress = progressOf(r);
  if (!due) return null;
  const action: Action = { ...base, kind: 'action', ownerBodyId, leadPerson: lead, due, milestones };
  return { item: action, tolerance: null, progress };
}

function actionMilestoneText(text: string): Record<string, unknown> | null {
  const match = /^(\S+)\s+(.+?)(\s+\(done\))?$/.exec(text.trim());
  return match ? { due: match[1], title: match[2], done: match[3] !== undefined } : null;
}

function progressOf(r: FieldReader): ProgressReport | null {
  const given = r.object('progress');
  if (!given) return null;
  const progress = r.numberFrom('progress.progress', given.progress, { required: true, min: 0, max: 100, integer: true });
  const state =
    typeof given.state === 'string' && (ACTION_STATES as readonly string[]).includes(given.state) ? given.state : null;
  if (!state) r.report('progress.state', given.state ?? '', `must be one of ${ACTION_STATES.join(', ')}`);
  const asOf = r.dateFrom('progress.asOf', given.asOf, { required: true });
  const note = typeof given.note === 'string' && given.note.trim() !== '' ? given.note.trim() : null;
  if (progress === null || !state || !asOf) return null;
  return { progress, state: state as ProgressReport['state'], asOf, note };
}
