/**
 * Checked uploads held between the validation report and "Create draft submission" (docs/adr/0014):
 * the file's bytes and its report in this server's memory, under a random id that only the person
 * and session that uploaded it can use, for a short while. Nothing is written to the database until
 * the draft is made. Bounded by bytes and per person; the oldest go first.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../platform/clock.ts';
import type { SubmittedFile } from '../../../platform/files.ts';
import type { SubmissionReport } from '../submission.types.ts';

/** Who may use a held upload: the person, in the session they uploaded it in. */
export interface UploadOwner {
  personId: string;
  /** stands for the session (a digest of its form token): another session of the same person cannot use it */
  sessionKey: string;
}

export interface HeldUpload {
  id: string;
  owner: UploadOwner;
  bodyId: string;
  /** the file, kept only when its report is good (a bad file cannot become a draft) */
  file: SubmittedFile | null;
  report: SubmissionReport;
  heldAt: number;
}

export interface UploadStoreOptions {
  clock: Clock;
  /** how long a checked file is held (default 30 minutes) */
  ttlMs?: number;
  /** bytes of files held by everyone together (default 256 MB) */
  maxBytes?: number;
  /** uploads held for one person at once (default 5) */
  perPerson?: number;
}

export const DEFAULT_UPLOAD_TTL_MS = 30 * 60_000;
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
const DEFAULT_PER_PERSON = 5;

const sizeOf = (file: SubmittedFile | null) => (file === null ? 0 : Buffer.byteLength(file.content));
const sameOwner = (a: UploadOwner, b: UploadOwner) => a.personId === b.personId && a.sessionKey === b.sessionKey;

export class UploadStore {
  private readonly held = new Map<string, HeldUpload>();
  private bytes = 0;
  private readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly perPerson: number;

  constructor(private readonly opts: UploadStoreOptions) {
    this.ttlMs = opts.ttlMs ?? DEFAULT_UPLOAD_TTL_MS;
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.perPerson = opts.perPerson ?? DEFAULT_PER_PERSON;
  }

  /** Holds a checked file and its report; the id is what the report page's address carries. */
  hold(owner: UploadOwner, report: SubmissionReport, file: SubmittedFile): string {
    this.sweep();
    const kept = report.ok ? file : null;
    const id = randomBytes(24).toString('base64url');
    this.held.set(id, { id, owner, bodyId: report.bodyId, file: kept, report, heldAt: this.now() });
    this.bytes += sizeOf(kept);
    this.evict(owner.personId, id);
    return id;
  }

  /** The held upload, for its owner only, while it is fresh. */
  get(id: string, owner: UploadOwner): HeldUpload | undefined {
    this.sweep();
    const upload = this.held.get(id);
    return upload && sameOwner(upload.owner, owner) ? upload : undefined;
  }

  /** Takes the upload out of the store (a draft was made of it). */
  release(id: string): void {
    const upload = this.held.get(id);
    if (!upload) return;
    this.held.delete(id);
    this.bytes -= sizeOf(upload.file);
  }

  get size(): number {
    return this.held.size;
  }

  get heldBytes(): number {
    return this.bytes;
  }

  private now(): number {
    return this.opts.clock.now().getTime();
  }

  private sweep(): void {
    const oldest = this.now() - this.ttlMs;
    for (const upload of this.held.values()) if (upload.heldAt <= oldest) this.release(upload.id);
  }

  /** Oldest first (a Map keeps insertion order): the person's beyond their share, then anyone's beyond the bytes. */
  private evict(personId: string, keep: string): void {
    const theirs = [...this.held.values()].filter((u) => u.owner.personId === personId);
    for (const upload of theirs.slice(0, Math.max(0, theirs.length - this.perPerson))) this.release(upload.id);
    for (const upload of this.held.values()) {
      if (this.bytes <= this.maxBytes) break;
      if (upload.id !== keep) this.release(upload.id);
    }
  }
}
