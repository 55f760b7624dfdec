import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formErrors, readForm, sentText } from './forms.ts';

const schema = z.object({
  email: z.string({ error: 'Enter your email address' }).trim().min(1, 'Enter your email address'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
});

describe('readForm', () => {
  it('gives the values when the form is right', () => {
    expect(readForm(schema, { email: ' a@example.org ', password: 'x', extra: 'ignored' })).toEqual({
      ok: true,
      value: { email: 'a@example.org', password: 'x' },
    });
  });

  it.each([
    ['nothing sent', undefined],
    ['empty fields', { email: '', password: '' }],
    ['fields sent twice', { email: ['a', 'b'], password: ['x', 'y'] }],
    ['a list instead of a form', ['email']],
  ])('names each wrong field once, in order, with a link to it: %s', (_why, body) => {
    const result = readForm(schema, body);
    expect(result).toEqual({
      ok: false,
      errors: {
        summary: [
          { text: 'Enter your email address', href: '#email' },
          { text: 'Enter your password', href: '#password' },
        ],
        fields: { email: { text: 'Enter your email address' }, password: { text: 'Enter your password' } },
      },
    });
  });
});

describe('formErrors', () => {
  it('keeps the first message for a field', () => {
    expect(
      formErrors([
        { field: 'password', text: 'first' },
        { field: 'password', text: 'second' },
      ]).summary,
    ).toEqual([{ text: 'first', href: '#password' }]);
  });
});

describe('sentText', () => {
  it('gives a text field back as sent, and nothing for anything else', () => {
    expect(sentText({ email: ' A@x.org ' }, 'email')).toBe(' A@x.org ');
    expect(sentText({ email: ['a'] }, 'email')).toBe('');
    expect(sentText(undefined, 'email')).toBe('');
  });
});
