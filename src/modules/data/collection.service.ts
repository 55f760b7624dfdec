/**
 * Collection rounds: the date by which a body must supply an indicator's figures for a period (or
 * the indicator's general deadline), where each of a body's items stands, and who is overdue.
 */
import { isoInstant, type Clock } from '../../platform/clock.ts';
import { inTransaction } from '../../platform/db/executor.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { type Actor, requirePermission } from '../accounts/index.ts';
import { getBody } from '../bodies/index.ts';
import { getIndicator, getIndicators, type IndicatorDefinition } from '../indicators/index.ts';
import { periodFromKey, type Period } from '../periods/index.ts';
import { judgeCollectionItem, type CollectionStatus } from './collection-status.ts';
import { audit } from './data-audit.ts';
import {
  type CollectionItemRow,
  type DeadlineKey,
  deleteDeadline,
  findCollectionItems,
  findDeadline,
  upsertDeadline,
} from './deadline.repository.ts';
import { periodKey } from './observation.service.ts';
import type { Executor } from './observation.types.ts';

export interface CollectionDeadlineInput {
  /** an indicator code or alias */
  indicator: string;
  /** a period key or any spelling of the indicator's period type */
  period: string;
  /** the body asked to supply the figures; null or left out for the indicator's general deadline */
  bodyId?: string | null;
  /** YYYY-MM-DD */
  dueDate: string;
}

export interface CollectionDeadline {
  indicator: string;
  period: Period;
  bodyId: string | null;
  dueDate: string;
}

export interface CollectionItem {
  indicatorCode: string;
  indicatorTitle: string;
  period: Period;
  dueDate: string;
  status: CollectionStatus;
  /** days after the due date the figures arrived (or, when late, today is); null when on time */
  daysLate: number | null;
  /** when the body first submitted figures for the item */
  receivedAt: string | null;
  /** when its figures for the item were first published (of those current) */
  publishedAt: string | null;
}

export interface OverdueBody {
  bodyId: string;
  bodyName: string;
  items: CollectionItem[];
}

/**
 * Records a due date, replacing an earlier one. A national indicator's deadlines are set by
 * administrators; a body's own indicator's by the administrators or that body's officer, who may
 * ask a partner body to supply it.
 */
export async function setCollectionDeadline(
  db: Executor,
  actor: Actor,
  input: CollectionDeadlineInput,
  deps: { clock: Clock },
): Promise<CollectionDeadline> {
  const { definition, key, period } = await deadlineKey(db, input);
  requirePermission(actor, 'set_collection_deadline', { indicatorOwnerBodyId: definition.ownerBodyId });
  const dueDate = checkDate(input.dueDate);
  return inTransaction(db, async (trx) => {
    const before = (await findDeadline(trx, key)) ?? null;
    if (before === dueDate) return { indicator: key.indicator, period, bodyId: key.bodyId, dueDate };
    await upsertDeadline(trx, key, dueDate);
    await audit(
      trx,
      actor,
      {
        action: 'collection_deadline.set',
        subject: deadlineSubject(key),
        bodyId: key.bodyId,
        indicatorCode: key.indicator,
        before: before === null ? null : { dueDate: before },
        after: { dueDate },
        summary: `${key.bodyId === null ? 'The general deadline' : `The deadline for ${key.bodyId}`} for ${key.indicator} ${period.label} set to ${dueDate}`,
      },
      deps.clock,
    );
    return { indicator: key.indicator, period, bodyId: key.bodyId, dueDate };
  });
}

export async function removeCollectionDeadline(
  db: Executor,
  actor: Actor,
  input: Omit<CollectionDeadlineInput, 'dueDate'>,
  deps: { clock: Clock },
): Promise<void> {
  const { definition, key, period } = await deadlineKey(db, input);
  requirePermission(actor, 'set_collection_deadline', { indicatorOwnerBodyId: definition.ownerBodyId });
  await inTransaction(db, async (trx) => {
    const before = await findDeadline(trx, key);
    if (before === undefined || (await deleteDeadline(trx, key)) === 0) {
      throw new NotFoundError(`No deadline for ${key.indicator} ${period.label}`, [
        { field: 'period', value: input.period, reason: 'no deadline is set' },
      ]);
    }
    const summary = `${key.bodyId === null ? 'The general deadline' : `The deadline for ${key.bodyId}`} for ${key.indicator} ${period.label} removed`;
    await audit(
      trx,
      actor,
      {
        action: 'collection_deadline.remove',
        subject: deadlineSubject(key),
        bodyId: key.bodyId,
        indicatorCode: key.indicator,
        before: { dueDate: before },
        summary,
      },
      deps.clock,
    );
  });
}

/** Each item a body is asked to supply, earliest due first, with where it stands today. Public. */
export async function collectionStatus(db: Executor, bodyId: string, clock: Clock): Promise<CollectionItem[]> {
  return toItems(db, await findCollectionItems(db, { bodyId }), today(clock));
}

/** Every body with items past their due date with nothing published or submitted, by body name. Public. */
export async function overdueByBody(db: Executor, clock: Clock): Promise<OverdueBody[]> {
  const on = today(clock);
  const items = (await findCollectionItems(db, { pastOn: on })).filter((r) => r.published_at === null && !r.awaiting);
  const byBody = new Map<string, CollectionItemRow[]>();
  for (const r of items) byBody.set(r.body_id, [...(byBody.get(r.body_id) ?? []), r]);
  const out: OverdueBody[] = [];
  for (const [bodyId, rows] of byBody) {
    const body = await getBody(db, bodyId);
    out.push({ bodyId, bodyName: body?.name ?? bodyId, items: await toItems(db, rows, on) });
  }
  return out.sort((a, b) => a.bodyName.localeCompare(b.bodyName, 'en-GB') || a.bodyId.localeCompare(b.bodyId));
}

async function toItems(db: Executor, rows: readonly CollectionItemRow[], on: string): Promise<CollectionItem[]> {
  const definitions = await getIndicators(db, [...new Set(rows.map((r) => r.indicator_code))]);
  return rows.map((r) => {
    const judged = judgeCollectionItem(
      { dueDate: r.due_date, receivedAt: r.received_at, awaitingPublication: r.awaiting, publishedAt: r.published_at },
      on,
    );
    return {
      indicatorCode: r.indicator_code,
      indicatorTitle: definitions.get(r.indicator_code)?.title ?? r.indicator_code,
      period: periodFromKey(r.period),
      dueDate: r.due_date,
      ...judged,
      receivedAt: r.received_at,
      publishedAt: r.published_at,
    };
  });
}

async function deadlineKey(
  db: Executor,
  input: Omit<CollectionDeadlineInput, 'dueDate'>,
): Promise<{ definition: IndicatorDefinition; key: DeadlineKey; period: Period }> {
  const definition = await getIndicator(db, input.indicator);
  if (!definition)
    throw new NotFoundError(`No indicator ${input.indicator}`, [
      { field: 'indicator', value: input.indicator, reason: 'not a known indicator code' },
    ]);
  const period = periodFromKey(await periodKey(db, input.period, definition.code));
  if (period.type !== definition.periodType) {
    throw new ValidationError(`${period.label} is not a period of ${definition.code}`, [
      {
        field: 'period',
        value: input.period,
        reason: `${definition.code} is reported by ${definition.periodType.replace(/_/g, ' ')}`,
      },
    ]);
  }
  const bodyId = input.bodyId ?? null;
  if (bodyId !== null && !(await getBody(db, bodyId)))
    throw new ValidationError(`No body ${bodyId}`, [{ field: 'bodyId', value: bodyId, reason: 'is not a known body' }]);
  return { definition, key: { indicator: definition.code, period: period.key, bodyId }, period };
}

function checkDate(dueDate: string): string {
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(dueDate) &&
    !Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`)) &&
    new Date(`${dueDate}T00:00:00Z`).toISOString().slice(0, 10) === dueDate;
  if (!ok)
    throw new ValidationError(`'${dueDate}' is not a date`, [
      { field: 'dueDate', value: dueDate, reason: 'give the due date as YYYY-MM-DD' },
    ]);
  return dueDate;
}

const deadlineSubject = (k: DeadlineKey) => ({
  kind: 'collection_deadline',
  id: `${k.indicator}/${k.period}/${k.bodyId ?? 'general'}`,
});

const today = (clock: Clock) => isoInstant(clock.now()).slice(0, 10);
