import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Label sets, their descriptions and the cue words of the rules classifier are configuration:
 * another product brings its own file (TRIAGE_TAXONOMY_FILE) without a code change.
 * Labels of a field are listed in rule order: the first label whose cues match wins.
 */
const labelRuleSchema = z.object({
  label: z.string().min(1),
  description: z.string(),
  cues: z.array(z.string()),
});

const fieldSchema = z.object({ labels: z.array(labelRuleSchema).min(1), fallback: z.string().min(1) });

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

export function loadTaxonomy(file: string | undefined, fallback: Taxonomy): Taxonomy {
  if (!file) return fallback;
  return taxonomySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
