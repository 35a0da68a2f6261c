import { schemaMigration } from '@switchboard/service-kit';

export const AgentsQueueOverrides1764316800000 = schemaMigration('AgentsQueueOverrides1764316800000', {
  async up(runner, schema) {
    await runner.query(`
      ALTER TABLE "${schema}".agents
        ADD COLUMN tiers text[] NOT NULL DEFAULT '{}',
        ADD COLUMN languages text[] NOT NULL DEFAULT '{en}',
        ADD COLUMN channel_capacity jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN timezone text NOT NULL DEFAULT 'UTC',
        ADD COLUMN working_hours jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN shifts jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await runner.query(`UPDATE "${schema}".agents SET tiers = ARRAY[tier]`);
    // A queued ticket's rank never changes: priority plus linear aging orders the same as
    // priority - aging * minutes(queued_at), so the queue is an index scan, not a sort.
    await runner.query(`
      ALTER TABLE "${schema}".ticket_routes
        ADD COLUMN channel text,
        ADD COLUMN priority integer NOT NULL DEFAULT 0,
        ADD COLUMN queued_at timestamptz,
        ADD COLUMN queue_rank double precision,
        ADD COLUMN first_responded_at timestamptz,
        ADD COLUMN correlation_id text`);
    await runner.query(
      `CREATE INDEX ticket_routes_queue ON "${schema}".ticket_routes (tier, queue_rank DESC, queued_at) WHERE state = 'queued'`,
    );
    await runner.query(`CREATE INDEX ticket_routes_agent_open ON "${schema}".ticket_routes (agent_id) WHERE state = 'open'`);
    await runner.query(`
      ALTER TABLE "${schema}".assignments
        ADD COLUMN overridden boolean NOT NULL DEFAULT false,
        ADD COLUMN supervisor_id text`);
  },

  async down(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".assignments DROP COLUMN overridden, DROP COLUMN supervisor_id`);
    await runner.query(`DROP INDEX "${schema}".ticket_routes_agent_open`);
    await runner.query(`DROP INDEX "${schema}".ticket_routes_queue`);
    await runner.query(`
      ALTER TABLE "${schema}".ticket_routes
        DROP COLUMN channel, DROP COLUMN priority, DROP COLUMN queued_at, DROP COLUMN queue_rank, DROP COLUMN first_responded_at,
        DROP COLUMN correlation_id`);
    await runner.query(`
      ALTER TABLE "${schema}".agents
        DROP COLUMN tiers, DROP COLUMN languages, DROP COLUMN channel_capacity, DROP COLUMN timezone,
        DROP COLUMN working_hours, DROP COLUMN shifts, DROP COLUMN deleted_at, DROP COLUMN updated_at`);
  },
});
