import { schemaMigration } from '@switchboard/service-kit';

/** Each version's scores on the holdouts besides the main one: `[{ name, examples, fields }]`. */
export const AdditionalHoldouts1764576000000 = schemaMigration('AdditionalHoldouts1764576000000', {
  async up(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".model_versions ADD COLUMN additional_holdouts jsonb NOT NULL DEFAULT '[]'`);
  },

  async down(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".model_versions DROP COLUMN additional_holdouts`);
  },
});
