import { schemaMigration } from '@switchboard/service-kit';

/** The event emitted just before a delivery's event about the same ticket, in the same transaction. */
export const WebhookPredecessors1765036800000 = schemaMigration('WebhookPredecessors1765036800000', {
  async up(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".webhook_deliveries ADD COLUMN preceded_by_event_id uuid`);
  },

  async down(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".webhook_deliveries DROP COLUMN preceded_by_event_id`);
  },
});
