import { createMessagingTables, dropMessagingTables } from '@switchboard/messaging';
import { migrationSchema } from '@switchboard/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764230400000 implements MigrationInterface {
  name = 'Initial1764230400000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = migrationSchema(runner);
    await createMessagingTables(runner, schema);
    await runner.query(`
      CREATE TABLE "${schema}".triage_results (
        ticket_id uuid PRIMARY KEY,
        fields jsonb NOT NULL,
        confidence double precision NOT NULL,
        rationale text NOT NULL,
        model_version text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = migrationSchema(runner);
    await runner.query(`DROP TABLE "${schema}".triage_results`);
    await dropMessagingTables(runner, schema);
  }
}
