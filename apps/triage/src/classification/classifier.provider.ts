import { Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { TriageConfig } from '../config.js';
import { chatAppTaxonomy } from './chat-app.taxonomy.js';
import { createChatModel } from './llm/chat-model.factory.js';
import { TRIAGE_CLASSIFIER, triageClassifier } from './llm/triage-classifier.js';
import { ModelClassifier } from './model-classifier.js';
import { RulesClassifier } from './rules-classifier.js';
import { loadTaxonomy } from './taxonomy.js';

export const classifierProvider = {
  provide: TRIAGE_CLASSIFIER,
  useFactory: async (config: TriageConfig) => {
    const taxonomy = loadTaxonomy(config.taxonomyFile, chatAppTaxonomy);
    const hosted = await createChatModel(config.llm);
    const model = ModelClassifier.fromFile(config.modelFile);
    if (!model) new Logger('Triage').warn(`no trained model at ${config.modelFile}; using the rules classifier`);
    return triageClassifier({
      local: model ?? new RulesClassifier(taxonomy),
      taxonomy,
      hosted: hosted && { ...hosted, timeoutMs: config.llm.timeoutMs },
    });
  },
  inject: [SERVICE_CONFIG],
};
