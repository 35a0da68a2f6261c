import { createMessagingTables, dropMessagingTables } from '@switchboard/messaging';
import { schemaMigration } from '@switchboard/service-kit';

export const Initial1764230400000 = schemaMigration('Initial1764230400000', {
  async up(runner, schema) {
    await createMessagingTables(runner, schema);
    await runner.query(`
      CREATE TABLE "${schema}".sla_tickets (
        ticket_id uuid PRIMARY KEY,
        first_responded_at timestamptz,
        resolved_at timestamptz,
        routed_version integer NOT NULL DEFAULT 0
      )`);
    await runner.query(`
      CREATE TABLE "${schema}".clocks (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        kind text NOT NULL,
        tier text NOT NULL,
        assignment_version integer NOT NULL,
        state text NOT NULL,
        started_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        stopped_at timestamptz,
        stop_reason text,
        met boolean,
        correlation_id text NOT NULL,
        cause_event_id uuid NOT NULL,
        UNIQUE (ticket_id, kind, assignment_version)
      )`);
    // At most one running clock of each kind per ticket, whatever the delivery order or instance count.
    await runner.query(`CREATE UNIQUE INDEX clocks_one_running ON "${schema}".clocks (ticket_id, kind) WHERE state = 'running'`);
    await runner.query(`CREATE INDEX clocks_running_due ON "${schema}".clocks (due_at) WHERE state = 'running'`);
    await runner.query(`
      CREATE TABLE "${schema}".clock_milestones (
        clock_id uuid NOT NULL REFERENCES "${schema}".clocks(id),
        threshold integer NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (clock_id, threshold)
      )`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".clock_milestones`);
    await runner.query(`DROP TABLE "${schema}".clocks`);
    await runner.query(`DROP TABLE "${schema}".sla_tickets`);
    await dropMessagingTables(runner, schema);
  },
});
