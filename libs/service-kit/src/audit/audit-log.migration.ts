import { schemaMigration } from '../database/database.js';

/**
 * Every service's schema gets the same audit table from this one migration, which ServiceKitModule
 * adds to each service's own list: written once, still an explicit, versioned migration.
 */
export const AuditLog1764950400000 = schemaMigration('AuditLog1764950400000', {
  async up(runner, schema) {
    await runner.query(`
      CREATE TABLE "${schema}".audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        key_id text NOT NULL,
        method text NOT NULL,
        route text NOT NULL,
        resource_id text,
        status integer NOT NULL,
        correlation_id text
      )`);
    await runner.query(`CREATE INDEX audit_log_at_idx ON "${schema}".audit_log (at DESC, id DESC)`);
    await runner.query(`CREATE INDEX audit_log_key_idx ON "${schema}".audit_log (key_id, at DESC)`);
  },
  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".audit_log`);
  },
});
