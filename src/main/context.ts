/**
 * The one composition root: configuration → logger → database → what the entry points need.
 */
import { readFileSync } from 'node:fs';
import type { Config } from '../config.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createLogger, type Logger } from '../platform/logging.ts';

export interface AppContext {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: DatabaseHandle;
  version: string;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function createContext(
  config: Config,
  overrides: Partial<Pick<AppContext, 'logger' | 'clock'>> = {},
): Promise<AppContext> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const database = openDatabase(config.database);
  const { applied } = await migrateToLatest(database.db);
  if (applied.length > 0)
    logger.info({ migrations: applied }, `Database ${database.describe}: applied ${applied.length} migration(s)`);
  return { config, logger, clock: overrides.clock ?? systemClock, database, version: packageVersion() };
}
