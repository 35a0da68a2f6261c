import { DataSource, type EntityManager, type MigrationInterface, type MixedList, type QueryRunner } from 'typeorm';

export interface DatabaseOptions {
  url: string;
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  poolSize?: number;
}

/** One DataSource per service, confined to the service's own schema; the schema is built by migrations only. */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: options.poolSize ?? 10, application_name: `switchboard-${options.schema}` },
  });
}

/**
 * Several instances of one service may boot at once; a PostgreSQL advisory lock keyed by the
 * schema makes exactly one of them run pending migrations while the others wait.
 */
export async function migrateDatabase(dataSource: DataSource, schema: string): Promise<void> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`switchboard.migrate.${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`switchboard.migrate.${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

/** Migrations name the schema explicitly; it comes from the service's configuration, not from code. */
export function migrationSchema(runner: QueryRunner): string {
  const schema = (runner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('migrations need a DataSource with a schema');
  return schema;
}

export interface SchemaMigrationSteps {
  up(runner: QueryRunner, schema: string): Promise<void>;
  down(runner: QueryRunner, schema: string): Promise<void>;
}

/**
 * A TypeORM migration whose steps receive the service's schema name. `name` must end in the
 * migration's timestamp: TypeORM orders and records migrations by it.
 */
export function schemaMigration(name: string, steps: SchemaMigrationSteps): new () => MigrationInterface {
  return class implements MigrationInterface {
    readonly name = name;
    up(runner: QueryRunner) {
      return steps.up(runner, migrationSchema(runner));
    }
    down(runner: QueryRunner) {
      return steps.down(runner, migrationSchema(runner));
    }
  };
}

const RETRYABLE = new Set(['40P01', '40001']);

/**
 * A transaction retried when PostgreSQL aborts it as a deadlock victim or a serialization
 * failure: both mean "try again", and callers should not see them as errors.
 */
export async function transactionWithRetry<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const code =
        (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}
