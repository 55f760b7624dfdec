import { describe, expect, it } from 'vitest';
import { checkDisplayName, checkEmail, emailKey } from './person-input.ts';

describe('person input', () => {
  it.each<[string, string | null]>([
    ['sam.jones@trafford.gov.uk', null],
    [' Sam.Jones@Trafford.gov.uk ', null],
    ['', 'enter an email address'],
    ['sam.jones', 'must be an email address, like name@example.org'],
    ['sam@localhost', 'must be an email address, like name@example.org'],
    ['sam jones@example.org', 'must be an email address, like name@example.org'],
    [`${'a'.repeat(250)}@x.org`, 'must be at most 254 characters'],
  ])('email %j', (email, reason) => {
    expect(checkEmail(email).map((p) => p.reason)).toEqual(reason ? [reason] : []);
  });

  it('compares emails whatever their capitals', () => {
    expect(emailKey(' Sam.Jones@Trafford.GOV.uk')).toBe('sam.jones@trafford.gov.uk');
  });

  it.each<[string, string | null]>([
    ['Sam Jones', null],
    ['Siân Ó Briain', null],
    ['  ', 'enter a name'],
    ['x'.repeat(201), 'must be at most 200 characters'],
    ['Sam\u0007', 'must not contain control characters'],
  ])('display name %j', (name, reason) => {
    expect(checkDisplayName(name).map((p) => p.reason)).toEqual(reason ? [reason] : []);
  });
});
