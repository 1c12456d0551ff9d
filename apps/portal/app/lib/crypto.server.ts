import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random token with 256 bits of entropy. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, hex. Tokens are stored hashed so a database leak does not leak them. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
