import { schemaMigration } from '@switchboard/service-kit';

export const Guidance1764316800000 = schemaMigration('Guidance1764316800000', {
  async up(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".triage_results ADD COLUMN guidance jsonb`);
  },

  async down(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".triage_results DROP COLUMN guidance`);
  },
});
