import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@switchboard/contracts';
import type { EventTaps } from '@switchboard/messaging';
import { createDataSource, migrateDatabase, type ServiceConfig } from '@switchboard/service-kit';
import { TEST_DATABASE_URL } from '@switchboard/testing';
import type { DataSource } from 'typeorm';
import { DeliveryRepository } from '../src/integrators/deliveries/delivery.repository.js';
import type { WebhookConfig } from '../src/integrators/webhook-config.js';
import { Initial1764230400000 } from '../src/migrations/1764230400000-initial.js';
import { ChannelsLifecycleBundles1764316801000 } from '../src/migrations/1764316801000-channels-lifecycle-bundles.js';
import { Webhooks1764400000000 } from '../src/migrations/1764400000000-webhooks.js';
import { WebhookPredecessors1765036800000 } from '../src/migrations/1765036800000-webhook-predecessors.js';

// A delivery whose cause is still unconsumed waits at most WEBHOOK_CAUSAL_HOLD_MS. While intake is
// down nothing is consumed, so the wait must count from the tap's rejoin, not from when the
// effect was recorded: otherwise an effect recorded just before a crash leaves before its cause.
const schema = `intake_hold_${process.pid}`;
const consumerGroup = 'intake';
let db: DataSource;
let joinedAt: Date | undefined;
let deliveries: DeliveryRepository;
let subscriptionId: string;

const taps = { consumingSince: () => joinedAt } as unknown as EventTaps;
const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);

beforeAll(async () => {
  db = createDataSource({
    url: TEST_DATABASE_URL,
    schema,
    entities: [],
    migrations: [
      Initial1764230400000,
      ChannelsLifecycleBundles1764316801000,
      Webhooks1764400000000,
      WebhookPredecessors1765036800000,
    ],
    poolSize: 2,
  });
  await migrateDatabase(db, schema);
  const service = { database: { schema }, kafka: { consumerGroup } } as unknown as ServiceConfig;
  const webhooks = { WEBHOOK_CAUSAL_HOLD_MS: 10_000, WEBHOOK_ORDER_SETTLE_MS: 1_000 } as WebhookConfig;
  deliveries = new DeliveryRepository(service, webhooks, taps);
  subscriptionId = randomUUID();
  await db.query(
    `INSERT INTO "${schema}".webhook_subscriptions (id, name, url, event_types, secret, status)
     VALUES ($1, 'all', 'http://127.0.0.1:9/hook', '{*}', 'whsec_test', 'active')`,
    [subscriptionId],
  );
});

afterAll(async () => {
  await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.destroy();
});

/** An effect recorded a minute ago (before the outage), whose cause has not been consumed. */
async function effectRecordedBeforeTheOutage(): Promise<{ deliveryId: string; causeId: string }> {
  const causeId = randomUUID();
  const envelope = {
    id: randomUUID(),
    type: 'com.switchboard.inquiry.triaged.v1',
    time: secondsAgo(60).toISOString(),
    causationId: causeId,
  } as unknown as EventEnvelope;
  const [armed] = await deliveries.insert(db.manager, [
    { id: randomUUID(), subscriptionId, envelope, ticketId: randomUUID(), replay: false },
  ]);
  await db.query(`UPDATE "${schema}".webhook_deliveries SET created_at = $2 WHERE id = $1`, [armed.id, secondsAgo(60)]);
  return { deliveryId: armed.id, causeId };
}

describe('the causal hold of a webhook delivery across an intake outage', () => {
  it('holds an effect until its cause is consumed, counting the hold from the tap rejoining', async () => {
    const { deliveryId, causeId } = await effectRecordedBeforeTheOutage();
    const held = async () => (await deliveries.state(db.manager, deliveryId))?.held;

    joinedAt = undefined; // back up, not yet consuming
    expect(await held()).toBe(true);
    joinedAt = secondsAgo(2); // consuming again for 2 s: the cause may still be queued
    expect(await held()).toBe(true);
    expect(await deliveries.claim(db.manager, deliveryId, 30_000)).toBeUndefined();

    await db.query(`INSERT INTO "${schema}".inbox (consumer_group, event_id, topic) VALUES ($1, $2, 'test')`, [
      `${consumerGroup}-webhooks`,
      causeId,
    ]);
    expect(await held()).toBe(false);
  });

  it('lets the effect go once the tap has consumed for longer than the hold without its cause', async () => {
    const { deliveryId } = await effectRecordedBeforeTheOutage();
    joinedAt = secondsAgo(30);
    expect((await deliveries.state(db.manager, deliveryId))?.held).toBe(false);
    expect(await deliveries.claim(db.manager, deliveryId, 30_000)).toMatchObject({ id: deliveryId });
  });
});

describe('the order of sibling events read from different topics', () => {
  const consumed = (eventId: string) =>
    db.query(`INSERT INTO "${schema}".inbox (consumer_group, event_id, topic) VALUES ($1, $2, 'test')`, [
      `${consumerGroup}-webhooks`,
      eventId,
    ]);

  it('holds an event until the sibling emitted just before it is consumed, then releases it', async () => {
    joinedAt = secondsAgo(60);
    const causeId = randomUUID();
    const siblingId = randomUUID();
    await consumed(causeId);
    const envelope = {
      id: randomUUID(),
      type: 'com.switchboard.triage.review-requested.v1',
      time: secondsAgo(5).toISOString(),
      causationId: causeId,
      precededBy: siblingId,
    } as unknown as EventEnvelope;
    const [armed] = await deliveries.insert(db.manager, [
      { id: randomUUID(), subscriptionId, envelope, ticketId: randomUUID(), replay: false },
    ]);
    const held = async () => (await deliveries.state(db.manager, armed.id))?.held;

    // the cause is in, the settle window is over: only the unconsumed sibling holds it
    expect(await held()).toBe(true);
    expect(await deliveries.claim(db.manager, armed.id, 30_000)).toBeUndefined();
    await consumed(siblingId);
    expect(await held()).toBe(false);
  });

  it('does not hold a replay for its sibling: replays are history read in time order', async () => {
    joinedAt = secondsAgo(60);
    const envelope = {
      id: randomUUID(),
      type: 'com.switchboard.triage.review-requested.v1',
      time: secondsAgo(5).toISOString(),
      causationId: null,
      precededBy: randomUUID(),
    } as unknown as EventEnvelope;
    const [armed] = await deliveries.insert(db.manager, [
      { id: randomUUID(), subscriptionId, envelope, ticketId: randomUUID(), replay: true },
    ]);
    expect((await deliveries.state(db.manager, armed.id))?.held).toBe(false);
  });
});
