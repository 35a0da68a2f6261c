import { schemaMigration } from '@switchboard/service-kit';

export const Webhooks1764400000000 = schemaMigration('Webhooks1764400000000', {
  async up(runner, schema) {
    await runner.query(`
      CREATE TABLE "${schema}".webhook_subscriptions (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}'::jsonb,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_until timestamptz,
        status text NOT NULL CHECK (status IN ('active', 'paused')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A lane (subscription × ticket) is sent in event-time order (seq breaks ties); its head is the first pending row.
    await runner.query(`
      CREATE TABLE "${schema}".webhook_deliveries (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        subscription_id uuid NOT NULL REFERENCES "${schema}".webhook_subscriptions(id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        ticket_id text NOT NULL,
        event_time timestamptz NOT NULL,
        cause_event_id uuid,
        payload jsonb NOT NULL,
        replay boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts int NOT NULL DEFAULT 0,
        first_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_status_code int,
        last_error text,
        delivered_at timestamptz,
        dead_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX webhook_deliveries_once ON "${schema}".webhook_deliveries (subscription_id, event_id) WHERE NOT replay`,
    );
    await runner.query(
      `CREATE INDEX webhook_deliveries_lane ON "${schema}".webhook_deliveries (subscription_id, ticket_id, event_time, seq) WHERE status = 'pending'`,
    );
    await runner.query(`CREATE INDEX webhook_deliveries_log ON "${schema}".webhook_deliveries (subscription_id, status, seq)`);
    await runner.query(`
      CREATE TABLE "${schema}".webhook_delivery_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES "${schema}".webhook_deliveries(id) ON DELETE CASCADE,
        attempted_at timestamptz NOT NULL,
        status_code int,
        latency_ms int NOT NULL,
        error text
      )`);
    await runner.query(
      `CREATE INDEX webhook_delivery_attempts_delivery ON "${schema}".webhook_delivery_attempts (delivery_id, id)`,
    );
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".webhook_delivery_attempts`);
    await runner.query(`DROP TABLE "${schema}".webhook_deliveries`);
    await runner.query(`DROP TABLE "${schema}".webhook_subscriptions`);
  },
});
