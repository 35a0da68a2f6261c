import { createMessagingTables, dropMessagingTables } from '@switchboard/messaging';
import { schemaMigration } from '@switchboard/service-kit';

export const Initial1764230400000 = schemaMigration('Initial1764230400000', {
  async up(runner, schema) {
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
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".triage_results`);
    await dropMessagingTables(runner, schema);
  },
});
