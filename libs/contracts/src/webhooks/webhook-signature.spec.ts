import { createHmac } from 'node:crypto';
import { signatureHeader, verifyWebhookSignature, webhookSignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"e1","type":"com.switchboard.inquiry.received.v1"}';
  const now = new Date('2026-11-27T12:00:00Z');

  it('verifies a header it signed', () => {
    const header = signatureHeader([secret], body, now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ body, header, secret, now })).toEqual({ ok: true, timestamp: now.getTime() / 1000 });
  });

  it('signs timestamp + "." + body with HMAC-SHA256', () => {
    const t = now.getTime() / 1000;
    expect(signatureHeader([secret], body, now)).toBe(`t=${t},v1=${webhookSignature(secret, t, body)}`);
    expect(webhookSignature(secret, 1, 'x')).toBe(createHmac('sha256', secret).update('1.x').digest('hex'));
  });

  it('rejects a changed body, a wrong secret and a missing or malformed header', () => {
    const header = signatureHeader([secret], body, now);
    expect(verifyWebhookSignature({ body: `${body} `, header, secret, now })).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
    expect(verifyWebhookSignature({ body, header, secret: 'other', now })).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verifyWebhookSignature({ body, header: undefined, secret, now })).toEqual({ ok: false, reason: 'missing_header' });
    expect(verifyWebhookSignature({ body, header: 'v1=zz', secret, now })).toEqual({ ok: false, reason: 'malformed_header' });
  });

  it('rejects a replay older than five minutes and a timestamp too far ahead', () => {
    const header = signatureHeader([secret], body, now);
    const later = (s: number) => new Date(now.getTime() + s * 1000);
    expect(verifyWebhookSignature({ body, header, secret, now: later(299) }).ok).toBe(true);
    expect(verifyWebhookSignature({ body, header, secret, now: later(301) })).toEqual({
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
    expect(verifyWebhookSignature({ body, header, secret, now: later(-301) }).ok).toBe(false);
  });

  it('accepts either secret while a rotation carries two signatures', () => {
    const header = signatureHeader(['new-secret', 'old-secret'], body, now);
    expect(verifyWebhookSignature({ body, header, secret: 'old-secret', now }).ok).toBe(true);
    expect(verifyWebhookSignature({ body, header, secret: 'new-secret', now }).ok).toBe(true);
  });
});
