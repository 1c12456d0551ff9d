// Path segments followed by a secret token.
const TOKEN_PARENTS = new Set(['invites', 'reset-password', 'p']);

/**
 * Reduces a request URL to something safe to log: the path only (query strings
 * can carry e-mail addresses, tokens or patient details), with invite,
 * password-reset and patients' packet tokens (`/p/:token`) and anything that
 * looks like a secret or an e-mail address replaced.
 */
export function logSafePath(url: string | undefined): string {
  if (!url) return '/';
  const path = url.split(/[?#]/, 1)[0] || '/';
  const segments = path.split('/');
  return segments
    .map((segment, index) => {
      if (index > 0 && TOKEN_PARENTS.has(segments[index - 1] ?? '') && segment) return ':token';
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return ':redacted';
      }
      if (decoded.includes('@')) return ':redacted';
      if (/^[A-Za-z0-9_-]{32,}(\.data)?$/.test(decoded)) return ':token';
      return segment;
    })
    .join('/');
}
