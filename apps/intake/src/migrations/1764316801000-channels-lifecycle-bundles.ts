import { schemaMigration } from '@switchboard/service-kit';

export const ChannelsLifecycleBundles1764316801000 = schemaMigration('ChannelsLifecycleBundles1764316801000', {
  async up(runner, schema) {
    await runner.query(`
      ALTER TABLE "${schema}".tickets
        ADD COLUMN lifecycle_status text NOT NULL DEFAULT 'open',
        ADD COLUMN reopen_count integer NOT NULL DEFAULT 0,
        ADD COLUMN merged_into uuid REFERENCES "${schema}".tickets(id),
        ADD COLUMN customer_identities text[] NOT NULL DEFAULT '{}',
        ADD COLUMN fingerprint text NOT NULL DEFAULT '',
        ADD COLUMN redactions jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await runner.query(
      `CREATE INDEX tickets_identities_idx ON "${schema}".tickets USING gin (customer_identities) WHERE merged_into IS NULL`,
    );
    // Deferred: the key is claimed first (that is the dedupe lock), the ticket row follows in the same transaction.
    await runner.query(`
      CREATE TABLE "${schema}".message_keys (
        key text PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES "${schema}".tickets(id) DEFERRABLE INITIALLY DEFERRED,
        request_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX message_keys_ticket_idx ON "${schema}".message_keys (ticket_id)`);
    await runner.query(`
      CREATE TABLE "${schema}".thread_keys (
        key text NOT NULL,
        ticket_id uuid NOT NULL REFERENCES "${schema}".tickets(id) DEFERRABLE INITIALLY DEFERRED,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key, ticket_id)
      )`);
    await runner.query(`
      CREATE TABLE "${schema}".ticket_messages (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES "${schema}".tickets(id) DEFERRABLE INITIALLY DEFERRED,
        channel text NOT NULL,
        external_id text,
        author text NOT NULL,
        body text NOT NULL,
        environment jsonb,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        redactions jsonb NOT NULL DEFAULT '{}'::jsonb,
        received_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX ticket_messages_ticket_idx ON "${schema}".ticket_messages (ticket_id, received_at)`);
    await runner.query(`
      CREATE TABLE "${schema}".support_bundles (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES "${schema}".tickets(id),
        filename text NOT NULL,
        format text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        redactions jsonb NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "${schema}".support_bundle_files (
        bundle_id uuid NOT NULL REFERENCES "${schema}".support_bundles(id) ON DELETE CASCADE,
        path text NOT NULL,
        size_bytes integer NOT NULL,
        content text,
        skipped text,
        redactions jsonb NOT NULL DEFAULT '{}'::jsonb,
        PRIMARY KEY (bundle_id, path)
      )`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".support_bundle_files`);
    await runner.query(`DROP TABLE "${schema}".support_bundles`);
    await runner.query(`DROP TABLE "${schema}".ticket_messages`);
    await runner.query(`DROP TABLE "${schema}".thread_keys`);
    await runner.query(`DROP TABLE "${schema}".message_keys`);
    await runner.query(`
      ALTER TABLE "${schema}".tickets
        DROP COLUMN redactions, DROP COLUMN fingerprint, DROP COLUMN customer_identities,
        DROP COLUMN merged_into, DROP COLUMN reopen_count, DROP COLUMN lifecycle_status`);
  },
});
