/**
 * Escalating overdue cases from the server: every hour it looks at the date, and on the first look of
 * each day escalates every open case whose deadline has passed without improvement (escalateOverdue
 * is idempotent, so a restart or a second server repeats nothing). The timer does not keep the
 * process alive and stops when the app closes.
 */
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../modules/accounts/index.ts';
import { escalateOverdue } from '../modules/improvement/index.ts';
import type { AppContext } from './context.ts';

export const ESCALATION_CHECK_MS = 60 * 60 * 1000;

export function escalateOverdueDaily(app: FastifyInstance, ctx: AppContext): void {
  const actor = systemActor('system: deadlines');
  let lastDay: string | null = null;
  const check = async () => {
    const day = ctx.clock.now().toISOString().slice(0, 10);
    if (day === lastDay) return;
    lastDay = day;
    try {
      const { escalated } = await escalateOverdue(ctx.database.db, actor, { clock: ctx.clock });
      if (escalated.length > 0) app.log.info({ escalated }, `Escalated ${escalated.length} overdue case(s)`);
    } catch (err) {
      app.log.error({ err }, 'Escalating overdue cases failed');
    }
  };
  let running: Promise<void> | null = null;
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
