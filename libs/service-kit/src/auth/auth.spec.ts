import type { ApiKeyChanged } from '@switchboard/contracts';
import { ApiKeyRegistry, DEV_KEY_ID } from './api-key-registry.js';
import { displayPrefixOf, generateApiKeySecret, hashApiKeySecret, LIVE_KEY_PREFIX } from './api-key-secret.js';
import { presentedKey, queryKey } from './auth.guard.js';
import { decide, windowsOf } from './rate-limit.js';
import { defaultScope, grants } from './scopes.js';

describe('API key secrets', () => {
  it('are 32 random bytes behind a visible prefix, never twice the same', () => {
    const a = generateApiKeySecret();
    const b = generateApiKeySecret();
    expect(a).toMatch(/^sb_live_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(LIVE_KEY_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(displayPrefixOf(a)).toBe(a.slice(0, 12));
  });

  it('are hashed with SHA-256, hex', () => {
    expect(hashApiKeySecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('are read from a Bearer token or X-Api-Key', () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name];
    expect(presentedKey(headers({ authorization: 'Bearer sb_live_x' }))).toBe('sb_live_x');
    expect(presentedKey(headers({ authorization: 'bearer  sb_live_y ' }))).toBe('sb_live_y');
    expect(presentedKey(headers({ 'x-api-key': 'sb_live_z' }))).toBe('sb_live_z');
    expect(presentedKey(headers({ authorization: 'Basic abc' }))).toBeUndefined();
    expect(presentedKey(headers({}))).toBeUndefined();
  });

  it('are read from ?api_key= only as a string (routes marked @AcceptsKeyInQuery)', () => {
    expect(queryKey({ query: { api_key: ' sb_live_q ' } })).toBe('sb_live_q');
    expect(queryKey({ query: { api_key: ['a', 'b'] } })).toBeUndefined();
    expect(queryKey({ query: {} })).toBeUndefined();
  });
});

describe('scopes', () => {
  it('default by HTTP method and rpc name, so new routes are never open to submit-only keys', () => {
    expect(defaultScope('http', 'GET')).toBe('read');
    expect(defaultScope('http', 'POST')).toBe('admin');
    expect(defaultScope('http', 'DELETE')).toBe('admin');
    expect(defaultScope('rpc', 'ListTeams')).toBe('read');
    expect(defaultScope('rpc', 'CreateAgent')).toBe('admin');
  });

  it('are granted by the scope itself or by admin', () => {
    expect(grants(['read'], 'read')).toBe(true);
    expect(grants(['submit'], 'read')).toBe(false);
    expect(grants(['admin'], 'subscribe')).toBe(true);
  });
});

describe('ApiKeyRegistry', () => {
  const secret = 'sb_live_first-secret';
  const next = 'sb_live_second-secret';
  const state = (over: Partial<ApiKeyChanged> = {}): ApiKeyChanged => ({
    keyId: '0b7e6f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b',
    name: 'acme',
    prefix: 'sb_live_firs',
    status: 'active',
    scopes: ['read'],
    rateLimit: { perSecond: 5, perMinute: null },
    expiresAt: null,
    secrets: [{ sha256: hashApiKeySecret(secret), validUntil: null }],
    changedAt: '2026-11-27T10:00:00.000Z',
    ...over,
  });

  it('recognises a published key and tells unknown, revoked and expired keys apart', () => {
    const registry = new ApiKeyRegistry();
    expect(registry.authenticate(secret)).toMatchObject({ ok: false, code: 'AUTH.KEY_UNKNOWN' });
    registry.apply(state());
    expect(registry.authenticate(secret)).toMatchObject({ ok: true, principal: { name: 'acme', scopes: ['read'] } });
    registry.apply(state({ expiresAt: '2026-11-27T10:00:00.000Z' }));
    expect(registry.authenticate(secret, Date.parse('2026-11-27T10:00:01Z'))).toMatchObject({ code: 'AUTH.KEY_EXPIRED' });
    registry.apply(state({ status: 'revoked' }));
    expect(registry.authenticate(secret)).toMatchObject({ ok: false, code: 'AUTH.KEY_REVOKED' });
  });

  it('keeps a rotated secret only until its grace period ends, and forgets secrets a newer state dropped', () => {
    const registry = new ApiKeyRegistry();
    registry.apply(state());
    registry.apply(
      state({
        secrets: [
          { sha256: hashApiKeySecret(next), validUntil: null },
          { sha256: hashApiKeySecret(secret), validUntil: '2026-11-27T10:05:00.000Z' },
        ],
      }),
    );
    expect(registry.authenticate(secret, Date.parse('2026-11-27T10:04:59Z')).ok).toBe(true);
    expect(registry.authenticate(secret, Date.parse('2026-11-27T10:05:00Z'))).toMatchObject({ code: 'AUTH.KEY_EXPIRED' });
    expect(registry.authenticate(next, Date.parse('2026-11-27T11:00:00Z')).ok).toBe(true);
    registry.apply(state({ secrets: [{ sha256: hashApiKeySecret(next), validUntil: null }] }));
    expect(registry.authenticate(secret, Date.parse('2026-11-27T10:00:00Z'))).toMatchObject({ code: 'AUTH.KEY_UNKNOWN' });
  });

  it('accepts a bootstrap admin key configured by its SHA-256 only', () => {
    const registry = new ApiKeyRegistry();
    registry.provisionBootstrapKey(hashApiKeySecret('sb_live_operator_secret').toUpperCase());
    expect(registry.authenticate('sb_live_operator_secret')).toMatchObject({
      ok: true,
      principal: { keyId: 'bootstrap', scopes: ['submit', 'read', 'subscribe', 'admin'] },
    });
    expect(registry.authenticate('sb_live_other')).toMatchObject({ ok: false, code: 'AUTH.KEY_UNKNOWN' });
  });

  it('provisions the dev key with every scope and no limit', () => {
    const registry = new ApiKeyRegistry();
    registry.provisionDevKey('sb_dev_switchboard_local');
    expect(registry.authenticate('sb_dev_switchboard_local')).toEqual({
      ok: true,
      principal: {
        keyId: DEV_KEY_ID,
        name: 'development key',
        scopes: ['submit', 'read', 'subscribe', 'admin'],
        rateLimit: 'unlimited',
      },
    });
  });
});

describe('rate limit decisions', () => {
  const now = Date.parse('2026-11-27T10:00:30.250Z');
  const windows = windowsOf({ perSecond: 2, perMinute: 10 });

  it('allow up to the limit and describe the tightest window', () => {
    const d = decide(windows, [0, 9], now);
    expect(d).toMatchObject({ allowed: true, limit: 10, remaining: 1, resetSeconds: 30, retryAfterSeconds: 0 });
    expect(d.policy).toBe('2;w=1, 10;w=60');
    expect(decide(windows, [2, 3], now)).toMatchObject({ allowed: true, limit: 2, remaining: 0, resetSeconds: 1 });
  });

  it('reject beyond any window, asking to retry when that window ends', () => {
    expect(decide(windows, [3, 3], now)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(decide(windows, [1, 11], now)).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 30 });
  });

  it('have no windows when the key and the default set no limit', () => {
    expect(windowsOf({ perSecond: null, perMinute: null })).toEqual([]);
  });
});
