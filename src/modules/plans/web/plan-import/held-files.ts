/**
 * Checked plan files waiting for "Import": held in memory for their owner (a person in one session)
 * for an hour at most, and within a total size; the oldest give way first. Nothing is written to the
 * database until the file is imported.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../../platform/clock.ts';
import type { PlanImportReport } from '../../index.ts';

export interface HeldOwner {
  personId: string;
  /** stands for the session the file was checked in */
  sessionKey: string;
}

export interface HeldFile {
  id: string;
  owner: HeldOwner;
  name: string;
  content: Buffer;
  publish: boolean;
  report: PlanImportReport;
  heldAt: number;
}

const HOUR_MS = 60 * 60_000;

export class HeldFiles {
  private readonly files = new Map<string, HeldFile>();

  constructor(private readonly opts: { clock: Clock; maxBytes: number; ttlMs?: number }) {}

  hold(owner: HeldOwner, file: Omit<HeldFile, 'id' | 'owner' | 'heldAt'>): string {
    this.forgetExpired();
    const id = randomBytes(18).toString('base64url');
    this.files.set(id, { ...file, id, owner, heldAt: this.opts.clock.now().getTime() });
    // the oldest give way when the total is over the limit (never the one just held)
    let total = [...this.files.values()].reduce((sum, f) => sum + f.content.length, 0);
    for (const [key, f] of this.files) {
      if (total <= this.opts.maxBytes || key === id) break;
      this.files.delete(key);
      total -= f.content.length;
    }
    return id;
  }

  /** The file, if it is still held and is this owner's. */
  get(id: string, owner: HeldOwner): HeldFile | undefined {
    this.forgetExpired();
    const file = this.files.get(id);
    return file && file.owner.personId === owner.personId && file.owner.sessionKey === owner.sessionKey ? file : undefined;
  }

  release(id: string): void {
    this.files.delete(id);
  }

  private forgetExpired(): void {
    const oldest = this.opts.clock.now().getTime() - (this.opts.ttlMs ?? HOUR_MS);
    for (const [key, f] of this.files) if (f.heldAt < oldest) this.files.delete(key);
  }
}
