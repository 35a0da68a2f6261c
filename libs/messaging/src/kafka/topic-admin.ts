import { qualifiedTopic, Topics } from '@switchboard/contracts';
import type { Kafka } from 'kafkajs';

/** Topics are created explicitly with configured partition counts; the broker never auto-creates. */
export async function ensureTopics(kafka: Kafka, namespace: string, partitions: number): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = Object.values(Topics).map((topic) => qualifiedTopic(namespace, topic));
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
