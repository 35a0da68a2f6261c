import { status } from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { AppError } from '../errors/app-error.js';

const STATUS_BY_HTTP: Record<number, number> = {
  400: status.INVALID_ARGUMENT,
  404: status.NOT_FOUND,
  409: status.FAILED_PRECONDITION,
  413: status.RESOURCE_EXHAUSTED,
  422: status.INVALID_ARGUMENT,
  429: status.RESOURCE_EXHAUSTED,
};

const logger = new Logger('gRPC');

/**
 * Runs a gRPC handler and maps failures once: an AppError keeps its stable code in the message
 * ("INTAKE.TICKET_NOT_FOUND: ..."), anything else becomes INTERNAL without internals.
 */
export async function grpcCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      const details = error.details ? ` ${JSON.stringify(error.details)}` : '';
      throw new RpcException({
        code: STATUS_BY_HTTP[error.status] ?? status.INVALID_ARGUMENT,
        message: `${error.code}: ${error.message}${details}`,
      });
    }
    logger.error((error as Error).message, (error as Error).stack);
    throw new RpcException({ code: status.INTERNAL, message: 'INTERNAL: an internal error occurred; it has been logged' });
  }
}
