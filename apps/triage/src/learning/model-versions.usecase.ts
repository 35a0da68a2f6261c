import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { conflict, notFound, SERVICE_CONFIG } from '@switchboard/service-kit';
import type { TriageConfig } from '../config.js';
import { labelSetsOf } from '../classification/taxonomy.js';
import { ModelRegistry } from './model-registry.js';
import { ModelVersionRepository, type ModelVersionRow } from './model-version.repository.js';
import { runTraining } from './training-runner.js';

export type ModelVersionView = ModelVersionRow & { active: boolean; shadow: boolean };

/** Retraining, the version list, switching the active version and the shadow. */
@Injectable()
export class ModelVersionsUseCase implements OnApplicationShutdown {
  private readonly logger = new Logger('Retrain');
  /** trainings started by this instance, so tests and shutdown can wait for them */
  readonly running = new Map<string, Promise<void>>();

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: TriageConfig,
    private readonly versions: ModelVersionRepository,
    private readonly registry: ModelRegistry,
  ) {}

  /** Stores a `training` version and trains it off the request path; the caller polls the version. */
  async retrain(): Promise<ModelVersionView> {
    const id = randomUUID();
    const row = await this.versions.startTraining(id);
    const learnt = await this.versions.learntExamples();
    const training = runTraining({
      trainingDir: this.config.trainingDir,
      holdoutFile: this.config.holdoutFile,
      additionalHoldoutFiles: this.config.additionalHoldoutFiles,
      learnt,
      labelSets: labelSetsOf(this.registry.taxonomy),
      threads: this.config.trainingThreads,
    })
      .then(async (trained) => {
        await this.versions.finishTraining(id, trained);
        const pruned = await this.versions.pruneModels(this.config.modelsKept);
        if (pruned > 0)
          this.logger.log(`pruned the models of ${pruned} older versions (TRIAGE_MODELS_KEPT=${this.config.modelsKept})`);
        this.logger.log(
          `version ${id} (${trained.modelVersion}) trained on ${trained.trainingExamples} examples on ${this.config.trainingThreads} thread(s): ${JSON.stringify(trained.holdout)}`,
        );
      })
      .catch(async (error: Error) => {
        this.logger.error(`version ${id} failed: ${error.message}`);
        await this.versions.failTraining(id, error.message).catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, training);
    return this.view(row);
  }

  /** Trainings cut short by a shutdown will never finish: say so rather than leave them `training`. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.running.keys()].map((id) =>
        this.versions.failTraining(id, 'the service stopped while training').catch(() => undefined),
      ),
    );
  }

  async list(): Promise<ModelVersionView[]> {
    const settings = await this.versions.settings();
    return (await this.versions.list()).map((row) => ({
      ...row,
      active: row.id === settings.activeVersionId,
      shadow: row.id === settings.shadowVersionId,
    }));
  }

  async get(id: string): Promise<ModelVersionView> {
    return this.view(await this.ready(id, false));
  }

  /** `null` goes back to the model the build shipped; the answer names the version now answering. */
  async activate(id: string | null): Promise<{ id: string | null; modelVersion: string | null; active: true }> {
    if (id) await this.ready(id);
    await this.versions.setActive(id);
    await this.registry.refresh();
    if (id) {
      const version = await this.get(id);
      return { ...version, active: true };
    }
    return { id: null, modelVersion: this.registry.current.version, active: true };
  }

  async setShadow(id: string | null) {
    if (id) await this.ready(id);
    await this.versions.setShadow(id);
    await this.registry.refresh();
    return this.shadowReport(id ?? undefined);
  }

  async shadowReport(id?: string) {
    const versionId = id ?? (await this.versions.settings()).shadowVersionId;
    if (!versionId) return { shadowVersionId: null, shadowModelVersion: null, compared: 0, agreement: {} };
    const version = await this.ready(versionId, false);
    return {
      shadowVersionId: versionId,
      shadowModelVersion: version.modelVersion,
      ...(await this.versions.shadowAgreement(versionId)),
    };
  }

  private async ready(id: string, mustBeReady = true): Promise<ModelVersionRow> {
    const row = await this.versions.find(id);
    if (!row) throw notFound('TRIAGE.MODEL_VERSION_NOT_FOUND', `no model version ${id}`);
    if (mustBeReady && row.status !== 'ready')
      throw conflict('TRIAGE.MODEL_VERSION_NOT_READY', `model version ${id} is ${row.status}`);
    if (mustBeReady && !row.modelStored)
      throw conflict('TRIAGE.MODEL_VERSION_PRUNED', `model version ${id} was pruned (only its scores are kept)`);
    return row;
  }

  private async view(row: ModelVersionRow): Promise<ModelVersionView> {
    const settings = await this.versions.settings();
    return { ...row, active: row.id === settings.activeVersionId, shadow: row.id === settings.shadowVersionId };
  }
}
