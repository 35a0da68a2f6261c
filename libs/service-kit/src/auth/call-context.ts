import type { ExecutionContext } from '@nestjs/common';
import type { ApiKeyScope } from '@switchboard/contracts';
import type { ApiKeyPrincipal } from './api-key-registry.js';

/** What the guard learnt about a call, for the audit interceptor that runs after it. */
export interface CallAuth {
  principal: ApiKeyPrincipal;
  scope: ApiKeyScope;
}

const byCall = new WeakMap<object, CallAuth>();

/** The request (REST) or the metadata object (gRPC): one object per call that guard and interceptors share. */
export function callCarrier(context: ExecutionContext): object {
  return context.getType() === 'http' ? context.switchToHttp().getRequest<object>() : context.switchToRpc().getContext<object>();
}

export function rememberCallAuth(context: ExecutionContext, auth: CallAuth): void {
  byCall.set(callCarrier(context), auth);
}

export function callAuthOf(context: ExecutionContext): CallAuth | undefined {
  return byCall.get(callCarrier(context));
}
