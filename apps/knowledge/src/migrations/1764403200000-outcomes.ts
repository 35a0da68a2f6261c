import { schemaMigration } from '@switchboard/service-kit';

export const Outcomes1764403200000 = schemaMigration('Outcomes1764403200000', {
  async up(runner, schema) {
    await runner.query(`
      CREATE TABLE "${schema}".article_stats (
        article_id text PRIMARY KEY REFERENCES "${schema}".articles(id),
        suggested integer NOT NULL DEFAULT 0,
        helpful integer NOT NULL DEFAULT 0,
        not_helpful integer NOT NULL DEFAULT 0,
        self_served integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`ALTER TABLE "${schema}".articles ADD COLUMN source_ticket_id uuid`);
  },

  async down(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".articles DROP COLUMN source_ticket_id`);
    await runner.query(`DROP TABLE "${schema}".article_stats`);
  },
});
