import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Everything else receives a Config.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^(sqlite:|postgres(ql)?:\/\/)/.test(v), {
      message: 'must start with sqlite: or postgres://',
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOAD_DEMO: z.enum(['auto', 'always', 'never']).default('auto').describe('auto: load the demo data when the database is empty'),
  PUBLIC_URL: z.string().url().optional(),
  PAGE_CACHE_MB: z.coerce.number().min(0).max(65536).default(64),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  UPLOAD_LIMIT_MB: z.coerce.number().gt(0).max(1024).default(20),
});

/** Variables whose values are never repeated in an error message. */
const SECRET_VARIABLES = new Set(['SESSION_SECRET']);

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; connectionString: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** LOG_LEVEL was set (the CLI logs only warnings unless it was) */
  logLevelGiven: boolean;
  loadDemo: 'auto' | 'always' | 'never';
  publicUrl: string | undefined;
  /** bytes of rendered public pages kept in memory; 0: none */
  pageCacheBytes: number;
  /** signs cookies and CSRF tokens; unset: one is made and kept in `stateDir` (see src/main/session-secret.ts) */
  sessionSecret: string | undefined;
  /** where mail is written for an operator or relay to send (OutboxMailSender) */
  mailOutboxDir: string;
  /** the folder for the server's own files: beside the SQLite database, or ./var with PostgreSQL */
  stateDir: string;
  /** the largest file a body may submit, through the upload page or the API */
  uploadLimitBytes: number;
}

export const DEFAULT_SQLITE_PATH = './var/local-vision.sqlite';
export const DEFAULT_STATE_DIR = './var';

/** The folder beside the SQLite database (or ./var when the database is PostgreSQL). */
export function stateDirOf(database: DatabaseTarget): string {
  return database.dialect === 'sqlite' ? dirname(database.path) : DEFAULT_STATE_DIR;
}

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (url === undefined || url === '') return { dialect: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { dialect: 'sqlite', path: path === '' ? DEFAULT_SQLITE_PATH : path };
  }
  return { dialect: 'postgres', connectionString: url };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => {
        const name = String(i.path[0]);
        const value = env[name];
        const got = SECRET_VARIABLES.has(name) ? `a value of ${value?.length ?? 0} characters` : JSON.stringify(value);
        return `${i.path.join('.')}: ${i.message} (got ${got})`;
      })
      .join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  const database = parseDatabaseUrl(c.DATABASE_URL);
  const stateDir = stateDirOf(database);
  return {
    port: c.PORT,
    host: c.HOST,
    database,
    logLevel: c.LOG_LEVEL,
    logLevelGiven: env.LOG_LEVEL !== undefined && env.LOG_LEVEL !== '',
    loadDemo: c.LOAD_DEMO,
    publicUrl: c.PUBLIC_URL,
    pageCacheBytes: Math.round(c.PAGE_CACHE_MB * 1024 * 1024),
    sessionSecret: c.SESSION_SECRET,
    mailOutboxDir: c.MAIL_OUTBOX_DIR ?? join(stateDir, 'outbox'),
    stateDir,
    uploadLimitBytes: Math.round(c.UPLOAD_LIMIT_MB * 1024 * 1024),
  };
}
