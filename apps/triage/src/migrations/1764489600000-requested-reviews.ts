import { schemaMigration } from '@switchboard/service-kit';

/**
 * A person may ask for a review of a triage the model was sure of. Such a review never holds the
 * triage (it already went out), so it has no held `inquiry triaged` to keep; it names who asked.
 */
export const RequestedReviews1764489600000 = schemaMigration('RequestedReviews1764489600000', {
  async up(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".triage_reviews ALTER COLUMN triaged DROP NOT NULL, ADD COLUMN requested_by text`);
  },

  async down(runner, schema) {
    await runner.query(`DELETE FROM "${schema}".triage_corrections c USING "${schema}".triage_reviews r
                         WHERE c.review_id = r.id AND r.triaged IS NULL`);
    await runner.query(`DELETE FROM "${schema}".triage_reviews WHERE triaged IS NULL`);
    await runner.query(`ALTER TABLE "${schema}".triage_reviews DROP COLUMN requested_by, ALTER COLUMN triaged SET NOT NULL`);
  },
});
