/**
 * Passwords: scrypt from node:crypto (memory-hard), stored as `scrypt$N$r$p$salt$hash` so the cost
 * can be raised later and old hashes still verify; compared in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ProblemDetail } from '../../platform/errors.ts';

export interface ScryptParams {
  /** CPU and memory cost, a power of two */
  N: number;
  /** block size */
  r: number;
  /** parallelism */
  p: number;
}

/**
 * OWASP's equivalent of N=2^17,r=8,p=1 that needs a quarter of the memory: 32 MiB per hash, about
 * 0.3 s on one core, so several people signing in at once do not exhaust a small council's server.
 */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** A stored hash asking for more than this is refused rather than run. */
const MAX_MEMORY = 256 * 1024 * 1024;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const maxmem = 256 * params.N * params.r;
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface StoredHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseStored(stored: string): StoredHash | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !key) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane = Object.values(params).every((v) => Number.isInteger(v) && v > 0) && (params.N & (params.N - 1)) === 0;
  if (!sane || 128 * params.N * params.r > MAX_MEMORY || params.p > 16) return undefined;
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/** True when the password matches; false for a wrong password or a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed || parsed.key.length !== KEY_LENGTH) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** Whether a stored hash was made with other parameters than today's (re-hash it at the next sign-in). */
export function needsRehash(stored: string, params: ScryptParams = SCRYPT_PARAMS): boolean {
  const parsed = parseStored(stored);
  return !parsed || parsed.params.N !== params.N || parsed.params.r !== params.r || parsed.params.p !== params.p;
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time a real verification would, and fails. Used when there is no password to check
 * (unknown email, locked or disabled person), so the answer's timing does not reveal which.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('a dummy password nobody has');
  await verifyPassword(password, await dummy);
  return false;
}

/**
 * Problems with a new password. The password itself is never put in a problem: problems are shown
 * and may be logged.
 */
export function checkPassword(password: string, email: string): ProblemDetail[] {
  const length = [...password].length;
  const reason = (text: string): ProblemDetail[] => [{ field: 'password', reason: text }];
  if (length < PASSWORD_MIN_LENGTH) return reason(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) return reason(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (new Set(password).size === 1) return reason('must not be one character repeated');
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return reason('must not be your email address');
  return [];
}
