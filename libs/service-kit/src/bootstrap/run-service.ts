import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { ServiceConfig } from '../config/service-config.js';
import { startServiceApp } from './create-service-app.js';

/** The whole of every service's main.ts: validated config, one app, a clear message when boot fails. */
export async function runService<C extends ServiceConfig>(
  loadConfig: () => C,
  createApp: (config: C) => Promise<INestApplication>,
): Promise<void> {
  const startedAt = performance.now();
  let config: C;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(78);
  }
  const logger = new Logger(config.service);
  try {
    const app = await createApp(config);
    await startServiceApp(app, config);
    const ms = Math.round(performance.now() - startedAt);
    const rssMb = Math.round(process.memoryUsage().rss / 1048576);
    logger.log(
      `ready: http ${config.http.host}:${config.http.port}, grpc ${config.grpc.host}:${config.grpc.port} (${ms} ms, rss ${rssMb} MB)`,
    );
  } catch (error) {
    logger.error(`failed to start: ${(error as Error).message}`, (error as Error).stack);
    process.exit(1);
  }
}
