import { type CallHandler, type ExecutionContext, HttpException, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { callAuthOf } from '../auth/call-context.js';
import { SKIP_AUDIT } from '../auth/scopes.js';
import { AppError } from '../errors/app-error.js';
import { AuditLog } from './audit-log.js';
import { describeCall, resourceIdIn } from './describe-call.js';

const GRPC_TO_HTTP: Record<number, number> = { 3: 400, 5: 404, 7: 403, 9: 409, 16: 401 };

/** Statuses of failures as the caller will see them (problem filter and grpcCall map the same way). */
function statusOf(error: unknown): number {
  if (error instanceof AppError || error instanceof HttpException) {
    return error instanceof AppError ? error.status : error.getStatus();
  }
  const rpc = (error as { getError?: () => unknown }).getError?.();
  const code = (rpc as { code?: number } | undefined)?.code;
  return code !== undefined ? (GRPC_TO_HTTP[code] ?? 500) : 500;
}

/** Every call that needed the admin scope becomes an audit entry with its outcome. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditLog,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const auth = callAuthOf(context);
    const skip = this.reflector.getAllAndOverride<boolean>(SKIP_AUDIT, [context.getHandler(), context.getClass()]);
    if (!auth || auth.scope !== 'admin' || skip) return next.handle();
    const call = describeCall(context);
    const keyId = auth.principal.keyId;
    return next.handle().pipe(
      mergeMap((value) => {
        const status = context.getType() === 'http' ? context.switchToHttp().getResponse<Response>().statusCode : 200;
        const resourceId = call.resourceId ?? resourceIdIn(value);
        return from(this.audit.record({ ...call, resourceId, keyId, status }).then(() => value));
      }),
      catchError((error: unknown) =>
        from(this.audit.record({ ...call, keyId, status: statusOf(error) })).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}
