/**
 * Turns TRUST_PROXY into Express's `trust proxy` setting. Unset or `false`:
 * trust nothing (X-Forwarded-* ignored). `true`: trust every hop. A number:
 * that many hops. Anything else: a comma-separated list of addresses/subnets
 * or Express's names (`loopback`, `uniquelocal`).
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const trimmed = (value ?? '').trim();
  if (trimmed === '' || trimmed === 'false' || trimmed === '0') return false;
  if (trimmed === 'true') return true;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}
