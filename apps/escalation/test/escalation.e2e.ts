import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { slaBreachedEvent, slaBreachedExample, Topics } from '@switchboard/contracts';
import { EventProbe, grpcClient, http, startAppUnderTest, testNamespace, waitFor } from '@switchboard/testing';
import { createEscalationApp } from '../src/escalation.app.js';
import { type EscalationConfig, loadEscalationConfig } from '../src/config.js';

describe('escalation against real PostgreSQL, Kafka and Redis', () => {
  const namespace = testNamespace('escalation');
  let config: EscalationConfig;
  let app: INestApplication;
  let probe: EventProbe;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.TicketEscalated]);
    ({ app, config } = await startAppUnderTest(namespace, loadEscalationConfig, createEscalationApp));
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  it('escalates a breached L1 ticket to L2 once, even when both of its clocks breach', async () => {
    const ticketId = randomUUID();
    const breach = { ...slaBreachedExample, ticketId, tier: 'L1' as const, clockId: randomUUID() };
    const first = await probe.publish(Topics.SlaBreached, slaBreachedEvent.type, ticketId, breach);
    await probe.publish(Topics.SlaBreached, slaBreachedEvent.type, ticketId, {
      ...breach,
      kind: 'resolution',
      clockId: randomUUID(),
    });
    const escalated = await probe.waitForEvent(Topics.TicketEscalated, ticketId);
    expect(escalated.envelope.data).toMatchObject({ fromTier: 'L1', toTier: 'L2', trigger: 'sla_breach' });
    expect(escalated.envelope.causationId).toBe(first.id);
    const list = await waitFor(async () => {
      const r = await http<unknown[]>(`http://127.0.0.1:${config.http.port}/v1/escalations?ticketId=${ticketId}`);
      return r.body.length > 0 ? r.body : undefined;
    });
    expect(list).toHaveLength(1);
    await probe.waitForEvent(Topics.TicketEscalated, ticketId);
    const marker = randomUUID();
    await probe.publish(Topics.SlaBreached, slaBreachedEvent.type, marker, { ...breach, ticketId: marker });
    await probe.waitForEvent(Topics.TicketEscalated, marker);
    expect(probe.of(Topics.TicketEscalated, ticketId)).toHaveLength(1);
  });

  it('moves a ticket breaching again at L2 on to L3, and lists both over gRPC', async () => {
    const ticketId = randomUUID();
    await probe.publish(Topics.SlaBreached, slaBreachedEvent.type, ticketId, { ...slaBreachedExample, ticketId, tier: 'L1' });
    await probe.publish(Topics.SlaBreached, slaBreachedEvent.type, ticketId, { ...slaBreachedExample, ticketId, tier: 'L2' });
    await waitFor(async () => probe.of(Topics.TicketEscalated, ticketId).length === 2);
    expect(probe.of(Topics.TicketEscalated, ticketId).map((m) => (m.envelope.data as { toTier: string }).toTier)).toEqual([
      'L2',
      'L3',
    ]);
    const client = grpcClient('escalation.proto', 'switchboard.escalation.v1', 'EscalationService', config.grpc.port);
    try {
      const res = await client.ListEscalations({ ticketId });
      expect((res.escalations as unknown[]).length).toBe(2);
      await expect(client.ListEscalations({ ticketId: 'nope' })).rejects.toMatchObject({ code: 3 });
    } finally {
      client.close();
    }
  });
});
