/** Methods that never change anything and so need no origin check. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the origin check looks at in a request. */
export interface OriginCheckInput {
  method: string;
  /** The Origin header, if sent. */
  origin: string | undefined;
  /** The Sec-Fetch-Site header, if sent. */
  secFetchSite: string | undefined;
  /** This server's own origin as the client sees it, e.g. `https://portal.example.org`. */
  expectedOrigin: string;
}

/**
 * Cross-site request forgery defence for every mutation: a non-GET request is
 * allowed only when the browser says it came from this site (Sec-Fetch-Site:
 * same-origin) or its Origin header is this server's origin. Requests with
 * neither header are refused: every browser that runs our forms sends Origin
 * on POST.
 */
export function isAllowedOrigin(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  if (input.secFetchSite) {
    return input.secFetchSite === 'same-origin';
  }
  if (!input.origin || input.origin === 'null') return false;
  return input.origin.toLowerCase() === input.expectedOrigin.toLowerCase();
}
