/**
 * The secret that signs cookies and CSRF tokens. SESSION_SECRET when it is set; otherwise one made on
 * the first start and kept in a file beside the database (readable by the server's user only), so a
 * fresh clone runs with `npm start` and sessions survive a restart.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config.ts';

export const SESSION_SECRET_FILE = 'session-secret';
const MIN_LENGTH = 32;

export function sessionSecretFile(config: Pick<Config, 'stateDir'>): string {
  return join(config.stateDir, SESSION_SECRET_FILE);
}

/** The configured secret, or the kept one, or a new one written to the file (`created` says which). */
export function loadSessionSecret(config: Pick<Config, 'sessionSecret' | 'stateDir'>): { secret: string; created?: string } {
  if (config.sessionSecret) return { secret: config.sessionSecret };
  const file = sessionSecretFile(config);
  const kept = readKept(file);
  if (kept !== undefined) return { secret: kept };
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': another process starting at the same moment must not overwrite the secret it just wrote
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { secret: readKept(file) ?? secret };
  }
  return { secret, created: file };
}

function readKept(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (text.length < MIN_LENGTH)
    throw new Error(
      `${file} holds a session secret shorter than ${MIN_LENGTH} characters; delete the file or set SESSION_SECRET`,
    );
  return text;
}
