import { schemaMigration } from '@switchboard/service-kit';

export const ApiKeys1764950400100 = schemaMigration('ApiKeys1764950400100', {
  async up(runner, schema) {
    await runner.query(`
      CREATE TABLE "${schema}".api_keys (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        prefix text NOT NULL,
        secret_sha256 text NOT NULL UNIQUE,
        previous_sha256 text,
        previous_valid_until timestamptz,
        scopes text[] NOT NULL,
        rate_per_second integer,
        rate_per_minute integer,
        status text NOT NULL,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        revoked_at timestamptz
      )`);
  },
  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".api_keys`);
  },
});
