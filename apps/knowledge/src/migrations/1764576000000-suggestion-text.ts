import { schemaMigration } from '@switchboard/service-kit';

export const SuggestionText1764576000000 = schemaMigration('SuggestionText1764576000000', {
  async up(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".suggestions ADD COLUMN text text, ADD COLUMN component text`);
  },

  async down(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".suggestions DROP COLUMN text, DROP COLUMN component`);
  },
});
