import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { type Runnable, RunnableLambda } from '@langchain/core/runnables';
import type { LocalClassifier } from '../model-classifier.js';
import type { Classification, InquiryText } from '../rules-classifier.js';
import type { Taxonomy } from '../taxonomy.js';
import { hostedTriageRunnable } from './hosted-triage.runnable.js';

export type TriageRunnable = Runnable<InquiryText, Classification>;

export const TRIAGE_CLASSIFIER = Symbol('TRIAGE_CLASSIFIER');

export interface TriageClassifierOptions {
  local: LocalClassifier;
  taxonomy: Taxonomy;
  hosted?: { model: BaseChatModel; name: string; timeoutMs: number; structured?: boolean };
}

/**
 * The classifier the service runs, as one LangChain Runnable: the local model alone by default
 * (offline, in-process), or a hosted chat model that falls back to the local one on any error,
 * invalid answer or timeout.
 */
export function triageClassifier(options: TriageClassifierOptions): TriageRunnable {
  const local = RunnableLambda.from((input: InquiryText) => options.local.classify(input));
  if (!options.hosted) return local;
  const { model, name, timeoutMs, structured } = options.hosted;
  return hostedTriageRunnable(model, options.taxonomy, name, structured)
    .withConfig({ timeout: timeoutMs })
    .withFallbacks([local]);
}
