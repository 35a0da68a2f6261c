import { status as GrpcStatus, type Metadata } from '@grpc/grpc-js';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RpcException } from '@nestjs/microservices';
import type { ApiKeyScope } from '@switchboard/contracts';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { AuditLog } from '../audit/audit-log.js';
import { describeCall } from '../audit/describe-call.js';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';
import { AppError } from '../errors/app-error.js';
import { REDIS } from '../redis/redis.js';
import { ApiKeyRegistry } from './api-key-registry.js';
import { rememberCallAuth } from './call-context.js';
import { type RateDecision, RedisRateLimiter } from './rate-limit.js';
import { defaultScope, grants, KEY_IN_QUERY, PUBLIC_ROUTE, REQUIRED_SCOPE } from './scopes.js';

const GRPC_STATUS: Record<number, number> = {
  401: GrpcStatus.UNAUTHENTICATED,
  403: GrpcStatus.PERMISSION_DENIED,
  429: GrpcStatus.RESOURCE_EXHAUSTED,
};

/** Reads a key from `Authorization: Bearer <key>` or `X-Api-Key` (REST headers or gRPC metadata alike). */
export function presentedKey(read: (name: string) => string | undefined): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(read('authorization') ?? '');
  return bearer?.[1] ?? (read('x-api-key')?.trim() || undefined);
}

export function queryKey(req: Pick<Request, 'query'>): string | undefined {
  const value = req.query?.api_key;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * Every REST route and gRPC method of every service passes here: a known, live key with the
 * route's scope, within its rate limit. Only routes marked @PublicRoute (health) skip it.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly limiter: RedisRateLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly registry: ApiKeyRegistry,
    private readonly audit: AuditLog,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.limiter = new RedisRateLimiter(redis, config.kafka.topicNamespace);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.getType() === 'http';
    const req = http ? context.switchToHttp().getRequest<Request>() : undefined;
    const res = http ? context.switchToHttp().getResponse<Response>() : undefined;
    const metadata = http ? undefined : context.switchToRpc().getContext<Metadata>();
    const scope =
      this.reflector.getAllAndOverride<ApiKeyScope>(REQUIRED_SCOPE, targets) ??
      defaultScope(http ? 'http' : 'rpc', req?.method ?? context.getHandler().name);

    const key =
      presentedKey((name) => (req ? req.header(name) : (metadata?.get?.(name)?.[0] as string | undefined)?.toString())) ??
      (req && this.reflector.getAllAndOverride<boolean>(KEY_IN_QUERY, targets) ? queryKey(req) : undefined);
    if (!key) {
      res?.setHeader('WWW-Authenticate', 'Bearer');
      throw this.denied(http, 'AUTH.KEY_MISSING', 401, 'send an API key as "Authorization: Bearer <key>" or "X-Api-Key"');
    }
    const auth = this.registry.authenticate(key);
    if (!auth.ok) {
      res?.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw this.denied(http, auth.code, 401, auth.message);
    }
    const { principal } = auth;
    if (!grants(principal.scopes, scope)) {
      if (scope === 'admin') await this.audit.record({ ...describeCall(context), keyId: principal.keyId, status: 403 });
      throw this.denied(http, 'AUTH.SCOPE_MISSING', 403, `this API key lacks the "${scope}" scope`, { requiredScope: scope });
    }
    if (principal.rateLimit !== 'unlimited') {
      const defaults = this.config.auth.defaultRateLimit;
      const decision = await this.limiter.hit(principal.keyId, {
        perSecond: principal.rateLimit.perSecond ?? defaults.perSecond,
        perMinute: principal.rateLimit.perMinute ?? defaults.perMinute,
      });
      if (decision && res) setRateHeaders(res, decision);
      if (decision && !decision.allowed) {
        res?.setHeader('Retry-After', String(decision.retryAfterSeconds));
        throw this.denied(http, 'RATE_LIMIT.EXCEEDED', 429, `rate limit exceeded: retry in ${decision.retryAfterSeconds} s`, {
          retryAfterSeconds: decision.retryAfterSeconds,
        });
      }
    }
    rememberCallAuth(context, { principal, scope });
    return true;
  }

  private denied(http: boolean, code: string, status: number, message: string, details?: Record<string, unknown>): Error {
    if (http) return new AppError(code, message, status, details);
    return new RpcException({ code: GRPC_STATUS[status] ?? GrpcStatus.UNKNOWN, message: `${code}: ${message}` });
  }
}

function setRateHeaders(res: Response, decision: RateDecision): void {
  res.setHeader('RateLimit-Limit', String(decision.limit));
  res.setHeader('RateLimit-Remaining', String(decision.remaining));
  res.setHeader('RateLimit-Reset', String(decision.resetSeconds));
  res.setHeader('RateLimit-Policy', decision.policy);
}
