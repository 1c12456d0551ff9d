import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
  it.each([
    ['/practices/123', '/practices/123'],
    ['/invites/abc?x=1#top', '/invites/abc?x=1#top'],
    ['/a/../account', '/account'],
    ['/café', '/caf%C3%A9'],
  ])('keeps the local path %j', (value, expected) => {
    expect(safeRedirectPath(value, '/')).toBe(expected);
  });

  it.each([
    ['protocol-relative', '//evil.example/steal'],
    ['backslash', '/\\evil.example'],
    ['backslashes only', '\\\\evil.example'],
    ['tab the browser drops', '/\t/evil.example'],
    ['newline the browser drops', '/\n/evil.example'],
    ['CR/LF header injection', '/account\r\nSet-Cookie: a=b'],
    ['NUL', '/account\u0000'],
    ['absolute URL', 'https://evil.example/'],
    ['scheme', 'javascript:alert(1)'],
    ['relative path', 'practices'],
    ['empty', ''],
    ['triple slash', '///evil.example'],
  ])('falls back for %s', (_case, value) => {
    expect(safeRedirectPath(value, '/')).toBe('/');
  });

  it('falls back for anything that is not a string', () => {
    expect(safeRedirectPath(undefined, '/practices')).toBe('/practices');
    expect(safeRedirectPath(['/account'], '/practices')).toBe('/practices');
  });

  it('keeps an encoded slash, which the browser reads as part of one path segment', () => {
    expect(safeRedirectPath('/%2F%2Fevil.example', '/')).toBe('/%2F%2Fevil.example');
  });
});
