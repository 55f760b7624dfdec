/**
 * Random secrets handed out once (session ids, one-time links, API tokens) and the SHA-256 kept in
 * their place. SHA-256, not scrypt: these secrets are 32 random bytes, not guessable passwords.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SECRET_BYTES = 32;

/** 32 random bytes, base64url (43 characters, safe in cookies and URLs). */
export function randomSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The part of a session id's hash that the audit log records, enough to tell sessions apart. */
export function sessionRefOf(idHash: string): string {
  return idHash.slice(0, 12);
}

/** Longer presented secrets are not ours; refusing them saves hashing whatever is sent. */
export const MAX_PRESENTED_SECRET_LENGTH = 200;

const API_TOKEN_SHAPE = /^(lv_[0-9a-f]{6})_[A-Za-z0-9_-]{43}$/;

/**
 * A new API token: `lv_ab12cd_<secret>`. The prefix `lv_ab12cd` is shown in lists so people can tell
 * their tokens apart (and a secret scanner can recognise a leaked one); only the hash is stored.
 */
export function newApiToken(): { plaintext: string; prefix: string; hash: string } {
  const prefix = `lv_${randomBytes(3).toString('hex')}`;
  const plaintext = `${prefix}_${randomSecret()}`;
  return { plaintext, prefix, hash: sha256Hex(plaintext) };
}

/** The hash to look a presented token up by, or undefined when it is not shaped like one of ours. */
export function apiTokenHash(presented: string): string | undefined {
  return API_TOKEN_SHAPE.test(presented) ? sha256Hex(presented) : undefined;
}
