import { schemaMigration } from '@switchboard/service-kit';

export const SelfService1764316800000 = schemaMigration('SelfService1764316800000', {
  async up(runner, schema) {
    await runner.query(`
      CREATE TABLE "${schema}".self_service_sessions (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        article_id text NOT NULL REFERENCES "${schema}".articles(id),
        steps jsonb NOT NULL,
        current_step integer NOT NULL DEFAULT 1,
        outcomes jsonb NOT NULL DEFAULT '[]',
        state text NOT NULL DEFAULT 'active',
        correlation_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // one guided walk at a time per ticket
    await runner.query(
      `CREATE UNIQUE INDEX self_service_one_active ON "${schema}".self_service_sessions (ticket_id) WHERE state = 'active'`,
    );
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".self_service_sessions`);
  },
});
