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
import { DataSource, type MixedList } from 'typeorm';
import { SERVICE_CONFIG, type ServiceConfig } from './config/service-config.js';
import { createDataSource, migrateDatabase } from './database/database.js';
import { HealthHttpController } from './health/health.http.controller.js';
import { ReadinessRegistry } from './health/readiness.registry.js';
import { createRedis, REDIS } from './redis/redis.js';

export interface ServiceKitOptions {
  config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
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
      controllers: [HealthHttpController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource({
              url: config.database.url,
              schema: config.database.schema,
              entities: options.entities,
              migrations: options.migrations,
            });
            await migrateDatabase(dataSource, config.database.schema);
            return dataSource;
          },
        },
        { provide: REDIS, useFactory: () => createRedis(config.redis.url) },
        ReadinessRegistry,
        InfrastructureLifecycle,
      ],
      exports: [SERVICE_CONFIG, DataSource, REDIS, ReadinessRegistry],
    };
  }
}
