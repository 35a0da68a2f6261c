import { createMessagingTables, dropMessagingTables } from '@switchboard/messaging';
import { schemaMigration } from '@switchboard/service-kit';

export const Initial1764230400000 = schemaMigration('Initial1764230400000', {
  async up(runner, schema) {
    await createMessagingTables(runner, schema);
    // The CHECK is the last line of defence: no code path can push an agent past capacity.
    await runner.query(`
      CREATE TABLE "${schema}".agents (
        id text PRIMARY KEY,
        name text NOT NULL,
        tier text NOT NULL,
        skills text[] NOT NULL DEFAULT '{}',
        capacity integer NOT NULL CHECK (capacity >= 0),
        open_tickets integer NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'online',
        last_assigned_at timestamptz,
        CONSTRAINT agents_within_capacity CHECK (open_tickets >= 0 AND open_tickets <= capacity)
      )`);
    await runner.query(`CREATE INDEX agents_tier_idx ON "${schema}".agents (tier, status)`);
    await runner.query(`
      CREATE TABLE "${schema}".ticket_routes (
        ticket_id uuid PRIMARY KEY,
        tier text NOT NULL,
        agent_id text REFERENCES "${schema}".agents(id),
        version integer NOT NULL,
        state text NOT NULL DEFAULT 'open',
        triage jsonb NOT NULL,
        service_level text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "${schema}".assignments (
        ticket_id uuid NOT NULL,
        version integer NOT NULL,
        tier text NOT NULL,
        agent_id text,
        score double precision NOT NULL,
        confidence double precision NOT NULL,
        rationale jsonb NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_id, version)
      )`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".assignments`);
    await runner.query(`DROP TABLE "${schema}".ticket_routes`);
    await runner.query(`DROP TABLE "${schema}".agents`);
    await dropMessagingTables(runner, schema);
  },
});
