import { DEFAULT_TOPIC_PARTITIONS } from '@switchboard/contracts';
import { createKafka, ensureTopics } from '@switchboard/messaging';

// `npm run topics:create`: every topic, created explicitly with the configured partition count.
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const namespace = process.env.TOPIC_NAMESPACE ?? '';
const partitions = Number(process.env.TOPIC_PARTITIONS ?? DEFAULT_TOPIC_PARTITIONS);
const created = await ensureTopics(createKafka({ brokers, clientId: 'switchboard-topics' }), namespace, partitions);
process.stdout.write(
  created.length > 0 ? `created ${created.length} topics with ${partitions} partitions\n` : 'all topics already exist\n',
);
