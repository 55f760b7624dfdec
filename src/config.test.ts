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
});
