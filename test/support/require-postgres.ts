import pg from 'pg';

/** The PostgreSQL suite fails, never skips, when its server is missing. */
export default async function requirePostgres(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url?.startsWith('postgres')) {
    throw new Error('TEST_DATABASE_URL must point at a PostgreSQL server for this suite (npm run test:all starts one).');
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (e) {
    throw new Error(`Cannot reach PostgreSQL at TEST_DATABASE_URL: ${(e as Error).message}`, { cause: e });
  } finally {
    await client.end().catch(() => undefined);
  }
}
