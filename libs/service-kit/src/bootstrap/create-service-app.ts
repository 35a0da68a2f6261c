import type { DynamicModule, INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type GrpcOptions, Transport } from '@nestjs/microservices';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ServiceConfig } from '../config/service-config.js';
import { bodyParserErrorHandler, jsonBodyParser } from '../http/body-parsing.js';
import { correlationIdOf, correlationMiddleware } from '../http/correlation.js';
import { problemFrom, sendProblem } from '../http/problem.js';
import { ProblemFilter } from '../http/problem.filter.js';

export interface GrpcApi {
  /** The proto `package`, e.g. `switchboard.intake.v1`. */
  package: string;
  /** One file, or several whose services share the package. */
  protoPath: string | string[];
}

/** A route that takes a non-JSON body (a raw e-mail, an archive) as a Buffer in `req.body`. */
export interface RawBodyRoute {
  /** Express path pattern, e.g. `/v1/tickets/:id/bundles`. */
  path: string;
  types: string[];
  limitBytes: number;
}

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Only JSON is accepted on write routes, so a form post or plain text gets a clear 415, not a 422. */
function requireJson(req: Request, res: Response, next: NextFunction): void {
  if (Buffer.isBuffer(req.body)) return next();
  const writes = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (writes && hasBody && !req.is(['application/json', 'application/*+json'])) {
    sendProblem(
      res,
      problemFrom('REQUEST.UNSUPPORTED_MEDIA_TYPE', 415, 'send the body as application/json', {
        correlationId: correlationIdOf(req),
        instance: req.originalUrl,
      }),
    );
    return;
  }
  next();
}

/** One process serves REST, gRPC and its Kafka consumers (started by the messaging module). */
export async function createServiceApp(
  module: DynamicModule,
  config: ServiceConfig,
  grpc: GrpcApi,
  rawBodies: RawBodyRoute[] = [],
): Promise<INestApplication> {
  const app = await NestFactory.create(module, {
    bodyParser: false,
    abortOnError: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
  });
  app.use(correlationMiddleware);
  for (const route of rawBodies) {
    app.use(route.path, express.raw({ type: route.types, limit: route.limitBytes }), bodyParserErrorHandler);
  }
  app.use(requireJson, jsonBodyParser, bodyParserErrorHandler);
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  app.connectMicroservice<GrpcOptions>(
    {
      transport: Transport.GRPC,
      options: {
        package: grpc.package,
        protoPath: grpc.protoPath,
        url: `${config.grpc.host}:${config.grpc.port}`,
        loader: { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true },
      },
    },
    { inheritAppConfig: true },
  );
  return app;
}

export async function startServiceApp(app: INestApplication, config: ServiceConfig): Promise<void> {
  await app.startAllMicroservices();
  await app.listen(config.http.port, config.http.host);
}
