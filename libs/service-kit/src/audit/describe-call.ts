import type { ExecutionContext } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants.js';
import type { Request } from 'express';
import { correlationIdOf } from '../http/correlation.js';

export interface CallDescription {
  /** HTTP method, or GRPC. */
  method: string;
  /** The route pattern (`/v1/api-keys/:id/rotate`) or `Service/Rpc`. */
  route: string;
  resourceId: string | null;
  correlationId: string | null;
}

/** The first id-like field of a request or response: what an admin action acted on. */
export function resourceIdIn(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  for (const [name, v] of Object.entries(value)) {
    if ((name === 'id' || /Id$/.test(name)) && (typeof v === 'string' || typeof v === 'number') && v !== '') return String(v);
  }
  return null;
}

export function describeCall(context: ExecutionContext): CallDescription {
  if (context.getType() === 'http') {
    const req = context.switchToHttp().getRequest<Request>();
    const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
    const params = Object.values(req.params ?? {}).map(String);
    return {
      method: req.method,
      route: String(route),
      resourceId: params[0] ?? null,
      correlationId: correlationIdOf(req),
    };
  }
  const patterns = Reflect.getMetadata(PATTERN_METADATA, context.getHandler()) as
    { service?: string; rpc?: string }[] | undefined;
  const pattern = patterns?.[0];
  return {
    method: 'GRPC',
    route: pattern?.service ? `${pattern.service}/${pattern.rpc}` : `${context.getClass().name}.${context.getHandler().name}`,
    resourceId: resourceIdIn(context.switchToRpc().getData()),
    correlationId: null,
  };
}
