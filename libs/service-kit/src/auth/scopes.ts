import { SetMetadata } from '@nestjs/common';
import type { ApiKeyScope } from '@switchboard/contracts';

export const REQUIRED_SCOPE = 'switchboard:requiredScope';
export const PUBLIC_ROUTE = 'switchboard:publicRoute';
export const SKIP_AUDIT = 'switchboard:skipAudit';
export const KEY_IN_QUERY = 'switchboard:keyInQuery';

/** The scope a route or gRPC method needs, when its default (by HTTP method or rpc name) is not right. */
export const RequiresScope = (scope: ApiKeyScope) => SetMetadata(REQUIRED_SCOPE, scope);

/** Answers without a key: reserved for health probes. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The route also takes its key as `?api_key=`: for senders that cannot set headers (GitHub
 * webhooks). Headers still win; keys in URLs end up in proxy logs, so only where unavoidable.
 */
export const AcceptsKeyInQuery = () => SetMetadata(KEY_IN_QUERY, true);

/** An admin route whose calls are not audit entries themselves (reading the audit log). */
export const SkipAudit = () => SetMetadata(SKIP_AUDIT, true);

const READING_RPC = /^(Get|List|Search|Find|Describe)/;

/**
 * Undecorated routes are safe by default: reads need `read`, anything that changes state needs
 * `admin`, so a new route is never open to a key that was only meant to submit inquiries.
 */
export function defaultScope(transport: 'http' | 'rpc', operation: string): ApiKeyScope {
  if (transport === 'http') return operation === 'GET' || operation === 'HEAD' ? 'read' : 'admin';
  return READING_RPC.test(operation) ? 'read' : 'admin';
}

export function grants(granted: readonly ApiKeyScope[], required: ApiKeyScope): boolean {
  return granted.includes('admin') || granted.includes(required);
}
