import type { QueryRunner } from 'typeorm';

/**
 * The outbox and inbox live in each service's own schema, so a state change, the events it
 * emits and the record of the event that caused it commit in one transaction.
 * Called from each service's first migration; the table shapes are defined only here.
 */
export async function createMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE TABLE "${schema}".outbox (
      seq bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      message_key text NOT NULL,
      payload jsonb NOT NULL,
      headers jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await runner.query(`
    CREATE TABLE "${schema}".inbox (
      consumer_group text NOT NULL,
      event_id uuid NOT NULL,
      topic text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_group, event_id)
    )`);
}

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE IF EXISTS "${schema}".inbox`);
  await runner.query(`DROP TABLE IF EXISTS "${schema}".outbox`);
}
