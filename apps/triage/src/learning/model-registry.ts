import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { TriageConfig } from '../config.js';
import { type LocalClassifier, ModelClassifier } from '../classification/model-classifier.js';
import { RulesClassifier } from '../classification/rules-classifier.js';
import { loadTaxonomy, type Taxonomy } from '../classification/taxonomy.js';
import type { TriageModelJSON } from '../model/triage-model.js';
import { ModelVersionRepository } from './model-version.repository.js';

interface Loaded {
  versionId: string;
  classifier: ModelClassifier;
}

/**
 * Which model answers live traffic. Every instance polls the one settings row, so activating a
 * version (or a shadow) on one instance reaches all of them within one poll, without a restart.
 * No active version means the model the build shipped (or the rules, without one).
 */
@Injectable()
export class ModelRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly taxonomy: Taxonomy;
  private readonly shipped: LocalClassifier;
  private active: Loaded | undefined;
  private shadowModel: Loaded | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly logger = new Logger('ModelRegistry');

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: TriageConfig,
    private readonly versions: ModelVersionRepository,
  ) {
    this.taxonomy = loadTaxonomy(config.taxonomyFile);
    const model = ModelClassifier.fromFile(config.modelFile, this.taxonomy);
    if (!model) this.logger.warn(`no trained model at ${config.modelFile}; using the rules classifier`);
    this.shipped = model ?? new RulesClassifier(this.taxonomy);
  }

  /** The classifier of live traffic. */
  get current(): LocalClassifier {
    return this.active?.classifier ?? this.shipped;
  }

  /** The model the build shipped (or the rules, without one), whether or not it answers now. */
  get shippedModel(): LocalClassifier {
    return this.shipped;
  }

  get shadow(): Loaded | undefined {
    return this.shadowModel;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.versions.failAbandoned(60);
    await this.refresh();
    this.timer = setInterval(
      () => void this.refresh().catch((e: Error) => this.logger.warn(`refresh failed: ${e.message}`)),
      this.config.modelPollMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Reads the settings row and loads what changed; concurrent callers share one refresh. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const settings = await this.versions.settings();
    this.active = await this.loadVersion(settings.activeVersionId, this.active);
    this.shadowModel = await this.loadVersion(settings.shadowVersionId, this.shadowModel);
  }

  private async loadVersion(id: string | null, loaded: Loaded | undefined): Promise<Loaded | undefined> {
    if (!id) return undefined;
    if (loaded?.versionId === id) return loaded;
    const json = await this.versions.modelJson(id);
    if (!json) return undefined;
    const classifier = ModelClassifier.fromJSON(JSON.parse(json) as TriageModelJSON, this.taxonomy);
    this.logger.log(`loaded model version ${id} (${classifier.version})`);
    return { versionId: id, classifier };
  }
}
