import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  type InquiryTriaged,
  inquiryTriagedEvent,
  inquiryTriagedExample,
  ticketResolvedEvent,
  ticketResolvedExample,
  ticketRespondedEvent,
  ticketRespondedExample,
  Topics,
} from '@switchboard/contracts';
import { EventProbe, grpcClient, http, startAppUnderTest, testNamespace, waitFor } from '@switchboard/testing';
import { loadRoutingConfig, type RoutingConfig } from '../src/config.js';
import { createRoutingApp } from '../src/routing.app.js';

interface RoutedData {
  agentId: string | null;
  tier: string;
  assignmentVersion: number;
  reason: string;
  rationale: string[];
}

/** A triaged ticket the SOP policy sends to `tier`. */
function triagedFor(ticketId: string, tier: 'L2' | 'L3' | 'L4', o: Partial<InquiryTriaged> = {}): InquiryTriaged {
  const byTier = {
    L2: { complexity: 'moderate', category: 'technical', urgency: 'medium' },
    L3: { complexity: 'complex', category: 'bug', urgency: 'medium' },
    L4: { complexity: 'simple', category: 'bug', urgency: 'critical' },
  }[tier];
  return {
    ...inquiryTriagedExample,
    ticketId,
    urgency: { label: byTier.urgency, confidence: 0.9 },
    category: { label: byTier.category, confidence: 0.9 },
    complexity: { label: byTier.complexity, confidence: 0.9 },
    component: { label: 'event-bus', confidence: 0.9 },
    serviceLevel: 'standard',
    ...o,
  };
}

describe('routing: agents, queue, overrides and rebalancing against the real services', () => {
  const namespace = testNamespace('agents');
  let config: RoutingConfig;
  let app: INestApplication;
  let probe: EventProbe;
  let base: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([
      Topics.TicketRouted,
      Topics.TicketQueued,
      Topics.AssignmentOverridden,
      Topics.AgentStatusChanged,
    ]);
    ({ app, config, base } = await startAppUnderTest(namespace, loadRoutingConfig, createRoutingApp, {
      ROUTING_QUEUE_SWEEP_MS: '500',
    }));
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  const routed = (ticketId: string) => probe.of(Topics.TicketRouted, ticketId).map((m) => m.envelope.data as RoutedData);
  const routedVersion = (ticketId: string, version: number) =>
    waitFor(async () => routed(ticketId).find((r) => r.assignmentVersion === version), { what: `${ticketId} v${version}` });
  const triage = (ticketId: string, tier: 'L2' | 'L3' | 'L4', o: Partial<InquiryTriaged> = {}) =>
    probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, ticketId, triagedFor(ticketId, tier, o));
  const setStatus = (id: string, status: string) => http(`${base}/v1/agents/${id}/status`, { method: 'PUT', body: { status } });

  it('creates, reads, updates and deletes agents, with clear errors for bad input', async () => {
    const agent = {
      id: 'crud-1',
      name: 'Casey Crud',
      tier: 'L2',
      tiers: ['L3'],
      skills: ['plugin-system'],
      languages: ['en', 'de'],
      capacity: 5,
      channelCapacity: { chat: 2 },
      timezone: 'Europe/Berlin',
      workingHours: { mon: [['09:00', '17:00']] },
      status: 'away',
    };
    const created = await http(`${base}/v1/agents`, { body: agent });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'crud-1',
      tiers: expect.arrayContaining(['L2', 'L3']),
      openTickets: 0,
      status: 'away',
    });
    expect((await http(`${base}/v1/agents`, { body: agent })).body).toMatchObject({ code: 'ROUTING.AGENT_EXISTS' });
    const bad = await http(`${base}/v1/agents`, { body: { ...agent, id: 'crud-2', timezone: 'Mars/Base', capacity: -1 } });
    expect(bad.status).toBe(422);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['capacity', 'timezone']);
    const patched = await http(`${base}/v1/agents/crud-1`, { method: 'PATCH', body: { capacity: 8, skills: ['event-bus'] } });
    expect(patched.body).toMatchObject({ capacity: 8, skills: ['event-bus'] });
    expect((await http(`${base}/v1/agents/crud-1`, { method: 'PATCH', body: { shoeSize: 44 } })).status).toBe(422);
    const l3 = await http<{ id: string }[]>(`${base}/v1/agents?tier=L3`);
    expect(l3.body.map((a) => a.id)).toContain('crud-1');
    expect((await setStatus('crud-1', 'online')).body).toMatchObject({ from: 'away', to: 'online' });
    const changed = await probe.waitForEvent(Topics.AgentStatusChanged, 'crud-1');
    expect(changed.envelope.data).toEqual({ agentId: 'crud-1', from: 'away', to: 'online', changedAt: expect.any(String) });
    expect((await http(`${base}/v1/agents/crud-1`, { method: 'DELETE' })).status).toBe(200);
    expect((await http(`${base}/v1/agents/crud-1`)).body).toMatchObject({ code: 'ROUTING.AGENT_NOT_FOUND' });
  });

  it('groups agents in teams with their combined load', async () => {
    const team = await http(`${base}/v1/teams`, { body: { id: 'plugins', name: 'Plugin squad' } });
    expect(team.status).toBe(201);
    expect((await http(`${base}/v1/teams`, { body: { id: 'plugins', name: 'again' } })).body).toMatchObject({
      code: 'ROUTING.TEAM_EXISTS',
    });
    await http(`${base}/v1/agents`, { body: { id: 'team-1', name: 'Tess', tier: 'L2', capacity: 7, teamId: 'plugins' } });
    const noTeam = await http(`${base}/v1/agents`, {
      body: { id: 'team-2', name: 'Nope', tier: 'L2', capacity: 1, teamId: 'ghosts' },
    });
    expect([noTeam.status, noTeam.body.code]).toEqual([422, 'ROUTING.TEAM_NOT_FOUND']);
    const view = await http(`${base}/v1/teams/plugins`);
    expect(view.body).toMatchObject({ name: 'Plugin squad', capacity: 7, members: [{ id: 'team-1', tier: 'L2' }] });
    expect((await http(`${base}/v1/teams/plugins`, { method: 'DELETE' })).body).toMatchObject({ code: 'ROUTING.TEAM_NOT_EMPTY' });
    await http(`${base}/v1/agents/team-1`, { method: 'PATCH', body: { teamId: null } });
    expect((await http(`${base}/v1/teams/plugins`, { method: 'DELETE' })).status).toBe(204);
    const client = grpcClient('routing.proto', 'switchboard.routing.v1', 'RoutingService', config.grpc.port);
    try {
      await client.CreateTeam({ id: 'nights', name: 'Night shift' });
      expect((await client.ListTeams({})).teams).toEqual([expect.objectContaining({ id: 'nights', memberIds: [] })]);
      await expect(client.GetTeam({ id: 'plugins' })).rejects.toMatchObject({ code: 5 });
    } finally {
      client.close();
    }
  });

  it('queues what nobody can take, with visible positions by priority, and assigns as capacity frees', async () => {
    for (const id of ['agent-l4-01', 'agent-l4-02', 'agent-l4-03']) {
      await http(`${base}/v1/agents/${id}`, { method: 'PATCH', body: { capacity: 0 } });
    }
    const [low, first, urgent] = [randomUUID(), randomUUID(), randomUUID()];
    await triage(first, 'L4');
    await probe.waitForEvent(Topics.TicketQueued, first);
    await triage(low, 'L4', { serviceLevel: 'standard' });
    await probe.waitForEvent(Topics.TicketQueued, low);
    await triage(urgent, 'L4', { serviceLevel: 'enterprise' });
    const queued = await probe.waitForEvent(Topics.TicketQueued, urgent);
    expect(queued.envelope.data).toMatchObject({ tier: 'L4', position: 1 });
    expect(routed(urgent)[0]).toMatchObject({ agentId: null, tier: 'L4', assignmentVersion: 1 });
    const queue = await http<{ ticketId: string; position: number }[]>(`${base}/v1/queue?tier=L4`);
    expect(queue.body.map((q) => q.ticketId)).toEqual([urgent, first, low]);
    expect((await http(`${base}/v1/assignments/${low}`)).body).toMatchObject({ state: 'queued', queuePosition: 3 });

    await http(`${base}/v1/agents/agent-l4-01`, { method: 'PATCH', body: { capacity: 1 } });
    expect(await routedVersion(urgent, 2)).toMatchObject({ agentId: 'agent-l4-01', reason: 'queue' });
    expect(routed(first)).toHaveLength(1);

    await probe.publish(Topics.TicketResolved, ticketResolvedEvent.type, urgent, { ...ticketResolvedExample, ticketId: urgent });
    expect(await routedVersion(first, 2)).toMatchObject({ agentId: 'agent-l4-01', reason: 'queue' });
    expect((await http(`${base}/v1/assignments/${low}`)).body).toMatchObject({ state: 'queued', queuePosition: 1 });
  });

  it('lets a supervisor override with a reason, emits it, and reports routing accuracy', async () => {
    const ticketId = randomUUID();
    await triage(ticketId, 'L2');
    const first = await routedVersion(ticketId, 1);
    const target = first.agentId === 'agent-l2-05' ? 'agent-l2-04' : 'agent-l2-05';
    const before = (await http<{ decisions: number; overridden: number }>(`${base}/v1/routing/accuracy`)).body;
    const res = await http(`${base}/v1/assignments/${ticketId}/override`, {
      body: { agentId: target, supervisorId: 'sup-7', reason: 'knows this customer' },
    });
    expect(res.body).toEqual({ ticketId, agentId: target, version: 2 });
    expect(await routedVersion(ticketId, 2)).toMatchObject({ agentId: target, reason: 'override' });
    const overridden = await probe.waitForEvent(Topics.AssignmentOverridden, ticketId);
    expect(overridden.envelope.data).toMatchObject({
      fromAgentId: first.agentId,
      toAgentId: target,
      supervisorId: 'sup-7',
      overriddenVersion: 1,
    });
    const after = (await http<{ decisions: number; overridden: number; accuracy: number }>(`${base}/v1/routing/accuracy`)).body;
    expect(after.overridden).toBe(before.overridden + 1);
    expect(after.accuracy).toBeCloseTo(1 - after.overridden / after.decisions, 4);

    const errors = await Promise.all([
      http(`${base}/v1/assignments/${ticketId}/override`, { body: { agentId: target, supervisorId: 's', reason: 'again' } }),
      http(`${base}/v1/assignments/${ticketId}/override`, {
        body: { agentId: 'agent-l1-01', supervisorId: 's', reason: 'wrong tier' },
      }),
      http(`${base}/v1/assignments/${ticketId}/override`, { body: { agentId: 'nobody', supervisorId: 's', reason: 'unknown' } }),
      http(`${base}/v1/assignments/${ticketId}/override`, { body: { agentId: target } }),
      http(`${base}/v1/assignments/${randomUUID()}/override`, {
        body: { agentId: target, supervisorId: 's', reason: 'no ticket' },
      }),
    ]);
    expect(errors.map((e) => [e.status, e.body.code])).toEqual([
      [409, 'ROUTING.ALREADY_ASSIGNED'],
      [422, 'ROUTING.AGENT_TIER_MISMATCH'],
      [404, 'ROUTING.AGENT_NOT_FOUND'],
      [422, 'REQUEST.VALIDATION_FAILED'],
      [404, 'ROUTING.ASSIGNMENT_NOT_FOUND'],
    ]);
  });

  it('hands an offline agent\u2019s unanswered tickets back to routing and keeps the answered ones with them', async () => {
    for (const id of ['agent-l3-01', 'agent-l3-02', 'agent-l3-03', 'agent-l3-04']) await setStatus(id, 'away');
    const rb = (id: string, status: string) =>
      http(`${base}/v1/agents`, { body: { id, name: id, tier: 'L3', skills: ['event-bus'], capacity: 10, status } });
    await rb('rb-a', 'online');
    await rb('rb-b', 'away');
    const [unanswered, answered] = [randomUUID(), randomUUID()];
    await triage(unanswered, 'L3');
    await triage(answered, 'L3');
    expect((await routedVersion(unanswered, 1)).agentId).toBe('rb-a');
    expect((await routedVersion(answered, 1)).agentId).toBe('rb-a');
    await probe.publish(Topics.TicketResponded, ticketRespondedEvent.type, answered, {
      ...ticketRespondedExample,
      ticketId: answered,
    });
    await waitFor(async () => (await http(`${base}/v1/assignments/${answered}`)).body.firstRespondedAt, {
      what: 'first response',
    });
    await setStatus('rb-b', 'online');
    const change = await setStatus('rb-a', 'offline');
    expect(change.body).toMatchObject({ from: 'online', to: 'offline', rebalanced: [unanswered] });
    expect(await routedVersion(unanswered, 2)).toMatchObject({ agentId: 'rb-b', reason: 'rebalance' });
    expect((await http(`${base}/v1/assignments/${answered}`)).body).toMatchObject({ agentId: 'rb-a', version: 1 });
  });

  it('serves agents, queue, accuracy and overrides over gRPC', async () => {
    const client = grpcClient('routing.proto', 'switchboard.routing.v1', 'RoutingService', config.grpc.port);
    try {
      const created = await client.CreateAgent({
        id: 'grpc-1',
        name: 'Gia',
        tier: 'L1',
        capacity: 3,
        workingHoursJson: '{"tue":[["08:00","12:00"]]}',
      });
      expect(created).toMatchObject({
        id: 'grpc-1',
        tiers: ['L1'],
        languages: ['en'],
        workingHoursJson: '{"tue":[["08:00","12:00"]]}',
      });
      const updated = await client.UpdateAgent({ agent: { id: 'grpc-1', capacity: 4, skills: [] }, fields: ['capacity'] });
      expect(updated).toMatchObject({ capacity: 4 });
      expect(await client.SetAgentStatus({ id: 'grpc-1', status: 'away' })).toMatchObject({ from: 'online', to: 'away' });
      expect(((await client.ListQueue({ tier: 'L4' })).entries as unknown[]).length).toBeGreaterThan(0);
      expect((await client.GetRoutingAccuracy({})).decisions).toBeGreaterThan(0);
      await expect(client.CreateAgent({ id: 'grpc-1', name: 'again', tier: 'L1', capacity: 1 })).rejects.toMatchObject({
        code: 9,
        details: expect.stringContaining('ROUTING.AGENT_EXISTS'),
      });
      await expect(client.SetAgentStatus({ id: 'grpc-1', status: 'sleeping' })).rejects.toMatchObject({ code: 3 });
    } finally {
      client.close();
    }
  });

  it('does not let a ticket whose channel is full hold up the rest of the queue', async () => {
    for (let i = 1; i <= 6; i += 1) await setStatus(`agent-l1-0${i}`, 'away');
    await http(`${base}/v1/agents`, {
      body: { id: 'chat-cap', name: 'Cam', tier: 'L1', capacity: 0, channelCapacity: { chat: 0 } },
    });
    const l1 = {
      complexity: { label: 'simple', confidence: 0.9 },
      category: { label: 'technical', confidence: 0.9 },
      component: { label: 'configuration', confidence: 0.9 },
    };
    const [chat, email] = [randomUUID(), randomUUID()];
    await triage(chat, 'L2', { ...l1, urgency: { label: 'high', confidence: 0.9 }, channel: 'chat' });
    await triage(email, 'L2', { ...l1, urgency: { label: 'low', confidence: 0.9 }, channel: 'email' });
    await probe.waitForEvent(Topics.TicketQueued, chat);
    await probe.waitForEvent(Topics.TicketQueued, email);
    await http(`${base}/v1/agents/chat-cap`, { method: 'PATCH', body: { capacity: 2 } });
    expect(await routedVersion(email, 2)).toMatchObject({ agentId: 'chat-cap', reason: 'queue' });
    expect((await http(`${base}/v1/assignments/${chat}`)).body).toMatchObject({ state: 'queued', queuePosition: 1 });
  });

  it('prefers an agent who speaks the customer\u2019s language', async () => {
    const l2 = await http<{ id: string }[]>(`${base}/v1/agents?tier=L2&status=online`);
    for (const a of l2.body) await setStatus(a.id, 'away');
    await http(`${base}/v1/agents`, { body: { id: 'a-english', name: 'Alex', tier: 'L2', capacity: 5, languages: ['en'] } });
    await http(`${base}/v1/agents`, {
      body: { id: 'b-german', name: 'Berit', tier: 'L2', capacity: 5, languages: ['de', 'en'] },
    });
    const ticketId = randomUUID();
    await triage(ticketId, 'L2', { language: 'de' });
    const placed = await routedVersion(ticketId, 1);
    expect(placed.agentId).toBe('b-german');
    expect(placed.rationale.join(' ')).toContain('speaks de');
  });
});
