import { createMessagingTables, dropMessagingTables } from '@switchboard/messaging';
import { schemaMigration } from '@switchboard/service-kit';

export const Initial1764230400000 = schemaMigration('Initial1764230400000', {
  async up(runner, schema) {
    await createMessagingTables(runner, schema);
    await runner.query(`
      CREATE TABLE "${schema}".articles (
        id text PRIMARY KEY,
        title text NOT NULL,
        body text NOT NULL,
        component text NOT NULL,
        product text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'published',
        version integer NOT NULL DEFAULT 1,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
        ) STORED,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX articles_search_idx ON "${schema}".articles USING GIN (search)`);
    await runner.query(`
      CREATE TABLE "${schema}".suggestions (
        ticket_id uuid PRIMARY KEY,
        query text NOT NULL,
        article_ids text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".suggestions`);
    await runner.query(`DROP TABLE "${schema}".articles`);
    await dropMessagingTables(runner, schema);
  },
});
