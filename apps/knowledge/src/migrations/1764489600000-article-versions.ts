import { schemaMigration } from '@switchboard/service-kit';

export const ArticleVersions1764489600000 = schemaMigration('ArticleVersions1764489600000', {
  async up(runner, schema) {
    await runner.query(`
      CREATE TABLE "${schema}".article_versions (
        article_id text NOT NULL REFERENCES "${schema}".articles(id),
        version integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        component text NOT NULL,
        product text NOT NULL,
        tags text[] NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, version)
      )`);
    await runner.query(`
      INSERT INTO "${schema}".article_versions (article_id, version, title, body, component, product, tags, status)
      SELECT id, version, title, body, component, product, tags, status FROM "${schema}".articles`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".article_versions`);
  },
});
