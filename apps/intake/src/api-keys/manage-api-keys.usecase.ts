import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { apiKeyChangedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import {
  conflict,
  displayPrefixOf,
  generateApiKeySecret,
  hashApiKeySecret,
  notFound,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import { ApiKeyRepository, type ApiKeyRow } from './api-key.repository.js';
import type { ApiKeyView, CreateApiKey, IssuedApiKey } from './api-key.schemas.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id names no key: 404, not a database error. */
function checkedId(id: string): string {
  if (!UUID.test(id)) throw notFound('INTAKE.API_KEY_NOT_FOUND', `no API key ${id}`);
  return id;
}

function iso(d: Date): string;
function iso(d: Date | null): string | null;
function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

export function apiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    status: row.status,
    rateLimit: { perSecond: row.ratePerSecond, perMinute: row.ratePerMinute },
    expiresAt: iso(row.expiresAt),
    createdAt: iso(row.createdAt),
    rotatedAt: iso(row.rotatedAt),
    revokedAt: iso(row.revokedAt),
    previousSecretValidUntil: iso(row.previousValidUntil),
  };
}

/**
 * Integrators' keys: the secret is generated here, returned once and stored only as its hash.
 * Every change is published (same transaction, through the outbox) so all services enforce it.
 */
@Injectable()
export class ManageApiKeysUseCase {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly outbox: EventOutbox,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async create(input: CreateApiKey, correlationId: string): Promise<IssuedApiKey> {
    const secret = generateApiKeySecret();
    const row = await this.keys.transaction(async (manager) => {
      const created = await this.keys.insert(manager, {
        id: randomUUID(),
        name: input.name,
        prefix: displayPrefixOf(secret),
        secretSha256: hashApiKeySecret(secret),
        previousSha256: null,
        previousValidUntil: null,
        scopes: input.scopes,
        ratePerSecond: input.rateLimit.perSecond,
        ratePerMinute: input.rateLimit.perMinute,
        status: 'active',
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      });
      await this.publish(manager, created, correlationId);
      return created;
    });
    return { ...apiKeyView(row), key: secret };
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.keys.list()).map(apiKeyView);
  }

  async get(id: string): Promise<ApiKeyView> {
    const row = await this.keys.findById(checkedId(id));
    if (!row) throw notFound('INTAKE.API_KEY_NOT_FOUND', `no API key ${id}`);
    return apiKeyView(row);
  }

  /** A new secret; the previous one keeps working for the grace period so integrators can switch without downtime. */
  async rotate(id: string, graceSeconds: number | undefined, correlationId: string): Promise<IssuedApiKey> {
    const secret = generateApiKeySecret();
    const grace = graceSeconds ?? this.config.auth.rotationGraceSeconds;
    const row = await this.keys.transaction(async (manager) => {
      const current = await this.keys.lockById(manager, checkedId(id));
      if (!current) throw notFound('INTAKE.API_KEY_NOT_FOUND', `no API key ${id}`);
      if (current.status === 'revoked')
        throw conflict('INTAKE.API_KEY_REVOKED', `API key ${id} is revoked and cannot be rotated`);
      const rotated = await this.keys.rotate(
        manager,
        id,
        hashApiKeySecret(secret),
        displayPrefixOf(secret),
        new Date(Date.now() + grace * 1000),
      );
      await this.publish(manager, rotated, correlationId);
      return rotated;
    });
    return { ...apiKeyView(row), key: secret };
  }

  /** Revoking twice is not an error: the key is revoked either way. */
  async revoke(id: string, correlationId: string): Promise<ApiKeyView> {
    const row = await this.keys.transaction(async (manager) => {
      const current = await this.keys.lockById(manager, checkedId(id));
      if (!current) throw notFound('INTAKE.API_KEY_NOT_FOUND', `no API key ${id}`);
      if (current.status === 'revoked') return current;
      const revoked = await this.keys.revoke(manager, id);
      await this.publish(manager, revoked, correlationId);
      return revoked;
    });
    return apiKeyView(row);
  }

  private async publish(manager: EntityManager, row: ApiKeyRow, correlationId: string): Promise<void> {
    const secrets: { sha256: string; validUntil: string | null }[] = [{ sha256: row.secretSha256, validUntil: null }];
    if (row.previousSha256 && row.previousValidUntil) {
      secrets.push({ sha256: row.previousSha256, validUntil: iso(row.previousValidUntil) });
    }
    await this.outbox.append(
      manager,
      apiKeyChangedEvent,
      {
        keyId: row.id,
        name: row.name,
        prefix: row.prefix,
        status: row.status,
        scopes: row.scopes,
        rateLimit: { perSecond: row.ratePerSecond, perMinute: row.ratePerMinute },
        expiresAt: iso(row.expiresAt),
        secrets,
        changedAt: new Date().toISOString(),
      },
      { subject: row.id, correlationId, causationId: null },
    );
  }
}
