import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall, parseInput, RequiresScope } from '@switchboard/service-kit';
import { type ApiKeyView, createApiKeySchema, type IssuedApiKey } from './api-key.schemas.js';
import { ManageApiKeysUseCase } from './manage-api-keys.usecase.js';

interface RateLimitMessage {
  perSecond: number;
  perMinute: number;
}

/** proto3 has no null: empty strings and zero limits mean "not set" on the wire. */
function toMessage(view: ApiKeyView) {
  return {
    ...view,
    rateLimit: { perSecond: view.rateLimit.perSecond ?? 0, perMinute: view.rateLimit.perMinute ?? 0 },
    expiresAt: view.expiresAt ?? '',
    rotatedAt: view.rotatedAt ?? '',
    revokedAt: view.revokedAt ?? '',
    previousSecretValidUntil: view.previousSecretValidUntil ?? '',
  };
}

const issued = ({ key, ...view }: IssuedApiKey) => ({ apiKey: toMessage(view), key });

@Controller()
@RequiresScope('admin')
export class ApiKeysGrpcController {
  constructor(private readonly keys: ManageApiKeysUseCase) {}

  @GrpcMethod('ApiKeyService', 'CreateApiKey')
  create(req: { name: string; scopes: string[]; rateLimit?: RateLimitMessage; expiresAt: string }) {
    return grpcCall(async () => {
      const input = parseInput(createApiKeySchema, {
        name: req.name,
        scopes: req.scopes,
        rateLimit: { perSecond: req.rateLimit?.perSecond || null, perMinute: req.rateLimit?.perMinute || null },
        expiresAt: req.expiresAt || null,
      });
      return issued(await this.keys.create(input, randomUUID()));
    });
  }

  @GrpcMethod('ApiKeyService', 'ListApiKeys')
  list() {
    return grpcCall(async () => ({ keys: (await this.keys.list()).map(toMessage) }));
  }

  @GrpcMethod('ApiKeyService', 'GetApiKey')
  get(req: { id: string }) {
    return grpcCall(async () => toMessage(await this.keys.get(req.id)));
  }

  @GrpcMethod('ApiKeyService', 'RotateApiKey')
  rotate(req: { id: string; graceSeconds?: number }) {
    return grpcCall(async () => issued(await this.keys.rotate(req.id, req.graceSeconds ?? undefined, randomUUID())));
  }

  @GrpcMethod('ApiKeyService', 'RevokeApiKey')
  revoke(req: { id: string }) {
    return grpcCall(async () => toMessage(await this.keys.revoke(req.id, randomUUID())));
  }
}
