import { createHash, randomBytes } from 'node:crypto';

export const LIVE_KEY_PREFIX = 'sb_live_';

/** A new secret: 32 random bytes, base64url, behind a visible prefix that says what it is. */
export function generateApiKeySecret(): string {
  return `${LIVE_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Keys are stored and published only as SHA-256. A slow password hash (bcrypt, argon2) exists to
 * make guessing low-entropy human passwords expensive; these secrets are 256 random bits, so no
 * guess can succeed however fast the hash is, and a fast hash lets every request be checked
 * with a map lookup instead of burning CPU per call.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Enough of the secret to recognise it in a list, far too little to guess the rest. */
export function displayPrefixOf(secret: string): string {
  return secret.slice(0, LIVE_KEY_PREFIX.length + 4);
}
