import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  type InquiryTriaged,
  inquiryTriagedEvent,
  inquiryTriagedExample,
  ticketDeEscalatedEvent,
  ticketDeEscalatedExample,
  ticketEscalatedEvent,
  ticketEscalatedExample,
  ticketResolvedEvent,
  ticketResolvedExample,
  Topics,
} from '@switchboard/contracts';
import { EventProbe, grpcClient, http, startAppUnderTest, testNamespace, waitFor } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { loadRoutingConfig, type RoutingConfig } from '../src/config.js';
import { createRoutingApp } from '../src/routing.app.js';

const simpleL1 = (ticketId: string): InquiryTriaged => ({
  ...inquiryTriagedExample,
  ticketId,
  urgency: { label: 'low', confidence: 0.9 },
  category: { label: 'technical', confidence: 0.9 },
  complexity: { label: 'simple', confidence: 0.9 },
  component: { label: 'configuration', confidence: 0.9 },
  serviceLevel: 'standard',
});

describe('routing against real PostgreSQL, Kafka and Redis', () => {
  const namespace = testNamespace('routing');
  let config: RoutingConfig;
  let app: INestApplication;
  let probe: EventProbe;
  let db: DataSource;
  let schema: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.TicketRouted]);
    ({ app, config } = await startAppUnderTest(namespace, loadRoutingConfig, createRoutingApp));
    db = app.get(DataSource);
    schema = config.database.schema;
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  const openTickets = async (agentId: string) =>
    (await db.query(`SELECT open_tickets AS n FROM ${schema}.agents WHERE id = $1`, [agentId]))[0].n as number;

  it('routes a triaged plugin problem to an L2 agent with score, confidence and rationale', async () => {
    const ticketId = randomUUID();
    await probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, ticketId, {
      ...inquiryTriagedExample,
      ticketId,
      complexity: { label: 'moderate', confidence: 0.7 },
    });
    const routed = await probe.waitForEvent(Topics.TicketRouted, ticketId);
    expect(routed.envelope.data).toMatchObject({ ticketId, tier: 'L2', assignmentVersion: 1, reason: 'initial' });
    const data = routed.envelope.data as { agentId: string; score: number; confidence: number; rationale: string[] };
    expect(data.agentId).toMatch(/^agent-l2-/);
    expect(data.score).toBeGreaterThan(0);
    expect(data.rationale[0]).toContain('plugin problem');
    const view = await http(`http://127.0.0.1:${config.http.port}/v1/assignments/${ticketId}`);
    expect(view.body).toMatchObject({ ticketId, tier: 'L2', agentId: data.agentId, version: 1 });
  });

  it('re-routes an escalated ticket to the next tier, frees the old agent, and frees the new one on resolve', async () => {
    const ticketId = randomUUID();
    await probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, ticketId, simpleL1(ticketId));
    const first = (await probe.waitForEvent(Topics.TicketRouted, ticketId)).envelope.data as { agentId: string; tier: string };
    expect(first.tier).toBe('L1');
    const l1Before = await openTickets(first.agentId);
    await probe.publish(Topics.TicketEscalated, ticketEscalatedEvent.type, ticketId, {
      ...ticketEscalatedExample,
      ticketId,
      fromTier: 'L1',
      toTier: 'L2',
    });
    const second = await waitFor(async () => probe.of(Topics.TicketRouted, ticketId)[1], { what: 're-route' });
    expect(second.envelope.data).toMatchObject({ tier: 'L2', assignmentVersion: 2, reason: 'escalation' });
    expect(await openTickets(first.agentId)).toBe(l1Before - 1);
    const l2Agent = (second.envelope.data as { agentId: string }).agentId;
    const l2Before = await openTickets(l2Agent);
    await probe.publish(Topics.TicketResolved, ticketResolvedEvent.type, ticketId, { ...ticketResolvedExample, ticketId });
    await waitFor(async () => (await openTickets(l2Agent)) === l2Before - 1, { what: 'capacity to be freed' });
    const grpc = grpcClient('routing.proto', 'switchboard.routing.v1', 'RoutingService', config.grpc.port);
    try {
      expect(await grpc.GetAssignment({ ticketId })).toMatchObject({ tier: 'L2', version: 2 });
      expect(((await grpc.ListAgents({ tier: 'L4' })).agents as unknown[]).length).toBe(3);
    } finally {
      grpc.close();
    }
  });

  it('moves a de-escalated ticket back down a tier and frees the agent of the higher tier', async () => {
    const ticketId = randomUUID();
    await probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, ticketId, simpleL1(ticketId));
    await probe.waitForEvent(Topics.TicketRouted, ticketId);
    await probe.publish(Topics.TicketEscalated, ticketEscalatedEvent.type, ticketId, {
      ...ticketEscalatedExample,
      ticketId,
      fromTier: 'L1',
      toTier: 'L2',
    });
    const up = await waitFor(async () => probe.of(Topics.TicketRouted, ticketId)[1], { what: 'escalated re-route' });
    const l2Agent = (up.envelope.data as { agentId: string }).agentId;
    const l2Before = await openTickets(l2Agent);
    await probe.publish(Topics.TicketDeEscalated, ticketDeEscalatedEvent.type, ticketId, {
      ...ticketDeEscalatedExample,
      ticketId,
      fromTier: 'L2',
      toTier: 'L1',
    });
    const down = await waitFor(async () => probe.of(Topics.TicketRouted, ticketId)[2], { what: 'de-escalated re-route' });
    expect(down.envelope.data).toMatchObject({ tier: 'L1', assignmentVersion: 3 });
    expect(await openTickets(l2Agent)).toBe(l2Before - 1);
  });

  it('two routing instances in one consumer group never over-fill an agent or assign a ticket twice', async () => {
    const { app: second } = await startAppUnderTest(namespace, loadRoutingConfig, createRoutingApp);
    try {
      await db.query(`UPDATE ${schema}.agents SET capacity = open_tickets + 2 WHERE tier = 'L1'`);
      const [{ slots }] = await db.query(
        `SELECT sum(capacity - open_tickets)::int AS slots FROM ${schema}.agents WHERE tier = 'L1'`,
      );
      const tickets = Array.from({ length: 40 }, () => randomUUID());
      await Promise.all(
        tickets.flatMap((id) => {
          const eventId = randomUUID();
          // every event is delivered twice, as after a producer retry
          return [0, 1].map(() => probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, id, simpleL1(id), eventId));
        }),
      );
      await waitFor(async () => tickets.every((id) => probe.of(Topics.TicketRouted, id).length > 0), {
        timeoutMs: 60_000,
        what: 'all tickets routed',
      });
      await new Promise((r) => setTimeout(r, 1000));
      expect(tickets.map((id) => probe.of(Topics.TicketRouted, id).length)).toEqual(tickets.map(() => 1));
      const placed = tickets.filter(
        (id) => (probe.of(Topics.TicketRouted, id)[0].envelope.data as { agentId: string | null }).agentId,
      );
      expect(placed).toHaveLength(slots);
      const [{ over }] = await db.query(`SELECT count(*)::int AS over FROM ${schema}.agents WHERE open_tickets > capacity`);
      expect(over).toBe(0);
      const [{ rows, distinct }] = await db.query(
        `SELECT count(*)::int AS rows, count(DISTINCT ticket_id)::int AS distinct FROM ${schema}.assignments WHERE ticket_id = ANY($1)`,
        [tickets],
      );
      expect([rows, distinct]).toEqual([40, 40]);
    } finally {
      await second.close();
    }
  });
});
