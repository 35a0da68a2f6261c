import { randomUUID } from 'node:crypto';
import { createDataSource, migrateDatabase } from '@switchboard/service-kit';
import { TEST_DATABASE_URL } from '@switchboard/testing';
import type { DataSource } from 'typeorm';
import type { TriageConfig } from '../src/config.js';
import type { ModelRegistry } from '../src/learning/model-registry.js';
import { ModelVersionRepository } from '../src/learning/model-version.repository.js';
import { ModelVersionsUseCase } from '../src/learning/model-versions.usecase.js';
import { TRIAGE_MIGRATIONS } from '../src/migrations/index.js';

const schema = `triage_pruning_${process.pid}`;
let db: DataSource;
let versions: ModelVersionRepository;

/** Five ready versions, oldest first, each with a stored model. */
async function trainedVersions(): Promise<string[]> {
  await db.query(`UPDATE "${schema}".model_settings SET active_version_id = NULL, shadow_version_id = NULL`);
  await db.query(`DELETE FROM "${schema}".model_versions`);
  const ids = Array.from({ length: 5 }, () => randomUUID());
  for (const [i, id] of ids.entries()) {
    await db.query(
      `INSERT INTO "${schema}".model_versions (id, status, model_version, model, holdout, trained_at)
       VALUES ($1, 'ready', $2, '{"weights":[]}', '{"urgency":{"accuracy":0.9,"macroF1":0.8}}', now() - make_interval(mins => $3))`,
      [id, `model-${i}`, 10 - i],
    );
  }
  return ids;
}

const stored = async (ids: string[]) => Promise.all(ids.map(async (id) => (await versions.find(id))?.modelStored));

beforeAll(async () => {
  db = createDataSource({
    url: TEST_DATABASE_URL,
    schema,
    entities: [],
    migrations: TRIAGE_MIGRATIONS,
    poolSize: 2,
  });
  await migrateDatabase(db, schema);
  versions = new ModelVersionRepository(db);
});

afterAll(async () => {
  await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.destroy();
});

describe('pruning stored triage models', () => {
  it('keeps the newest models and drops the rest, scores and rows included', async () => {
    const ids = await trainedVersions();
    expect(await versions.pruneModels(2)).toBe(3);
    expect(await stored(ids)).toEqual([false, false, false, true, true]);
    expect((await versions.find(ids[0]))?.holdout).toEqual({ urgency: { accuracy: 0.9, macroF1: 0.8 } });
    expect(await versions.pruneModels(2)).toBe(0);
  });

  it('never prunes the active or the shadow version, and refuses to activate a pruned one', async () => {
    const ids = await trainedVersions();
    await versions.setActive(ids[0]);
    await versions.setShadow(ids[1]);
    expect(await versions.pruneModels(1)).toBe(2);
    expect(await stored(ids)).toEqual([true, true, false, false, true]);
    const useCase = new ModelVersionsUseCase({ modelsKept: 1 } as TriageConfig, versions, {} as ModelRegistry);
    await expect(useCase.activate(ids[2])).rejects.toMatchObject({ code: 'TRIAGE.MODEL_VERSION_PRUNED', status: 409 });
  });
});
