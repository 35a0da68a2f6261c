import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface FieldScore {
  accuracy: number;
  macroF1: number;
}

export interface AdditionalHoldoutScores {
  name: string;
  examples: number;
  fields: Record<string, FieldScore>;
}

export interface ModelVersionRow {
  id: string;
  status: 'training' | 'ready' | 'failed';
  modelVersion: string | null;
  trainingExamples: number;
  learntExamples: number;
  droppedLabels: Record<string, number>;
  holdout: Record<string, FieldScore> | null;
  additionalHoldouts: AdditionalHoldoutScores[];
  error: string | null;
  /** false once the model itself was pruned: its scores stay, it can no longer be activated */
  modelStored: boolean;
  createdAt: string;
  trainedAt: string | null;
}

export interface ModelSettings {
  activeVersionId: string | null;
  shadowVersionId: string | null;
}

export interface LearntExample {
  ticketId: string;
  subject: string;
  body: string;
  labels: Record<string, string>;
}

const VERSION_COLUMNS = `id, status, model_version AS "modelVersion", training_examples AS "trainingExamples",
  learnt_examples AS "learntExamples", dropped_labels AS "droppedLabels", holdout,
  additional_holdouts AS "additionalHoldouts", error, model IS NOT NULL AS "modelStored",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(trained_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "trainedAt"`;

/** Model versions, the active/shadow settings, learnt examples and shadow comparisons in triage's schema. */
@Injectable()
export class ModelVersionRepository {
  private readonly schema: string;

  constructor(private readonly dataSource: DataSource) {
    this.schema = (dataSource.options as { schema: string }).schema;
  }

  private table(name: string): string {
    return `"${this.schema}".${name}`;
  }

  async startTraining(id: string): Promise<ModelVersionRow> {
    await this.dataSource.query(`INSERT INTO ${this.table('model_versions')} (id, status) VALUES ($1, 'training')`, [id]);
    const row = await this.find(id);
    if (!row) throw new Error(`model version ${id} vanished after insert`);
    return row;
  }

  async finishTraining(
    id: string,
    done: {
      modelVersion: string;
      model: string;
      trainingExamples: number;
      learntExamples: number;
      droppedLabels: Record<string, number>;
      holdout: Record<string, FieldScore>;
      additionalHoldouts: AdditionalHoldoutScores[];
    },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table('model_versions')} SET status = 'ready', model_version = $2, model = $3, training_examples = $4,
         learnt_examples = $5, dropped_labels = $6, holdout = $7, additional_holdouts = $8, trained_at = now()
       WHERE id = $1`,
      [
        id,
        done.modelVersion,
        done.model,
        done.trainingExamples,
        done.learntExamples,
        JSON.stringify(done.droppedLabels),
        JSON.stringify(done.holdout),
        JSON.stringify(done.additionalHoldouts),
      ],
    );
  }

  /**
   * Drops the model (about 10 MB of JSON) of every ready version but the `keep` newest, the active
   * and the shadow one; their rows and scores stay. Returns how many were pruned.
   */
  async pruneModels(keep: number): Promise<number> {
    const [row] = await this.dataSource.query(
      `WITH pruned AS (UPDATE ${this.table('model_versions')} v SET model = NULL
        WHERE v.status = 'ready' AND v.model IS NOT NULL
          AND v.id NOT IN (SELECT id FROM ${this.table('model_versions')} WHERE status = 'ready'
                            ORDER BY trained_at DESC NULLS LAST, id DESC LIMIT $1)
          AND v.id NOT IN (SELECT kept FROM ${this.table('model_settings')} s,
                                  unnest(ARRAY[s.active_version_id, s.shadow_version_id]) AS kept
                            WHERE s.id = 1 AND kept IS NOT NULL)
        RETURNING v.id)
       SELECT count(*)::int AS pruned FROM pruned`,
      [keep],
    );
    return row.pruned as number;
  }

  async failTraining(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.table('model_versions')} SET status = 'failed', error = $2 WHERE id = $1`, [
      id,
      error.slice(0, 2000),
    ]);
  }

  /** A training that was running when its instance stopped will never finish. */
  async failAbandoned(olderThanMinutes: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table('model_versions')} SET status = 'failed', error = 'abandoned: the instance training it stopped'
        WHERE status = 'training' AND created_at < now() - make_interval(mins => $1)`,
      [olderThanMinutes],
    );
  }

  async find(id: string): Promise<ModelVersionRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const rows = (await this.dataSource.query(`SELECT ${VERSION_COLUMNS} FROM ${this.table('model_versions')} WHERE id = $1`, [
      id,
    ])) as ModelVersionRow[];
    return rows[0];
  }

  /** The newest version that trained into this model version (retraining on the same data gives the same name). */
  async findByModelVersion(modelVersion: string): Promise<ModelVersionRow | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM ${this.table('model_versions')} WHERE model_version = $1 ORDER BY created_at DESC LIMIT 1`,
      [modelVersion],
    )) as ModelVersionRow[];
    return rows[0];
  }

  async list(): Promise<ModelVersionRow[]> {
    return (await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM ${this.table('model_versions')} ORDER BY created_at DESC, id`,
    )) as ModelVersionRow[];
  }

  async modelJson(id: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT model FROM ${this.table('model_versions')} WHERE id = $1 AND status = 'ready'`,
      [id],
    )) as { model: string }[];
    return rows[0]?.model;
  }

  async settings(): Promise<ModelSettings> {
    const rows = (await this.dataSource.query(
      `SELECT active_version_id AS "activeVersionId", shadow_version_id AS "shadowVersionId" FROM ${this.table('model_settings')} WHERE id = 1`,
    )) as ModelSettings[];
    return rows[0] ?? { activeVersionId: null, shadowVersionId: null };
  }

  async setActive(id: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table('model_settings')} SET active_version_id = $1, updated_at = now() WHERE id = 1`,
      [id],
    );
  }

  async setShadow(id: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table('model_settings')} SET shadow_version_id = $1, updated_at = now() WHERE id = 1`,
      [id],
    );
  }

  async learntExamples(): Promise<LearntExample[]> {
    return (await this.dataSource.query(
      `SELECT ticket_id AS "ticketId", subject, body, labels FROM ${this.table('training_examples')} ORDER BY ticket_id`,
    )) as LearntExample[];
  }

  /** A correction always wins over a resolution's labels; a later correction over an earlier one. */
  async learn(manager: EntityManager, source: 'correction' | 'resolved', example: LearntExample): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table('training_examples')} (ticket_id, source, subject, body, labels) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id) DO UPDATE SET source = EXCLUDED.source, labels = EXCLUDED.labels, updated_at = now()
       WHERE ${this.table('training_examples')}.source = 'resolved' OR EXCLUDED.source = 'correction'`,
      [example.ticketId, source, example.subject, example.body, JSON.stringify(example.labels)],
    );
  }

  async recordShadow(
    manager: EntityManager,
    row: { ticketId: string; shadowVersionId: string; activeModelVersion: string; agreement: Record<string, boolean> },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table('shadow_comparisons')} (ticket_id, shadow_version_id, active_model_version, agreement)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [row.ticketId, row.shadowVersionId, row.activeModelVersion, JSON.stringify(row.agreement)],
    );
  }

  async shadowAgreement(shadowVersionId: string): Promise<{ compared: number; agreement: Record<string, number> }> {
    const rows = (await this.dataSource.query(
      `SELECT f.key AS field, count(*)::int AS n, sum(CASE WHEN f.value = 'true'::jsonb THEN 1 ELSE 0 END)::int AS agreed
         FROM ${this.table('shadow_comparisons')} s, jsonb_each(s.agreement) f
        WHERE s.shadow_version_id = $1 GROUP BY f.key ORDER BY f.key`,
      [shadowVersionId],
    )) as { field: string; n: number; agreed: number }[];
    const compared = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${this.table('shadow_comparisons')} WHERE shadow_version_id = $1`,
      [shadowVersionId],
    )) as { n: number }[];
    return {
      compared: compared[0]?.n ?? 0,
      agreement: Object.fromEntries(rows.map((r) => [r.field, Math.round((r.agreed / r.n) * 10000) / 10000])),
    };
  }
}
