import { schemaMigration } from '@switchboard/service-kit';

export const ProjectionHandoffs1764316800000 = schemaMigration('ProjectionHandoffs1764316800000', {
  async up(runner, schema) {
    // One step per trigger and tier: different triggers may each move a ticket up once, the same one never twice at a tier.
    await runner.query(`ALTER TABLE "${schema}".escalations DROP CONSTRAINT escalations_ticket_id_from_tier_key`);
    await runner.query(
      `ALTER TABLE "${schema}".escalations ADD CONSTRAINT escalations_once_per_trigger UNIQUE (ticket_id, from_tier, trigger)`,
    );
    await runner.query(`ALTER TABLE "${schema}".escalations ADD COLUMN handoff_id uuid`);
    // Escalation's own view of a ticket, folded from the events it consumes (never another service's tables).
    await runner.query(`
      CREATE TABLE "${schema}".ticket_context (
        ticket_id uuid PRIMARY KEY,
        tier text,
        routed_version integer NOT NULL DEFAULT 0,
        customer jsonb,
        subject text,
        environment jsonb NOT NULL DEFAULT '{}',
        triage jsonb,
        reopen_count integer NOT NULL DEFAULT 0,
        pending jsonb NOT NULL DEFAULT '[]'
      )`);
    await runner.query(`
      CREATE TABLE "${schema}".ticket_timeline (
        event_id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        kind text NOT NULL,
        at timestamptz NOT NULL,
        payload jsonb NOT NULL
      )`);
    await runner.query(`CREATE INDEX ticket_timeline_ticket ON "${schema}".ticket_timeline (ticket_id, at)`);
    await runner.query(`
      CREATE TABLE "${schema}".ticket_clocks (
        clock_id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        kind text NOT NULL,
        tier text NOT NULL,
        state text NOT NULL,
        due_at timestamptz,
        remaining_ms bigint,
        last_warning integer,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX ticket_clocks_ticket ON "${schema}".ticket_clocks (ticket_id)`);
    await runner.query(`
      CREATE TABLE "${schema}".handoffs (
        id uuid PRIMARY KEY,
        escalation_id uuid NOT NULL UNIQUE,
        ticket_id uuid NOT NULL,
        schema_version integer NOT NULL,
        package jsonb NOT NULL,
        prepared_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX handoffs_ticket ON "${schema}".handoffs (ticket_id, prepared_at)`);
    await runner.query(`
      CREATE TABLE "${schema}".de_escalations (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        from_tier text NOT NULL,
        to_tier text NOT NULL,
        reason text NOT NULL,
        requested_by text NOT NULL,
        de_escalated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "${schema}".experts (
        skill text NOT NULL,
        expert_id text NOT NULL,
        PRIMARY KEY (skill, expert_id)
      )`);
  },

  async down(runner, schema) {
    for (const t of ['experts', 'de_escalations', 'handoffs', 'ticket_clocks', 'ticket_timeline', 'ticket_context']) {
      await runner.query(`DROP TABLE "${schema}".${t}`);
    }
    await runner.query(`ALTER TABLE "${schema}".escalations DROP COLUMN handoff_id`);
    await runner.query(`ALTER TABLE "${schema}".escalations DROP CONSTRAINT escalations_once_per_trigger`);
    await runner.query(`ALTER TABLE "${schema}".escalations ADD UNIQUE (ticket_id, from_tier)`);
  },
});
