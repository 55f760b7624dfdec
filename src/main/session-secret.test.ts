import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSessionSecret, sessionSecretFile } from './session-secret.ts';

const stateDir = () => join(mkdtempSync(join(tmpdir(), 'lv-secret-')), 'var');

describe('loadSessionSecret', () => {
  it('uses SESSION_SECRET when it is set, writing nothing', () => {
    const dir = stateDir();
    expect(loadSessionSecret({ sessionSecret: 'x'.repeat(40), stateDir: dir })).toEqual({ secret: 'x'.repeat(40) });
    expect(() => statSync(dir)).toThrow();
  });

  it('makes one on the first start, readable by the server’s user only, and keeps using it', () => {
    const dir = stateDir();
    const first = loadSessionSecret({ sessionSecret: undefined, stateDir: dir });
    expect(first.created).toBe(sessionSecretFile({ stateDir: dir }));
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(first.created!).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.created!, 'utf8').trim()).toBe(first.secret);
    expect(loadSessionSecret({ sessionSecret: undefined, stateDir: dir })).toEqual({ secret: first.secret });
  });

  it('refuses a kept secret that is too short', () => {
    const dir = stateDir();
    loadSessionSecret({ sessionSecret: undefined, stateDir: dir });
    writeFileSync(sessionSecretFile({ stateDir: dir }), 'short\n');
    expect(() => loadSessionSecret({ sessionSecret: undefined, stateDir: dir })).toThrow(/shorter than 32 characters/);
  });
});
