import { API_KEY_SCOPES, type ApiKeyChanged, type ApiKeyScope } from '@switchboard/contracts';
import { hashApiKeySecret } from './api-key-secret.js';

export interface RateLimit {
  perSecond: number | null;
  perMinute: number | null;
}

/** Who is calling, once a key has been recognised. */
export interface ApiKeyPrincipal {
  keyId: string;
  name: string;
  scopes: readonly ApiKeyScope[];
  /** A null window takes the deployment's default; the dev key is `unlimited`. */
  rateLimit: RateLimit | 'unlimited';
}

export type Authentication =
  | { ok: true; principal: ApiKeyPrincipal }
  | { ok: false; code: 'AUTH.KEY_UNKNOWN' | 'AUTH.KEY_REVOKED' | 'AUTH.KEY_EXPIRED'; message: string };

interface SecretEntry {
  keyId: string;
  validUntil: number | null;
}

export const DEV_KEY_ID = 'dev';
export const BOOTSTRAP_KEY_ID = 'bootstrap';

/**
 * Every key's latest state, kept in memory from the compacted key topic: checking a key is a
 * hash and a map lookup, and no service reads intake's tables.
 */
export class ApiKeyRegistry {
  private readonly keys = new Map<string, ApiKeyChanged | 'static'>();
  private readonly secrets = new Map<string, SecretEntry>();

  provisionDevKey(secret: string): void {
    this.provisionStaticKey(DEV_KEY_ID, hashApiKeySecret(secret));
  }

  /**
   * Production has no dev key, so the first admin key comes from configuration as a SHA-256 only:
   * the operator keeps the secret, creates real keys with it, then removes the setting.
   */
  provisionBootstrapKey(sha256: string): void {
    this.provisionStaticKey(BOOTSTRAP_KEY_ID, sha256.toLowerCase());
  }

  private provisionStaticKey(keyId: string, sha256: string): void {
    this.keys.set(keyId, 'static');
    this.secrets.set(sha256, { keyId, validUntil: null });
  }

  /** Applies one key's new state; events arrive in order per key (the topic is keyed by key id). */
  apply(state: ApiKeyChanged): void {
    for (const [hash, entry] of this.secrets) if (entry.keyId === state.keyId) this.secrets.delete(hash);
    this.keys.set(state.keyId, state);
    for (const secret of state.secrets) {
      this.secrets.set(secret.sha256, {
        keyId: state.keyId,
        validUntil: secret.validUntil === null ? null : Date.parse(secret.validUntil),
      });
    }
  }

  get size(): number {
    return this.keys.size;
  }

  authenticate(secret: string, now = Date.now()): Authentication {
    const entry = this.secrets.get(hashApiKeySecret(secret));
    const state = entry ? this.keys.get(entry.keyId) : undefined;
    if (!entry || !state) return { ok: false, code: 'AUTH.KEY_UNKNOWN', message: 'the API key is not known' };
    if (state === 'static') {
      const name = entry.keyId === DEV_KEY_ID ? 'development key' : 'bootstrap admin key';
      return { ok: true, principal: { keyId: entry.keyId, name, scopes: API_KEY_SCOPES, rateLimit: 'unlimited' } };
    }
    if (state.status === 'revoked') return { ok: false, code: 'AUTH.KEY_REVOKED', message: 'the API key has been revoked' };
    if (state.expiresAt !== null && Date.parse(state.expiresAt) <= now) {
      return { ok: false, code: 'AUTH.KEY_EXPIRED', message: 'the API key has expired' };
    }
    if (entry.validUntil !== null && entry.validUntil <= now) {
      return { ok: false, code: 'AUTH.KEY_EXPIRED', message: 'this secret was rotated and its grace period has ended' };
    }
    return {
      ok: true,
      principal: { keyId: state.keyId, name: state.name, scopes: state.scopes, rateLimit: state.rateLimit },
    };
  }
}
