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
});

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
}

export const DEFAULT_SQLITE_PATH = './var/local-vision.sqlite';

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
      .map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`)
      .join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    database: parseDatabaseUrl(c.DATABASE_URL),
    logLevel: c.LOG_LEVEL,
    logLevelGiven: env.LOG_LEVEL !== undefined && env.LOG_LEVEL !== '',
    loadDemo: c.LOAD_DEMO,
    publicUrl: c.PUBLIC_URL,
    pageCacheBytes: Math.round(c.PAGE_CACHE_MB * 1024 * 1024),
  };
}
