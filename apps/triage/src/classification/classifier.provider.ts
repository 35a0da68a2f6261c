import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { TriageConfig } from '../config.js';
import { chatAppTaxonomy } from './chat-app.taxonomy.js';
import { RulesClassifier } from './rules-classifier.js';
import { loadTaxonomy } from './taxonomy.js';

export const classifierProvider = {
  provide: RulesClassifier,
  useFactory: (config: TriageConfig) => new RulesClassifier(loadTaxonomy(config.taxonomyFile, chatAppTaxonomy)),
  inject: [SERVICE_CONFIG],
};
