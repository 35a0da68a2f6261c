import { schemaMigration } from '@switchboard/service-kit';

/** Review queue, corrections, learnt examples, model versions and shadow comparisons. */
export const ReviewAndLearning1764403200000 = schemaMigration('ReviewAndLearning1764403200000', {
  async up(runner, schema) {
    // the inquiry text, so a resolved ticket can become a training example
    await runner.query(`ALTER TABLE "${schema}".triage_results ADD COLUMN subject text, ADD COLUMN body text`);
    await runner.query(`
      CREATE TABLE "${schema}".triage_reviews (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'corrected')),
        holds_triage boolean NOT NULL,
        fields jsonb NOT NULL,
        labels jsonb NOT NULL,
        triaged jsonb NOT NULL,
        correlation_id text NOT NULL,
        model_version text NOT NULL,
        reviewer text,
        created_at timestamptz NOT NULL DEFAULT now(),
        reviewed_at timestamptz
      )`);
    await runner.query(`CREATE INDEX triage_reviews_pending ON "${schema}".triage_reviews (status, created_at)`);
    await runner.query(`
      CREATE TABLE "${schema}".triage_corrections (
        id uuid PRIMARY KEY,
        review_id uuid NOT NULL REFERENCES "${schema}".triage_reviews (id),
        ticket_id uuid NOT NULL,
        reviewer text NOT NULL,
        changes jsonb NOT NULL,
        labels jsonb NOT NULL,
        supersedes_triaged boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "${schema}".training_examples (
        ticket_id uuid PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('correction', 'resolved')),
        subject text NOT NULL,
        body text NOT NULL,
        labels jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "${schema}".model_versions (
        id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('training', 'ready', 'failed')),
        model_version text,
        model text,
        training_examples integer NOT NULL DEFAULT 0,
        learnt_examples integer NOT NULL DEFAULT 0,
        dropped_labels jsonb NOT NULL DEFAULT '{}',
        holdout jsonb,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        trained_at timestamptz
      )`);
    // one row: which stored version answers live traffic and which one shadows it (null = the shipped model / none)
    await runner.query(`
      CREATE TABLE "${schema}".model_settings (
        id smallint PRIMARY KEY CHECK (id = 1),
        active_version_id uuid REFERENCES "${schema}".model_versions (id),
        shadow_version_id uuid REFERENCES "${schema}".model_versions (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`INSERT INTO "${schema}".model_settings (id) VALUES (1)`);
    await runner.query(`
      CREATE TABLE "${schema}".shadow_comparisons (
        ticket_id uuid NOT NULL,
        shadow_version_id uuid NOT NULL REFERENCES "${schema}".model_versions (id),
        active_model_version text NOT NULL,
        agreement jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shadow_version_id, ticket_id)
      )`);
  },

  async down(runner, schema) {
    await runner.query(`DROP TABLE "${schema}".shadow_comparisons`);
    await runner.query(`DROP TABLE "${schema}".model_settings`);
    await runner.query(`DROP TABLE "${schema}".model_versions`);
    await runner.query(`DROP TABLE "${schema}".training_examples`);
    await runner.query(`DROP TABLE "${schema}".triage_corrections`);
    await runner.query(`DROP TABLE "${schema}".triage_reviews`);
    await runner.query(`ALTER TABLE "${schema}".triage_results DROP COLUMN subject, DROP COLUMN body`);
  },
});
