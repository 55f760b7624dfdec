/**
 * The one composition root: configuration → logger → database → what the entry points need
 * (the secret that signs cookies, where mail goes).
 */
import { readFileSync } from 'node:fs';
import type { Config } from '../config.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createLogger, type Logger } from '../platform/logging.ts';
import { type MailSender, OutboxMailSender } from '../modules/accounts/index.ts';
import { loadSessionSecret } from './session-secret.ts';

export interface AppContext {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: DatabaseHandle;
  version: string;
  /** signs cookies and CSRF tokens (SESSION_SECRET, or the one kept beside the database) */
  sessionSecret: string;
  /** invitations and password reset links go through it */
  mail: MailSender;
}

/** The site's own address, for links in mail: PUBLIC_URL, or this machine's port. */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function createContext(
  config: Config,
  overrides: Partial<Pick<AppContext, 'logger' | 'clock' | 'mail'>> = {},
): Promise<AppContext> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const { secret, created } = loadSessionSecret(config);
  if (created) logger.info({ file: created }, 'Made a session secret and kept it in a file (set SESSION_SECRET to choose one)');
  const database = openDatabase(config.database);
  const { applied } = await migrateToLatest(database.db);
  if (applied.length > 0)
    logger.info({ migrations: applied }, `Database ${database.describe}: applied ${applied.length} migration(s)`);
  const clock = overrides.clock ?? systemClock;
  const mail = overrides.mail ?? new OutboxMailSender(config.mailOutboxDir, logger, clock);
  return { config, logger, clock, database, version: packageVersion(), sessionSecret: secret, mail };
}
