import type { INestApplication } from '@nestjs/common';
import { type ServiceConfig, startServiceApp } from '@switchboard/service-kit';
import { serviceEnv } from './test-env.js';

export interface AppUnderTest<C extends ServiceConfig> {
  app: INestApplication;
  config: C;
  /** `http://127.0.0.1:<port>` of its REST API */
  base: string;
}

/** One service in the test's own process, on its own topics, schema and ports, serving HTTP, gRPC and Kafka. */
export async function startAppUnderTest<C extends ServiceConfig>(
  namespace: string,
  loadConfig: (env: NodeJS.ProcessEnv) => C,
  createApp: (config: C) => Promise<INestApplication>,
  env: Record<string, string> = {},
): Promise<AppUnderTest<C>> {
  const config = loadConfig(await serviceEnv(namespace, env));
  const app = await createApp(config);
  await startServiceApp(app, config);
  return { app, config, base: `http://127.0.0.1:${config.http.port}` };
}
