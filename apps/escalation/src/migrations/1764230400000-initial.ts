import { createMessagingTables, dropMessagingTables } from '@switchboard/messaging';
import { schemaMigration } from '@switchboard/service-kit';

export const Initial1764230400000 = schemaMigration('Initial1764230400000', {
  async up(runner, schema) {
    await createMessagingTables(runner, schema);
    // One escalation out of each tier per ticket: a first-response and a resolution breach at the
    // same tier, or two instances handling them, still move the ticket up only once.
    await runner.query(`
      CREATE TABLE "${schema}".escalations (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        from_tier text NOT NULL,
        to_tier text NOT NULL,
        trigger text NOT NULL,
        reason text NOT NULL,
        cause_event_id uuid NOT NULL,
        escalated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (ticket_id, from_tier)
      )`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".escalations`);
    await dropMessagingTables(runner, schema);
  },
});
