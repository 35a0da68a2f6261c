export type ResolutionPathway = 'self-service' | 'agent-guided' | 'engineering' | 'product-feedback' | 'documentation';

export interface TriageGuidance {
  pathway: ResolutionPathway;
  expertise: string[];
  estimatedResolutionHours: number;
}

const HOURS_BY_COMPLEXITY: Record<string, number> = { simple: 2, moderate: 8, complex: 24, architectural: 72 };

/**
 * What to do with a classified inquiry, following the SOP: feature ideas go to product, doc
 * remarks to the docs owners, simple low-stakes questions to self-service, defects and deep
 * problems to engineering, the rest to an agent. Derived from the labels, whatever model made them.
 */
export function guidanceFor(labels: {
  urgency: string;
  category: string;
  complexity: string;
  component: string;
}): TriageGuidance {
  const { urgency, category, complexity, component } = labels;
  const pathway: ResolutionPathway =
    category === 'feature'
      ? 'product-feedback'
      : category === 'documentation'
        ? 'documentation'
        : complexity === 'simple' && (urgency === 'low' || urgency === 'medium')
          ? 'self-service'
          : category === 'bug' || complexity === 'complex' || complexity === 'architectural'
            ? 'engineering'
            : 'agent-guided';
  const expertise = [component];
  if (urgency === 'critical') expertise.push('incident-response');
  if (complexity === 'architectural') expertise.push('architecture');
  const hours = HOURS_BY_COMPLEXITY[complexity] ?? 8;
  return { pathway, expertise, estimatedResolutionHours: urgency === 'critical' ? Math.max(1, hours / 2) : hours };
}
