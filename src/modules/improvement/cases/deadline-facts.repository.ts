/**
 * The collection deadlines the data-late rule reads, in one pass: every deadline (general ones and
 * bodies' own) and when each (indicator, area, period) first had a current figure published. Read
 * only; the tables are data's (collection rounds and observations).
 */
import { type Executor, chunks } from '../../../platform/db/executor.ts';

export interface DeadlineRow {
  indicator_code: string;
  period: string;
  body_id: string | null;
  due_date: string;
}

export async function findDeadlineRows(db: Executor): Promise<DeadlineRow[]> {
  return db
    .selectFrom('collection_deadline')
    .select(['indicator_code', 'period', 'body_id', 'due_date'])
    .orderBy('due_date')
    .orderBy('indicator_code')
    .orderBy('period')
    .execute();
}

/** When the areas' current figures for the indicators' deadline periods were first published. */
export async function findFirstPublished(
  db: Executor,
  indicatorPeriods: readonly { indicator: string; period: string }[],
  areaCodes: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (indicatorPeriods.length === 0 || areaCodes.length === 0) return out;
  const indicators = [...new Set(indicatorPeriods.map((p) => p.indicator))];
  const wanted = new Set(indicatorPeriods.map((p) => `${p.indicator}\u0000${p.period}`));
  for (const part of chunks(areaCodes)) {
    const rows = await db
      .selectFrom('observation')
      .select(['indicator_code', 'area_code', 'period'])
      .select((eb) => eb.fn.min('published_at').as('published_at'))
      .where('superseded_at', 'is', null)
      .where('indicator_code', 'in', indicators)
      .where('area_code', 'in', part)
      .groupBy(['indicator_code', 'area_code', 'period'])
      .execute();
    for (const r of rows)
      if (wanted.has(`${r.indicator_code}\u0000${r.period}`) && r.published_at)
        out.set(publishedKey(r.indicator_code, r.area_code, r.period), String(r.published_at));
  }
  return out;
}

export const publishedKey = (indicator: string, area: string, period: string) => `${indicator}\u0000${area}\u0000${period}`;
