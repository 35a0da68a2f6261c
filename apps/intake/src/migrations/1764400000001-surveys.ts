import { schemaMigration } from '@switchboard/service-kit';

export const Surveys1764400000001 = schemaMigration('Surveys1764400000001', {
  async up(runner, schema) {
    // One survey per resolution (a reopened and re-resolved ticket is asked again). The ticket's
    // channel, tier and service level are copied so aggregates need no join on a changing view.
    await runner.query(`
      CREATE TABLE "${schema}".surveys (
        id uuid PRIMARY KEY,
        token text NOT NULL UNIQUE,
        resolution_event_id uuid NOT NULL UNIQUE,
        ticket_id uuid NOT NULL,
        customer_id text NOT NULL,
        channel text NOT NULL,
        service_level text,
        tier text,
        correlation_id text NOT NULL,
        questions text[] NOT NULL,
        resolved_at timestamptz NOT NULL,
        sent_count int NOT NULL DEFAULT 0,
        next_send_at timestamptz,
        first_sent_at timestamptz,
        last_sent_at timestamptz,
        responded_at timestamptz,
        csat int CHECK (csat BETWEEN 1 AND 5),
        nps int CHECK (nps BETWEEN 0 AND 10),
        comment text,
        follow_up boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX surveys_due ON "${schema}".surveys (next_send_at) WHERE responded_at IS NULL AND next_send_at IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX surveys_ticket ON "${schema}".surveys (ticket_id)`);
    await runner.query(`CREATE INDEX surveys_resolved ON "${schema}".surveys (resolved_at)`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".surveys`);
  },
});
