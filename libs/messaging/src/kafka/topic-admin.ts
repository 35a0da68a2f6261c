import { COMPACTED_TOPICS, qualifiedTopic, type TopicName, Topics } from '@switchboard/contracts';
import type { Kafka } from 'kafkajs';

/** Topics are created explicitly with configured partition counts; the broker never auto-creates. */
export async function ensureTopics(kafka: Kafka, namespace: string, partitions: number): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = (Object.values(Topics) as TopicName[]).filter((topic) => !existing.has(qualifiedTopic(namespace, topic)));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: qualifiedTopic(namespace, topic),
          numPartitions: partitions,
          replicationFactor: 1,
          configEntries: COMPACTED_TOPICS.has(topic) ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
        })),
      });
    }
    return missing.map((topic) => qualifiedTopic(namespace, topic));
  } finally {
    await admin.disconnect();
  }
}
