/**
 * Escalating overdue cases from the server: every hour it looks at the date, and on the first look of
 * each day escalates every open case whose deadline has passed without improvement (escalateOverdue
 * is idempotent, so a restart or a second server repeats nothing). The timer does not keep the
 * process alive and stops when the app closes.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db/executor.ts';
import { systemActor } from '../modules/accounts/index.ts';
import { escalateOverdue } from '../modules/improvement/index.ts';
import type { AppContext } from './context.ts';

export const ESCALATION_CHECK_MS = 60 * 60 * 1000;

/** A look at the date: the cases escalated on the day's first look, null on any later look that day. */
export function overdueEscalation(db: Executor, clock: Clock): () => Promise<number[] | null> {
  const actor = systemActor('system: deadlines');
  let lastDay: string | null = null;
  return async () => {
    const day = clock.now().toISOString().slice(0, 10);
    if (day === lastDay) return null;
    lastDay = day;
    return (await escalateOverdue(db, actor, { clock })).escalated;
  };
}

export function escalateOverdueDaily(app: FastifyInstance, ctx: AppContext): void {
  const look = overdueEscalation(ctx.database.db, ctx.clock);
  let running: Promise<void> | null = null;
  const check = async () => {
    try {
      const escalated = await look();
      if (escalated?.length) app.log.info({ escalated }, `Escalated ${escalated.length} overdue case(s)`);
    } catch (err) {
      app.log.error({ err }, 'Escalating overdue cases failed');
    }
  };
  const timer = setInterval(() => {
    running ??= check().finally(() => {
      running = null;
    });
  }, ESCALATION_CHECK_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
