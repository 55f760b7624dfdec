import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInAddress } from './return-to.ts';

describe('safeReturnTo', () => {
  it.each([
    ['/', '/'],
    ['/areas/E08000009', '/areas/E08000009'],
    [
      '/indicators/NI192?type=metropolitan_district&period=2023/24',
      '/indicators/NI192?type=metropolitan_district&period=2023/24',
    ],
    ['/account', '/account'],
    ['/a/../b', '/b'],
    ['/search?q=caf%C3%A9', '/search?q=caf%C3%A9'],
  ])('keeps the same-site path %j as %j', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it.each([
    ['another site, protocol-relative', '//evil.example/'],
    ['another site, backslash', '/\\evil.example'],
    ['another site, two backslashes', '\\\\evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a scheme without slashes', 'https:evil.example'],
    ['a script URL', 'javascript:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a tab hiding a second slash', '/\t/evil.example'],
    ['a newline', '/areas\r\nSet-Cookie: x=1'],
    ['a relative path', 'areas/E08000009'],
    ['an empty value', ''],
    ['a very long value', `/${'a'.repeat(2001)}`],
    ['not a string', ['/areas']],
    ['dot segments that climb to another host', '/..//evil.example'],
  ])('drops %s', (_why, value) => {
    expect(safeReturnTo(value)).toBeUndefined();
  });
});

describe('signInAddress', () => {
  it('adds a safe returnTo, and leaves out an unsafe one or the start page', () => {
    expect(signInAddress('/account/sign-in', '/areas/E08000009?x=1')).toBe(
      '/account/sign-in?returnTo=%2Fareas%2FE08000009%3Fx%3D1',
    );
    expect(signInAddress('/account/sign-in', '//evil.example')).toBe('/account/sign-in');
    expect(signInAddress('/account/sign-in', '/')).toBe('/account/sign-in');
    expect(signInAddress('/account/sign-in', undefined)).toBe('/account/sign-in');
  });
});
