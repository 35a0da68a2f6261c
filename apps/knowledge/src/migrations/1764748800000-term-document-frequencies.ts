import { schemaMigration } from '@switchboard/service-kit';

/**
 * A snapshot of each lexeme's document frequency. A search reads the postings of its selective
 * terms in full and looks the common ones up only for its candidates, so it needs to know which
 * is which before reading any: counting a common term's postings is the very cost being avoided.
 * The service refreshes the snapshot after articles change; a stale row only makes a search slower.
 */
export const TermDocumentFrequencies1764748800000 = schemaMigration('TermDocumentFrequencies1764748800000', {
  async up(runner, schema) {
    const s = `"${schema}"`;
    await runner.query(`CREATE TABLE ${s}.term_frequencies (lexeme text PRIMARY KEY, df integer NOT NULL)`);
    await runner.query(
      `INSERT INTO ${s}.term_frequencies (lexeme, df) SELECT lexeme, count(*) FROM ${s}.article_terms GROUP BY lexeme`,
    );
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".term_frequencies`);
  },
});
