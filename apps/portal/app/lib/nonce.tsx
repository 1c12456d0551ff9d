import { createContext, useContext } from 'react';

/** Carries the per-request CSP nonce from entry.server to <Scripts> and <ScrollRestoration>. */
export const NonceContext = createContext<string>('');

/** The CSP nonce for inline scripts (empty in the browser, where it is not needed). */
export function useNonce(): string {
  return useContext(NonceContext);
}
