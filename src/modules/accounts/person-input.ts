/** Checks on what people type about themselves: email address and display name. */
import type { ProblemDetail } from '../../platform/errors.ts';

export const MAX_EMAIL_LENGTH = 254;
export const MAX_DISPLAY_NAME_LENGTH = 200;

/** One address, one person, whatever its capitals: the key the unique index is on. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately loose: the invitation mail is the real test of an address.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

export function checkEmail(email: string): ProblemDetail[] {
  const trimmed = email.trim();
  if (trimmed === '') return [{ field: 'email', value: email, reason: 'enter an email address' }];
  if (trimmed.length > MAX_EMAIL_LENGTH)
    return [{ field: 'email', value: email, reason: `must be at most ${MAX_EMAIL_LENGTH} characters` }];
  if (!EMAIL_SHAPE.test(trimmed))
    return [{ field: 'email', value: email, reason: 'must be an email address, like name@example.org' }];
  return [];
}

export function checkDisplayName(name: string): ProblemDetail[] {
  const trimmed = name.trim();
  if (trimmed === '') return [{ field: 'displayName', value: name, reason: 'enter a name' }];
  if ([...trimmed].length > MAX_DISPLAY_NAME_LENGTH)
    return [{ field: 'displayName', value: name, reason: `must be at most ${MAX_DISPLAY_NAME_LENGTH} characters` }];
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    return [{ field: 'displayName', value: name, reason: 'must not contain control characters' }];
  return [];
}
