/**
 * npm start: open (and create) the database, migrate, load the demo data on first run, serve.
 */
import type { Config } from '../config.ts';
import { readConfig } from '../config.ts';
import { createContext, type AppContext } from './context.ts';
import { databaseIsEmpty, loadDemo } from './demo.ts';
import { buildApp } from './app.ts';

export async function prepare(ctx: AppContext): Promise<void> {
  const mode = ctx.config.loadDemo;
  if (mode === 'always' || (mode === 'auto' && (await databaseIsEmpty(ctx)))) {
    ctx.logger.info(
      mode === 'always' ? 'LOAD_DEMO=always: loading the demo data' : 'The database is empty: loading the demo data (first run)',
    );
    await loadDemo(ctx);
  }
}

export async function startServer(config: Config): Promise<void> {
  const ctx = await createContext(config);
  ctx.logger.info(`Local Vision ${ctx.version} starting with ${ctx.database.describe}`);
  await prepare(ctx);
  const app = await buildApp(ctx);
  const close = async (signal: string) => {
    ctx.logger.info(`${signal}: shutting down`);
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  ctx.logger.info(`Serving on http://localhost:${config.port} (API docs at /api/docs)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer(readConfig());
}
