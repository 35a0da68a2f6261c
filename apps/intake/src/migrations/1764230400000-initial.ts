import { createMessagingTables, dropMessagingTables } from '@switchboard/messaging';
import { schemaMigration } from '@switchboard/service-kit';

export const Initial1764230400000 = schemaMigration('Initial1764230400000', {
  async up(runner, schema) {
    await createMessagingTables(runner, schema);
    await runner.query(`
      CREATE TABLE "${schema}".tickets (
        id uuid PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        request_hash text NOT NULL,
        status text NOT NULL,
        channel text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        customer jsonb NOT NULL,
        environment jsonb,
        correlation_id text NOT NULL,
        triage jsonb,
        routing jsonb,
        sla jsonb NOT NULL DEFAULT '{}'::jsonb,
        suggestions jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "${schema}".timeline_entries (
        id bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES "${schema}".tickets(id),
        type text NOT NULL,
        at timestamptz NOT NULL,
        event_id uuid UNIQUE,
        data jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await runner.query(`CREATE INDEX timeline_entries_ticket_idx ON "${schema}".timeline_entries (ticket_id, at, id)`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".timeline_entries`);
    await runner.query(`DROP TABLE "${schema}".tickets`);
    await dropMessagingTables(runner, schema);
  },
});
