import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LabelledInquiry, readDataset } from './dataset.js';

/** The labelled set that ships with the project; the build copies it beside the compiled code. */
export const SHIPPED_TRAINING_DIR = fileURLToPath(new URL('../../data/train/', import.meta.url));

/** The shipped held-out set: never trained on; every retrained version is scored on it. */
export const DEFAULT_HOLDOUT_FILE = fileURLToPath(new URL('../../data/holdout/holdout.jsonl', import.meta.url));

/** Held-out sets by other writers, scored and published beside the main one. */
export const DEFAULT_ADDITIONAL_HOLDOUT_FILES = [fileURLToPath(new URL('../../data/holdout/holdout-b.jsonl', import.meta.url))];

/** `TRIAGE_ADDITIONAL_HOLDOUT_FILES`: comma-separated paths, empty for none, unset for the shipped ones. */
export function additionalHoldoutFiles(setting: string | undefined): string[] {
  if (setting === undefined) return DEFAULT_ADDITIONAL_HOLDOUT_FILES;
  return setting
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

/** Where the build stores the default model trained from the shipped set (not committed). */
export const DEFAULT_MODEL_FILE = fileURLToPath(new URL('../../model-store/default-model.json', import.meta.url));

export function readShippedTrainingSet(dir: string = SHIPPED_TRAINING_DIR): LabelledInquiry[] {
  if (!existsSync(dir)) throw new Error(`no training data in ${dir}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readDataset(join(dir, f), { format: 'jsonl' }));
}
