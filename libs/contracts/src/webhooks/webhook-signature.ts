import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, Stripe-style: `Switchboard-Signature: t=<unix seconds>,v1=<hex>` where
 * v1 = HMAC-SHA256(secret, `${t}.${rawBody}`). Signing the timestamp with the body lets a
 * receiver reject replays of an old, captured request. During a secret rotation the header
 * carries one v1 per valid secret.
 */
export const WEBHOOK_HEADERS = {
  signature: 'switchboard-signature',
  eventId: 'switchboard-event-id',
  eventType: 'switchboard-event-type',
  deliveryId: 'switchboard-delivery-id',
  replay: 'switchboard-replay',
} as const;

/** Receivers reject signatures older (or further in the future) than this. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
}

export function signatureHeader(secrets: string[], body: string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return [`t=${t}`, ...secrets.map((secret) => `v1=${webhookSignature(secret, t, body)}`)].join(',');
}

export type WebhookVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing_header' | 'malformed_header' | 'timestamp_out_of_tolerance' | 'signature_mismatch' };

/**
 * What a receiver runs on every request, with the body exactly as received (before any JSON
 * parsing): a valid signature within the tolerance window, or the reason to answer 400.
 * Deduplicate by the `Switchboard-Event-Id` header as well: delivery is at least once.
 */
export function verifyWebhookSignature(input: {
  body: string | Buffer;
  header: string | undefined;
  secret: string;
  toleranceSeconds?: number;
  now?: Date;
}): WebhookVerification {
  if (!input.header) return { ok: false, reason: 'missing_header' };
  const parts = input.header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const candidates = parts.filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => v as string);
  if (!Number.isInteger(t) || candidates.length === 0) return { ok: false, reason: 'malformed_header' };
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) {
    return { ok: false, reason: 'timestamp_out_of_tolerance' };
  }
  const expected = Buffer.from(webhookSignature(input.secret, t, input.body.toString()), 'hex');
  const match = candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  return match ? { ok: true, timestamp: t } : { ok: false, reason: 'signature_mismatch' };
}
