import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { type INestApplication, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  type EventEnvelope,
  type InquiryReceived,
  inquiryReceivedEvent,
  inquiryReceivedExample,
  Topics,
  type TicketResolved,
  ticketResolvedEvent,
  ticketResolvedExample,
} from '@switchboard/contracts';
import {
  createMessagingTables,
  EventOutbox,
  type EventHandler,
  type HandlerContext,
  HandlesEvent,
  InboxRetention,
  KAFKA,
  MessagingModule,
} from '@switchboard/messaging';
import { loadServiceConfig, schemaMigration, ServiceKitModule } from '@switchboard/service-kit';
import { EventProbe, serviceEnv, testNamespace, waitFor } from '@switchboard/testing';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';

const MessagingTestSchema1764230400000 = schemaMigration('MessagingTestSchema1764230400000', {
  async up(runner, schema) {
    await createMessagingTables(runner, schema);
    await runner.query(`CREATE TABLE "${schema}".effects (event_id uuid, ticket_id uuid, note text)`);
  },
  async down(runner, schema) {
    await runner.query(`DROP SCHEMA "${schema}" CASCADE`);
  },
});

/** Behaviour switch for the handler under test, keyed by ticket id. */
const plan = new Map<string, { failTimes: number; delayMs?: number }>();
const attempts = new Map<string, number>();

@Injectable()
@HandlesEvent(inquiryReceivedEvent)
class RecordingHandler implements EventHandler {
  async handle(event: EventEnvelope<InquiryReceived>, context: HandlerContext): Promise<void> {
    const id = event.data.ticketId;
    attempts.set(id, (attempts.get(id) ?? 0) + 1);
    const p = plan.get(id);
    if (p?.delayMs) await new Promise((r) => setTimeout(r, p.delayMs));
    // the note names the transaction, so a test can tell which events shared one
    await context.manager.query(`INSERT INTO "msgtest".effects VALUES ($1, $2, txid_current()::text)`, [event.id, id]);
    if (p && attempts.get(id)! <= p.failTimes) throw new Error(`planned failure ${attempts.get(id)}`);
    await context.emit(ticketResolvedEvent, { ...ticketResolvedExample, ticketId: id });
  }
}

@Module({ providers: [RecordingHandler] })
class HandlerModule {}

describe('messaging: outbox, relay, inbox, retries and dead letters against real Kafka and PostgreSQL', () => {
  const namespace = testNamespace('msg');
  let app: INestApplication;
  let probe: EventProbe;
  let dataSource: DataSource;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.TicketResolved, Topics.DeadLetter, Topics.InquiryReceived]);
    const env = await serviceEnv(namespace, { DB_SCHEMA: 'msgtest', CONSUMER_MAX_ATTEMPTS: '3' });
    const config = loadServiceConfig('intake', env);
    const pgc = new DataSource({ type: 'postgres', url: config.database.url });
    await pgc.initialize();
    await pgc.query('DROP SCHEMA IF EXISTS msgtest CASCADE');
    await pgc.destroy();
    app = await NestFactory.create(
      {
        module: class TestRoot {},
        imports: [
          ServiceKitModule.forService({ config, entities: [], migrations: [MessagingTestSchema1764230400000] }),
          MessagingModule.forService(),
          HandlerModule,
        ],
      },
      { logger: ['error'], abortOnError: false },
    );
    await app.init();
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  const received = (ticketId: string): InquiryReceived => ({ ...inquiryReceivedExample, ticketId });
  const effects = async (ticketId: string) =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM msgtest.effects WHERE ticket_id = $1`, [ticketId]))[0].n;

  const together = (ticketId: string) => ({ subject: ticketId, data: received(ticketId) });
  const effectRows = async (ticketIds: string[]): Promise<{ ticket_id: string; note: string }[]> =>
    dataSource.query(`SELECT ticket_id::text, note FROM msgtest.effects WHERE ticket_id = ANY($1)`, [ticketIds]);

  it('publishes a committed outbox row keyed by ticket id with CloudEvents headers', async () => {
    const ticketId = randomUUID();
    const outbox = app.get(EventOutbox);
    const envelope = await dataSource.transaction((m) =>
      outbox.append(m, inquiryReceivedEvent, received(ticketId), {
        subject: ticketId,
        correlationId: 'corr-1',
        causationId: null,
      }),
    );
    const seen = await probe.waitForEvent(Topics.InquiryReceived, ticketId);
    expect(seen.key).toBe(ticketId);
    expect(seen.envelope).toMatchObject({ id: envelope.id, specversion: '1.0', correlationId: 'corr-1', causationId: null });
    expect(seen.headers).toMatchObject({
      ce_id: envelope.id,
      ce_type: 'com.switchboard.inquiry.received.v1',
      'correlation-id': 'corr-1',
    });
  });

  it('publishes at once what commits while a batch is being sent, not at the next idle poll (2 s)', async () => {
    const outbox = app.get(EventOutbox);
    const slowest: number[] = [];
    for (let wave = 0; wave < 5; wave++) {
      // sixteen transactions at once: most commit while the relay sends the first ones
      const envelopes = await Promise.all(
        Array.from({ length: 16 }, () => {
          const ticketId = randomUUID();
          return dataSource.transaction((m) =>
            outbox.append(
              m,
              ticketResolvedEvent,
              { ...ticketResolvedExample, ticketId },
              { subject: ticketId, correlationId: 'corr-wave', causationId: null },
            ),
          );
        }),
      );
      const committed = Date.now();
      const ids = envelopes.map((e) => e.id);
      await waitFor(
        async () =>
          (await dataSource.query(`SELECT count(*)::int AS n FROM msgtest.outbox WHERE event_id = ANY($1)`, [ids]))[0].n === 0,
        { intervalMs: 10, what: 'the wave to be published' },
      );
      slowest.push(Date.now() - committed);
    }
    expect(Math.max(...slowest)).toBeLessThan(1000);
  });

  it('listens again when its notification connection is cut, and publishes what is written meanwhile', async () => {
    const listener = `SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN switchboard_outbox_msgtest'`;
    const [before] = (await dataSource.query(listener)) as { pid: number }[];
    expect(before).toBeDefined();
    await dataSource.query('SELECT pg_terminate_backend($1)', [before.pid]);
    const ticketId = randomUUID();
    await dataSource.transaction((m) =>
      app.get(EventOutbox).append(m, inquiryReceivedEvent, received(ticketId), {
        subject: ticketId,
        correlationId: 'corr-cut',
        causationId: null,
      }),
    );
    await probe.waitForEvent(Topics.InquiryReceived, ticketId);
    const again = await waitFor(
      async () => {
        const rows = (await dataSource.query(listener)) as { pid: number }[];
        return rows.length === 1 && rows[0].pid !== before.pid && rows[0];
      },
      { what: 'the relay to listen on a new connection' },
    );
    expect(again.pid).not.toBe(before.pid);
  });

  it('chains the events of one transaction about one subject: each names the one before and is stamped after it', async () => {
    const ticketId = randomUUID();
    const other = randomUUID();
    const outbox = app.get(EventOutbox);
    const meta = (subject: string) => ({ subject, correlationId: 'corr-chain', causationId: null });
    const [first, second, elsewhere] = await dataSource.transaction(async (m) => [
      await outbox.append(m, inquiryReceivedEvent, received(ticketId), meta(ticketId)),
      await outbox.append(m, ticketResolvedEvent, { ...ticketResolvedExample, ticketId }, meta(ticketId)),
      await outbox.append(m, inquiryReceivedEvent, received(other), meta(other)),
    ]);
    expect(first.precededBy).toBeUndefined();
    expect(second.precededBy).toBe(first.id);
    expect(Date.parse(second.time)).toBeGreaterThan(Date.parse(first.time));
    expect(elsewhere.precededBy).toBeUndefined();
    const published = await probe.waitForEvent(Topics.TicketResolved, ticketId);
    expect(published.envelope).toMatchObject({ id: second.id, precededBy: first.id });

    // a new transaction starts a new chain
    const next = await dataSource.transaction((m) => outbox.append(m, inquiryReceivedEvent, received(ticketId), meta(ticketId)));
    expect(next.precededBy).toBeUndefined();
  });

  it('publishes nothing when the transaction that wrote the event rolls back', async () => {
    const ticketId = randomUUID();
    const outbox = app.get(EventOutbox);
    await expect(
      dataSource.transaction(async (m) => {
        await outbox.append(m, inquiryReceivedEvent, received(ticketId), {
          subject: ticketId,
          correlationId: 'c',
          causationId: null,
        });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const marker = randomUUID();
    await dataSource.transaction((m) =>
      outbox.append(m, inquiryReceivedEvent, received(marker), { subject: marker, correlationId: 'c', causationId: null }),
    );
    await probe.waitForEvent(Topics.InquiryReceived, marker);
    expect(probe.of(Topics.InquiryReceived, ticketId)).toHaveLength(0);
  });

  it('refuses to write an event that breaks its contract', async () => {
    const outbox = app.get(EventOutbox);
    await expect(
      dataSource.transaction((m) =>
        outbox.append(m, ticketResolvedEvent, { ticketId: 'not-a-uuid' } as unknown as TicketResolved, {
          subject: 'x',
          correlationId: 'c',
          causationId: null,
        }),
      ),
    ).rejects.toMatchObject({ code: 'CONTRACT.INVALID_EVENT' });
  });

  it('handles a redelivered event once, and the emitted event carries causation and correlation', async () => {
    const ticketId = randomUUID();
    const eventId = randomUUID();
    const sent = await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, received(ticketId), eventId);
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, received(ticketId), eventId);
    const resolved = await probe.waitForEvent(Topics.TicketResolved, ticketId);
    expect(resolved.envelope.causationId).toBe(eventId);
    expect(resolved.envelope.correlationId).toBe(sent.correlationId);
    const marker = randomUUID();
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, marker, received(marker));
    await probe.waitForEvent(Topics.TicketResolved, marker);
    expect(await effects(ticketId)).toBe(1);
    expect(probe.of(Topics.TicketResolved, ticketId)).toHaveLength(1);
  });

  it('retries a failing handler with backoff and keeps only the successful attempt', async () => {
    const ticketId = randomUUID();
    plan.set(ticketId, { failTimes: 2 });
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, received(ticketId));
    await probe.waitForEvent(Topics.TicketResolved, ticketId);
    expect(attempts.get(ticketId)).toBe(3);
    expect(await effects(ticketId)).toBe(1);
  });

  it('dead-letters a handler that keeps failing, with the reason, and moves on', async () => {
    const ticketId = randomUUID();
    plan.set(ticketId, { failTimes: 99 });
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, received(ticketId));
    const letter = await probe.waitForEvent(Topics.DeadLetter, ticketId);
    expect(letter.headers['dlq-error-code']).toBe('CONSUMER.HANDLER_FAILED');
    expect(letter.headers['dlq-reason']).toContain('planned failure 3');
    expect(letter.headers['dlq-attempts']).toBe('3');
    expect(await effects(ticketId)).toBe(0);
  });

  it('handles events fetched together from one partition in one transaction', async () => {
    const tickets = Array.from({ length: 6 }, () => randomUUID());
    await probe.publishTogether(Topics.InquiryReceived, inquiryReceivedEvent.type, randomUUID(), tickets.map(together));
    await Promise.all(tickets.map((id) => probe.waitForEvent(Topics.TicketResolved, id)));
    const rows = await effectRows(tickets);
    expect(rows.map((r) => r.ticket_id).sort()).toEqual([...tickets].sort());
    expect(new Set(rows.map((r) => r.note)).size).toBeLessThan(tickets.length);
  });

  it('handles neighbours of a failing event one by one: each once, and only the failing one dead-lettered', async () => {
    const tickets = Array.from({ length: 6 }, () => randomUUID());
    const [poison, flaky] = [tickets[2], tickets[4]];
    plan.set(poison, { failTimes: 99 });
    plan.set(flaky, { failTimes: 1 });
    await probe.publishTogether(Topics.InquiryReceived, inquiryReceivedEvent.type, randomUUID(), tickets.map(together));
    const letter = await probe.waitForEvent(Topics.DeadLetter, poison);
    expect(letter.headers['dlq-attempts']).toBe('3');
    const healthy = tickets.filter((id) => id !== poison);
    await Promise.all(healthy.map((id) => probe.waitForEvent(Topics.TicketResolved, id)));
    const rows = await effectRows(tickets);
    expect(rows.map((r) => r.ticket_id).sort()).toEqual([...healthy].sort());
    // the rolled-back try together left nothing behind: one effect and one event per healthy ticket
    expect(new Set(rows.map((r) => r.note)).size).toBe(healthy.length);
    expect(healthy.map((id) => probe.of(Topics.TicketResolved, id).length)).toEqual(healthy.map(() => 1));
    expect(probe.of(Topics.DeadLetter, flaky)).toHaveLength(0);
  });

  it('keeps its membership of the consumer group while a fetch of slow events is handled together', async () => {
    const admin = app.get<Kafka>(KAFKA).admin();
    await admin.connect();
    try {
      const group = loadServiceConfig('intake', await serviceEnv(namespace)).kafka.consumerGroup;
      const members = async () => (await admin.describeGroups([group])).groups[0].members.map((m) => m.memberId);
      const before = await members();
      // together they take longer than the group's 10 s session timeout
      const tickets = Array.from({ length: 4 }, () => randomUUID());
      for (const id of tickets) plan.set(id, { failTimes: 0, delayMs: 3500 });
      await probe.publishTogether(Topics.InquiryReceived, inquiryReceivedEvent.type, randomUUID(), tickets.map(together));
      await Promise.all(tickets.map((id) => probe.waitForEvent(Topics.TicketResolved, id, 40_000)));
      expect(new Set((await effectRows(tickets)).map((r) => r.note)).size).toBeLessThan(tickets.length);
      expect(await members()).toEqual(before);
    } finally {
      await admin.disconnect();
    }
  });

  it('dead-letters messages that fail validation on consume: bad JSON, bad envelope, bad payload', async () => {
    const k1 = randomUUID();
    const k2 = randomUUID();
    const k3 = randomUUID();
    await probe.publishRaw(Topics.InquiryReceived, k1, '{not json');
    await probe.publishRaw(Topics.InquiryReceived, k2, JSON.stringify({ hello: 'world' }));
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, k3, { ticketId: k3, channel: 'pigeon' });
    const byKey = async (key: string) =>
      waitFor(async () => probe.of(Topics.DeadLetter).find((m) => m.key === key), { what: `dead letter ${key}` });
    expect((await byKey(k1)).headers['dlq-error-code']).toBe('CONTRACT.MALFORMED_JSON');
    expect((await byKey(k2)).headers['dlq-error-code']).toBe('CONTRACT.INVALID_ENVELOPE');
    const bad = await byKey(k3);
    expect(bad.headers['dlq-error-code']).toBe('CONTRACT.INVALID_PAYLOAD');
    expect(bad.headers['dlq-reason']).toContain('channel');
    expect(bad.headers['dlq-original-topic']).toBe(`${namespace}${Topics.InquiryReceived}`);
  });

  it('forgets processed event ids only after the retention window', async () => {
    const old = randomUUID();
    const fresh = randomUUID();
    await dataSource.query(
      `INSERT INTO msgtest.inbox (consumer_group, event_id, topic, processed_at) VALUES ('g', $1, 't', now() - interval '30 days'), ('g', $2, 't', now())`,
      [old, fresh],
    );
    expect(await app.get(InboxRetention).purge()).toBeGreaterThanOrEqual(1);
    const left = await dataSource.query(`SELECT event_id FROM msgtest.inbox WHERE event_id = ANY($1)`, [[old, fresh]]);
    expect(left.map((r: { event_id: string }) => r.event_id)).toEqual([fresh]);
  });

  it('finishes in-flight work before shutting down', async () => {
    const ticketId = randomUUID();
    plan.set(ticketId, { failTimes: 0, delayMs: 1500 });
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, received(ticketId));
    await waitFor(async () => attempts.get(ticketId) === 1, { what: 'handler to start' });
    const closing = app.close();
    await closing;
    const pgc = new DataSource({ type: 'postgres', url: (await serviceEnv(namespace)).DATABASE_URL });
    await pgc.initialize();
    const [{ n }] = await pgc.query(`SELECT count(*)::int AS n FROM msgtest.effects WHERE ticket_id = $1`, [ticketId]);
    const [{ inbox }] = await pgc.query(`SELECT count(*)::int AS inbox FROM msgtest.outbox`);
    await pgc.destroy();
    expect(n).toBe(1);
    // the relay drained what the last handler committed before the producer closed
    expect(inbox).toBe(0);
    await probe.waitForEvent(Topics.TicketResolved, ticketId);
    app = undefined as unknown as INestApplication;
  });
});
