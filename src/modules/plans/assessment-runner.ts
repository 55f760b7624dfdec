/**
 * Judging targets again after writes. The server notes the audit log's newest event when a write
 * request (POST, PUT, PATCH, DELETE) comes in; when the request has succeeded and the log has moved
 * (it wrote something: new figures, a changed plan, a progress report), the targets are judged as the
 * system before the response goes, so that what the response leads to shows the statuses as they
 * now are. A request that wrote nothing (a refusal, a dry run) judges nothing. Requests that finish
 * while a run is going share one more run after it. A run that fails is reported, not passed on:
 * the write it follows has succeeded. Jobs that read the judgements (the under-performance triggers)
 * follow the judging in the same run, each reported on its own when it fails.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { systemActor } from '../accounts/index.ts';
import { latestAuditEventId } from '../audit/index.ts';
import { assessTargets, type AssessmentRun } from './assess.service.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class AssessmentRunner {
  private current: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private readonly actor = systemActor('plans assessment');

  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
    private readonly onRun: (run: AssessmentRun) => void = () => undefined,
    private readonly followUps: readonly (() => Promise<unknown>)[] = [],
  ) {}

  /** When a request comes in: for a write, the audit log's newest event id; null for a read. */
  async beforeRequest(method: string): Promise<number | null> {
    return WRITES.has(method.toUpperCase()) ? latestAuditEventId(this.db) : null;
  }

  /** Before the response goes: judge the targets when the write succeeded and wrote something. */
  async afterRequest(stamp: number, statusCode: number): Promise<void> {
    if (statusCode >= 400) return;
    try {
      if ((await latestAuditEventId(this.db)) === stamp) return;
    } catch (e) {
      this.onError(e);
      return;
    }
    await this.run();
  }

  /** A run that starts after every write made so far: the one going is followed by one more, shared. */
  run(): Promise<void> {
    if (!this.current) {
      this.current = this.once().finally(() => {
        this.current = null;
      });
      return this.current;
    }
    this.next ??= this.current.then(() => {
      this.next = null;
      return this.run();
    });
    return this.next;
  }

  /** Resolves when no run is going or waiting (before the database is closed, say). */
  async idle(): Promise<void> {
    while (this.current || this.next) await (this.next ?? this.current);
  }

  private async once(): Promise<void> {
    try {
      this.onRun(await assessTargets(this.db, this.actor, {}, { clock: this.clock }));
    } catch (e) {
      this.onError(e);
    }
    for (const job of this.followUps) {
      try {
        await job();
      } catch (e) {
        this.onError(e);
      }
    }
  }
}
