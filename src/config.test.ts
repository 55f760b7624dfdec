import { describe, expect, it } from 'vitest';
import { ConfigError, parseDatabaseUrl, readConfig } from './config.ts';

describe('readConfig', () => {
  it('defaults to port 3000 and the SQLite file', () => {
    const c = readConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ dialect: 'sqlite', path: './var/local-vision.sqlite' });
    expect(c.loadDemo).toBe('auto');
  });

  it.each([
    [undefined, { dialect: 'sqlite', path: './var/local-vision.sqlite' }],
    ['sqlite:/tmp/x.sqlite', { dialect: 'sqlite', path: '/tmp/x.sqlite' }],
    ['sqlite:///tmp/y.sqlite', { dialect: 'sqlite', path: '/tmp/y.sqlite' }],
    ['sqlite:data.db', { dialect: 'sqlite', path: 'data.db' }],
    ['postgres://u:p@127.0.0.1:5432/lv', { dialect: 'postgres', connectionString: 'postgres://u:p@127.0.0.1:5432/lv' }],
  ])('DATABASE_URL %s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOAD_DEMO: 'sometimes' }, 'LOAD_DEMO'],
  ])('refuses %j naming %s and the value', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(new RegExp(`${name}.*got "${Object.values(env)[0]}"`));
  });

  it('keeps the session secret and the mail outbox beside the SQLite database unless told otherwise', () => {
    const c = readConfig({ DATABASE_URL: 'sqlite:/srv/lv/data.sqlite' });
    expect(c.sessionSecret).toBeUndefined();
    expect(c.stateDir).toBe('/srv/lv');
    expect(c.mailOutboxDir).toBe('/srv/lv/outbox');
    expect(readConfig({}).mailOutboxDir).toBe('var/outbox');
    expect(readConfig({ DATABASE_URL: 'postgres://u@h/db' }).stateDir).toBe('./var');
    const given = readConfig({ SESSION_SECRET: 'x'.repeat(32), MAIL_OUTBOX_DIR: '/var/spool/lv' });
    expect(given).toMatchObject({ sessionSecret: 'x'.repeat(32), mailOutboxDir: '/var/spool/lv' });
  });

  it('refuses a session secret shorter than 32 characters without repeating it', () => {
    const env = { SESSION_SECRET: 'too-short-but-still-secret' };
    expect(() => readConfig(env)).toThrow(/SESSION_SECRET: must be at least 32 characters \(got a value of 26 characters\)/);
    expect(() => readConfig(env)).not.toThrow(/too-short/);
  });
});
