import type { z } from 'zod';
import type { TopicName } from './topics.js';

export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  topic: TopicName;
  /** CloudEvents `type`, reverse-DNS and versioned like the topic. */
  type: string;
  schema: TSchema;
}

export type EventData<TDef extends EventDefinition> = z.infer<TDef['schema']>;

export function defineEvent<TSchema extends z.ZodType>(topic: TopicName, schema: TSchema): EventDefinition<TSchema> {
  return { topic, type: `com.switchboard.${topic.replace(/^support\./, '')}`, schema };
}
