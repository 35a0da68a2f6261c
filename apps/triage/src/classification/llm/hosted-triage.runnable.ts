import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { type Runnable, RunnableLambda } from '@langchain/core/runnables';
import { z } from 'zod';
import type { Classification, InquiryText } from '../rules-classifier.js';
import { TRIAGE_FIELDS, type Taxonomy, type TriageField } from '../taxonomy.js';

const SNAKE: Record<TriageField, string> = {
  urgency: 'urgency',
  category: 'category',
  complexity: 'complexity',
  userType: 'user_type',
  component: 'component',
  sentiment: 'sentiment',
};

/** The answer a hosted model must give: every field from the configured label sets, with confidences. */
function outputSchema(taxonomy: Taxonomy) {
  const field = (f: TriageField) =>
    z.object({
      label: z.enum(taxonomy.fields[f].labels.map((l) => l.label) as [string, ...string[]]),
      confidence: z.number().min(0).max(1),
    });
  return z.object({
    ...Object.fromEntries(TRIAGE_FIELDS.map((f) => [SNAKE[f], field(f)])),
    rationale: z.string().min(1),
  }) as unknown as z.ZodType<HostedAnswer>;
}

type HostedAnswer = { rationale: string } & Record<string, { label: string; confidence: number } | string>;

function systemPrompt(taxonomy: Taxonomy): string {
  const sections = TRIAGE_FIELDS.map((f) => {
    const labels = taxonomy.fields[f].labels.map((l) => `  - ${l.label}: ${l.description}`).join('\n');
    return `${SNAKE[f]} (apply the rules top to bottom, first that fits):\n${labels}`;
  }).join('\n\n');
  return [
    `You triage support inquiries for the product "${taxonomy.product}".`,
    'Classify the inquiry on every field below, each with a confidence between 0 and 1.',
    sections,
    'Answer with one JSON object only, no prose: {"urgency": {"label": ..., "confidence": ...}, ... every field ..., "rationale": "the signals you used"}.',
  ].join('\n\n');
}

/** Pulls the JSON object out of a reply that may wrap it in a code fence or a sentence. */
function extractJson(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw new Error('the model answered without a JSON object');
  return JSON.parse(text.slice(start, end + 1));
}

/**
 * A hosted chat model as a triage classifier. Uses the provider's structured output where the
 * model supports it, otherwise parses and validates a JSON reply; a label outside the configured
 * sets is an error, so the caller's fallback takes over rather than storing a made-up label.
 */
export function hostedTriageRunnable(
  model: BaseChatModel,
  taxonomy: Taxonomy,
  modelName: string,
  structured = false,
): Runnable<InquiryText, Classification> {
  const schema = outputSchema(taxonomy);
  const prompt = ChatPromptTemplate.fromMessages([
    ['system', systemPrompt(taxonomy).replaceAll('{', '{{').replaceAll('}', '}}')],
    ['human', 'Subject: {subject}\n\n{body}'],
  ]);
  // Structured output rides on the provider's tool calling; other models answer in JSON text.
  const answer: Runnable<InquiryText, unknown> = structured
    ? prompt.pipe(model.withStructuredOutput(schema))
    : prompt.pipe(model).pipe(new StringOutputParser()).pipe(RunnableLambda.from(extractJson));
  return answer.pipe(
    RunnableLambda.from((raw: unknown): Classification => {
      const parsed = schema.parse(raw);
      const fields = Object.fromEntries(
        TRIAGE_FIELDS.map((f) => {
          const value = parsed[SNAKE[f]] as { label: string; confidence: number };
          return [f, { label: value.label, confidence: value.confidence, signals: [] }];
        }),
      ) as unknown as Record<TriageField, Classification['urgency']>;
      return {
        ...fields,
        confidence: Math.min(...TRIAGE_FIELDS.map((f) => fields[f].confidence)),
        rationale: parsed.rationale,
        modelVersion: `hosted:${modelName}`,
      };
    }),
  );
}
