import { schemaMigration } from '@switchboard/service-kit';

const HOUR = 3600;
/** The SOP's tier table; L4's resolution target is set per case (null: the configured default applies). */
const SOP = [
  ['L1', 1 * HOUR, 4 * HOUR],
  ['L2', 2 * HOUR, 8 * HOUR],
  ['L3', 4 * HOUR, 24 * HOUR],
  ['L4', 1 * HOUR, null],
] as const;
const LEVELS = ['standard', 'premium', 'enterprise'];

export const PoliciesPausesReports1764316800000 = schemaMigration('PoliciesPausesReports1764316800000', {
  async up(runner, schema) {
    await runner.query(`
      CREATE TABLE "${schema}".calendars (
        id text PRIMARY KEY,
        name text NOT NULL,
        time_zone text NOT NULL,
        mode text NOT NULL,
        weekly jsonb NOT NULL DEFAULT '[]',
        holidays jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `INSERT INTO "${schema}".calendars (id, name, time_zone, mode) VALUES ('24x7', 'Around the clock', 'UTC', '24x7')`,
    );
    await runner.query(`
      CREATE TABLE "${schema}".sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tier text NOT NULL,
        service_level text NOT NULL,
        first_response_seconds integer NOT NULL,
        next_response_seconds integer NOT NULL,
        resolution_seconds integer,
        calendar_id text NOT NULL REFERENCES "${schema}".calendars(id),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tier, service_level)
      )`);
    for (const [tier, firstResponse, resolution] of SOP) {
      for (const level of LEVELS) {
        await runner.query(
          `INSERT INTO "${schema}".sla_policies (tier, service_level, first_response_seconds, next_response_seconds, resolution_seconds, calendar_id)
           VALUES ($1, $2, $3, $3, $4, '24x7')`,
          [tier, level, firstResponse, resolution],
        );
      }
    }
    await runner.query(`
      ALTER TABLE "${schema}".sla_tickets
        ADD COLUMN service_level text,
        ADD COLUMN tier text,
        ADD COLUMN agent_id text,
        ADD COLUMN queue_position integer,
        ADD COLUMN waiting boolean NOT NULL DEFAULT false,
        ADD COLUMN reopen_count integer NOT NULL DEFAULT 0`);
    // Clocks now pause: target and consumed business time are kept, due_at is null while paused.
    await runner.query(`
      ALTER TABLE "${schema}".clocks
        ALTER COLUMN due_at DROP NOT NULL,
        ADD COLUMN policy_id uuid,
        ADD COLUMN calendar_id text NOT NULL DEFAULT '24x7',
        ADD COLUMN target_ms bigint,
        ADD COLUMN consumed_ms bigint NOT NULL DEFAULT 0,
        ADD COLUMN segment_started_at timestamptz,
        ADD COLUMN generation integer NOT NULL DEFAULT 0,
        ADD COLUMN agent_id text`);
    await runner.query(`
      UPDATE "${schema}".clocks SET target_ms = (extract(epoch FROM due_at - started_at) * 1000)::bigint,
        segment_started_at = CASE WHEN state = 'running' THEN started_at END`);
    await runner.query(`ALTER TABLE "${schema}".clocks ALTER COLUMN target_ms SET NOT NULL`);
    // A ticket gets several next-response clocks and a new resolution clock per reopen.
    await runner.query(`ALTER TABLE "${schema}".clocks DROP CONSTRAINT clocks_ticket_id_kind_assignment_version_key`);
    await runner.query(`DROP INDEX "${schema}".clocks_one_running`);
    await runner.query(
      `CREATE UNIQUE INDEX clocks_one_live ON "${schema}".clocks (ticket_id, kind) WHERE state IN ('running', 'paused')`,
    );
    await runner.query(`CREATE INDEX clocks_policy_live ON "${schema}".clocks (policy_id) WHERE state IN ('running', 'paused')`);
    // Append-only log of every clock transition: the reports are a fold over it and can be rebuilt from it.
    await runner.query(`
      CREATE TABLE "${schema}".clock_log (
        seq bigserial PRIMARY KEY,
        clock_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        kind text NOT NULL,
        tier text NOT NULL,
        policy_id uuid,
        event text NOT NULL,
        reason text,
        at timestamptz NOT NULL,
        started_at timestamptz NOT NULL,
        met boolean
      )`);
    await runner.query(`CREATE INDEX clock_log_at ON "${schema}".clock_log (at)`);
    await runner.query(`
      CREATE TABLE "${schema}".sla_attainment_daily (
        day date NOT NULL,
        tier text NOT NULL,
        policy_id uuid,
        policy_key text NOT NULL,
        kind text NOT NULL,
        clocks integer NOT NULL,
        met integer NOT NULL,
        breached integer NOT NULL,
        elapsed_ms bigint NOT NULL,
        PRIMARY KEY (day, tier, policy_key, kind)
      )`);
    // Handling-time statistics for the breach predictor, folded from clock stops.
    await runner.query(`
      CREATE TABLE "${schema}".handling_stats (
        tier text NOT NULL,
        kind text NOT NULL,
        samples integer NOT NULL,
        total_ms double precision NOT NULL,
        PRIMARY KEY (tier, kind)
      )`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".handling_stats`);
    await runner.query(`DROP TABLE "${schema}".sla_attainment_daily`);
    await runner.query(`DROP TABLE "${schema}".clock_log`);
    await runner.query(`DROP INDEX "${schema}".clocks_policy_live`);
    await runner.query(`DROP INDEX "${schema}".clocks_one_live`);
    await runner.query(`DELETE FROM "${schema}".clocks WHERE state = 'paused'`);
    await runner.query(`CREATE UNIQUE INDEX clocks_one_running ON "${schema}".clocks (ticket_id, kind) WHERE state = 'running'`);
    await runner.query(`
      ALTER TABLE "${schema}".clocks DROP COLUMN policy_id, DROP COLUMN calendar_id, DROP COLUMN target_ms,
        DROP COLUMN consumed_ms, DROP COLUMN segment_started_at, DROP COLUMN generation, DROP COLUMN agent_id`);
    await runner.query(`
      ALTER TABLE "${schema}".sla_tickets DROP COLUMN service_level, DROP COLUMN tier, DROP COLUMN agent_id,
        DROP COLUMN queue_position, DROP COLUMN waiting, DROP COLUMN reopen_count`);
    await runner.query(`DROP TABLE "${schema}".sla_policies`);
    await runner.query(`DROP TABLE "${schema}".calendars`);
  },
});
