import { schemaMigration } from '@switchboard/service-kit';

export const Teams1764403200000 = schemaMigration('Teams1764403200000', {
  async up(runner, schema) {
    await runner.query(`
      CREATE TABLE "${schema}".teams (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`ALTER TABLE "${schema}".agents ADD COLUMN team_id text REFERENCES "${schema}".teams(id)`);
    await runner.query(`ALTER TABLE "${schema}".ticket_routes ADD COLUMN language text`);
  },

  async down(runner, schema) {
    await runner.query(`ALTER TABLE "${schema}".ticket_routes DROP COLUMN language`);
    await runner.query(`ALTER TABLE "${schema}".agents DROP COLUMN team_id`);
    await runner.query(`DROP TABLE "${schema}".teams`);
  },
});
