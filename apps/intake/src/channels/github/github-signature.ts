import { createHmac, timingSafeEqual } from 'node:crypto';

/** GitHub's `X-Hub-Signature-256`: `sha256=` + hex HMAC-SHA256 of the exact request body. */
export function signGithubPayload(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time comparison; a missing, malformed or wrong signature is simply false. */
export function verifyGithubSignature(secret: string | undefined, body: Buffer, header: string | undefined): boolean {
  if (!secret || !header || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = Buffer.from(signGithubPayload(secret, body), 'utf8');
  const given = Buffer.from(header.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
