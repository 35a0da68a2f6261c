import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { TriageConfig } from '../config.js';
import { ModelRegistry } from '../learning/model-registry.js';
import { createChatModel } from './llm/chat-model.factory.js';
import { TRIAGE_CLASSIFIER, triageClassifier } from './llm/triage-classifier.js';

export const classifierProvider = {
  provide: TRIAGE_CLASSIFIER,
  useFactory: async (config: TriageConfig, registry: ModelRegistry) => {
    const hosted = await createChatModel(config.llm);
    return triageClassifier({
      // looked up per call, so switching the active version takes effect on the next inquiry
      local: {
        get version() {
          return registry.current.version;
        },
        classify: (inquiry) => registry.current.classify(inquiry),
      },
      taxonomy: registry.taxonomy,
      hosted: hosted && { ...hosted, timeoutMs: config.llm.timeoutMs },
    });
  },
  inject: [SERVICE_CONFIG, ModelRegistry],
};
