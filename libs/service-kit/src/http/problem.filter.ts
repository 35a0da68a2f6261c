import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { Request, Response } from 'express';
import { type Observable, throwError } from 'rxjs';
import { AppError } from '../errors/app-error.js';
import { correlationIdOf } from './correlation.js';
import { problemFrom, sendProblem } from './problem.js';

const HTTP_CODES: Record<number, string> = {
  400: 'REQUEST.BAD_REQUEST',
  404: 'HTTP.ROUTE_NOT_FOUND',
  405: 'HTTP.METHOD_NOT_ALLOWED',
  413: 'REQUEST.BODY_TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

/** Maps every HTTP error to problem+json once; callers never see a stack trace. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void | Observable<never> {
    // gRPC handlers share this global filter; an error rethrown here would crash the process.
    if (host.getType() !== 'http') {
      if (error instanceof RpcException) return throwError(() => error.getError());
      this.logger.error(`unhandled ${host.getType()} error`, error instanceof Error ? error.stack : String(error));
      return throwError(() => ({ code: 13, message: 'INTERNAL: an internal error occurred; it has been logged' }));
    }
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const correlationId = correlationIdOf(req);
    const instance = req.originalUrl;
    if (error instanceof AppError && error.status < 500) {
      sendProblem(res, problemFrom(error.code, error.status, error.message, { ...error.details, correlationId, instance }));
      return;
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      const code = HTTP_CODES[status] ?? `HTTP.${status}`;
      sendProblem(res, problemFrom(code, status, error.message, { correlationId, instance }));
      return;
    }
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    this.logger.error(
      `${code} on ${req.method} ${instance} [${correlationId}]`,
      error instanceof Error ? error.stack : String(error),
    );
    sendProblem(res, problemFrom(code, 500, 'an internal error occurred; it has been logged', { correlationId, instance }));
  }
}
