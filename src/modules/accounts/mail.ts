/**
 * Sending mail is pluggable. The default writes each message to a local outbox file (one JSON line
 * per message) for an operator or a mail relay to pick up; tests keep messages in memory.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Clock, isoInstant, systemClock } from '../../platform/clock.ts';

export type MailKind = 'invitation' | 'password_reset';

export interface MailMessage {
  kind: MailKind;
  to: string;
  subject: string;
  /** plain text; holds the one-time link */
  text: string;
}

export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

/** What OutboxMailSender needs of a logger (pino's Logger has it). */
export interface MailLogger {
  info(fields: object, message: string): void;
}

export const OUTBOX_FILE_NAME = 'outbox.jsonl';

export class OutboxMailSender implements MailSender {
  readonly file: string;

  /** `outboxDir` is created when the first message is sent. */
  constructor(
    private readonly outboxDir: string,
    private readonly logger: MailLogger,
    private readonly clock: Clock = systemClock,
  ) {
    this.file = join(outboxDir, OUTBOX_FILE_NAME);
  }

  async send(message: MailMessage): Promise<void> {
    await mkdir(this.outboxDir, { recursive: true, mode: 0o700 });
    const line = JSON.stringify({ queuedAt: isoInstant(this.clock.now()), ...message });
    // Readable by the server's user only: each message holds a link that signs someone in.
    await appendFile(this.file, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
    // No text here: it holds the one-time link, and logs are read more widely than the outbox.
    // The full message is in the outbox file.
    this.logger.info(
      { mail: { kind: message.kind, to: message.to, subject: message.subject, outbox: this.file } },
      'mail written to the outbox',
    );
  }
}

/** Keeps messages in memory, for tests and for trying the service without a mail system. */
export class MemoryMailSender implements MailSender {
  readonly sent: MailMessage[] = [];

  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }

  /** The last message sent to an address (whatever its capitals). */
  lastTo(email: string): MailMessage | undefined {
    return this.sent.findLast((m) => m.to.toLowerCase() === email.toLowerCase());
  }
}
