import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AllowedLabels } from '../model/triage-model.js';

/**
 * Label sets, their descriptions and the cue words of the rules classifier are configuration:
 * another product brings its own file (TRIAGE_TAXONOMY_FILE) without a code change.
 * Labels of a field are listed in rule order: the first label whose cues match wins.
 */
const labelRuleSchema = z.object({
  label: z.string().min(1).max(64),
  description: z.string(),
  cues: z.array(z.string()).default([]),
});

const fieldSchema = z
  .object({ labels: z.array(labelRuleSchema).min(1), fallback: z.string().min(1) })
  .refine((f) => f.labels.some((l) => l.label === f.fallback), { message: 'fallback must be one of the labels' })
  .refine((f) => new Set(f.labels.map((l) => l.label)).size === f.labels.length, { message: 'labels must be unique' });

export const taxonomySchema = z.object({
  product: z.string(),
  fields: z.object({
    urgency: fieldSchema,
    category: fieldSchema,
    complexity: fieldSchema,
    userType: fieldSchema,
    component: fieldSchema,
    sentiment: fieldSchema,
  }),
});

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type TriageField = keyof Taxonomy['fields'];
export const TRIAGE_FIELDS: TriageField[] = ['urgency', 'category', 'complexity', 'userType', 'component', 'sentiment'];

/** The Chat App taxonomy that ships with the service; the build copies it beside the compiled code. */
export const DEFAULT_TAXONOMY_FILE = fileURLToPath(new URL('../../data/taxonomy/chat-app.json', import.meta.url));

export function readTaxonomy(file: string): Taxonomy {
  const parsed = taxonomySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`taxonomy ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export function loadTaxonomy(file: string | undefined): Taxonomy {
  return readTaxonomy(file ?? DEFAULT_TAXONOMY_FILE);
}

/** What the model may learn and answer: each field's configured labels. */
export function labelSetsOf(taxonomy: Taxonomy): AllowedLabels {
  return Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, taxonomy.fields[f].labels.map((l) => l.label)]));
}

export function isLabelOf(taxonomy: Taxonomy, field: string, label: string): boolean {
  return (
    (TRIAGE_FIELDS as string[]).includes(field) && taxonomy.fields[field as TriageField].labels.some((l) => l.label === label)
  );
}
