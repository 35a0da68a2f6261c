import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource, type MixedList } from 'typeorm';
import { AuditHttpController } from './audit/audit.http.controller.js';
import { AuditInterceptor } from './audit/audit.interceptor.js';
import { AuditLog } from './audit/audit-log.js';
import { AuditLog1764950400000 } from './audit/audit-log.migration.js';
import { ApiKeyFeed } from './auth/api-key-feed.js';
import { ApiKeyRegistry } from './auth/api-key-registry.js';
import { ApiKeyGuard } from './auth/auth.guard.js';
import { SERVICE_CONFIG, type ServiceConfig } from './config/service-config.js';
import { createDataSource, migrateDatabase } from './database/database.js';
import { HealthHttpController } from './health/health.http.controller.js';
import { ReadinessRegistry } from './health/readiness.registry.js';
import { DocsHttpController } from './openapi/docs.http.controller.js';
import { createRedis, REDIS } from './redis/redis.js';

export interface ServiceKitOptions {
  config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function withAuditLog(migrations: MixedList<Function>): MixedList<Function> {
  const list = Array.isArray(migrations) ? migrations : Object.values(migrations);
  return [...list, AuditLog1764950400000];
}

@Injectable()
class InfrastructureLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register({ name: 'database', check: async () => void (await this.dataSource.query('SELECT 1')) });
    this.readiness.register({ name: 'redis', check: async () => void (await this.redis.ping()) });
  }

  /** Runs after consumers and workers have stopped, so in-flight work still has its connections. */
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Global()
@Module({})
export class ServiceKitModule {
  static forService(options: ServiceKitOptions): DynamicModule {
    const { config } = options;
    return {
      module: ServiceKitModule,
      controllers: [HealthHttpController, AuditHttpController, DocsHttpController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource({
              url: config.database.url,
              schema: config.database.schema,
              entities: options.entities,
              // The audit table is the same in every service, so its migration comes from here.
              migrations: withAuditLog(options.migrations),
            });
            await migrateDatabase(dataSource, config.database.schema);
            return dataSource;
          },
        },
        { provide: REDIS, useFactory: () => createRedis(config.redis.url) },
        ReadinessRegistry,
        InfrastructureLifecycle,
        {
          provide: ApiKeyRegistry,
          useFactory: () => {
            const registry = new ApiKeyRegistry();
            if (config.auth.devApiKey) registry.provisionDevKey(config.auth.devApiKey);
            if (config.auth.bootstrapAdminKeySha256) registry.provisionBootstrapKey(config.auth.bootstrapAdminKeySha256);
            return registry;
          },
        },
        ApiKeyFeed,
        AuditLog,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
      ],
      exports: [SERVICE_CONFIG, DataSource, REDIS, ReadinessRegistry, ApiKeyRegistry, AuditLog],
    };
  }
}
