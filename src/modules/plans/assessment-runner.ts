/**
 * Judging targets again after writes: the server asks after each successful write request (new
 * figures, a changed plan), and the run happens after the response, as the system. Asks while a run
 * is going are folded into one more run after it, so a burst of writes costs at most two runs. A run
 * that fails is reported and the next ask starts afresh.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { systemActor } from '../accounts/index.ts';
import { assessTargets, type AssessmentRun } from './assess.service.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class AssessmentRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly actor = systemActor('plans assessment');

  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
    private readonly onRun: (run: AssessmentRun) => void = () => undefined,
  ) {}

  /** After a response: a successful write asks for a run. */
  afterResponse(method: string, statusCode: number): void {
    if (WRITES.has(method.toUpperCase()) && statusCode < 400) this.request();
  }

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no run is going or asked for (before the database is closed, say). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        this.onRun(await assessTargets(this.db, this.actor, {}, { clock: this.clock }));
      } catch (e) {
        this.onError(e);
      }
    } while (this.again);
  }
}
