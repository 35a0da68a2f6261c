import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  customerRepliedEvent,
  customerRepliedExample,
  type HandoffPackage,
  inquiryReceivedEvent,
  inquiryReceivedExample,
  inquiryTriagedEvent,
  inquiryTriagedExample,
  selfServiceFailedEvent,
  selfServiceFailedExample,
  sentimentAssessedEvent,
  sentimentAssessedExample,
  slaAtRiskEvent,
  slaAtRiskExample,
  slaClockStartedEvent,
  slaClockStartedExample,
  type Tier,
  ticketRespondedEvent,
  ticketRespondedExample,
  ticketRoutedEvent,
  ticketRoutedExample,
  ticketStatusChangedEvent,
  ticketStatusChangedExample,
  Topics,
} from '@switchboard/contracts';
import { EventProbe, grpcClient, http, startAppUnderTest, testNamespace, waitFor } from '@switchboard/testing';
import { type EscalationConfig, loadEscalationConfig } from '../src/config.js';
import { createEscalationApp } from '../src/escalation.app.js';

type Data = Record<string, unknown>;

describe('escalation triggers, handoff package, de-escalation and expert notices', () => {
  const namespace = testNamespace('esctrig');
  let config: EscalationConfig;
  let app: INestApplication;
  let probe: EventProbe;
  let base: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([
      Topics.TicketEscalated,
      Topics.HandoffPrepared,
      Topics.ExpertNotified,
      Topics.TicketDeEscalated,
    ]);
    ({ app, config, base } = await startAppUnderTest(namespace, loadEscalationConfig, createEscalationApp));
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  const routed = (ticketId: string, tier: Tier, version = 1) =>
    probe.publish(Topics.TicketRouted, ticketRoutedEvent.type, ticketId, {
      ...ticketRoutedExample,
      ticketId,
      tier,
      assignmentVersion: version,
    });
  const escalations = (ticketId: string) => probe.of(Topics.TicketEscalated, ticketId).map((m) => m.envelope.data as Data);
  const waitEscalations = (ticketId: string, n: number) =>
    waitFor(async () => escalations(ticketId).length >= n && escalations(ticketId), { what: `${n} escalation(s)` });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('escalates on an agent request for a code change with one versioned handoff package built from the events', async () => {
    const ticketId = randomUUID();
    expect(
      (await http(`${base}/v1/experts/plugin-system`, { method: 'PUT', body: { experts: ['expert-plugins-01'] } })).status,
    ).toBe(200);
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, {
      ...inquiryReceivedExample,
      ticketId,
      environment: { os: 'Ubuntu 24.04', python: '3.13' },
    });
    await probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, ticketId, {
      ...inquiryTriagedExample,
      ticketId,
      guidance: { pathway: 'engineering', expertise: ['plugin loader'], estimatedResolutionHours: 6 },
    });
    await routed(ticketId, 'L1');
    await probe.publish(Topics.TicketResponded, ticketRespondedEvent.type, ticketId, { ...ticketRespondedExample, ticketId });
    await probe.publish(Topics.CustomerReplied, customerRepliedEvent.type, ticketId, { ...customerRepliedExample, ticketId });
    await probe.publish(Topics.SelfServiceFailed, selfServiceFailedEvent.type, ticketId, {
      ...selfServiceFailedExample,
      ticketId,
    });
    const dueAt = new Date(Date.now() + 3_600_000).toISOString();
    await probe.publish(Topics.SlaClockStarted, slaClockStartedEvent.type, ticketId, {
      ...slaClockStartedExample,
      ticketId,
      clockId: randomUUID(),
      kind: 'resolution',
      tier: 'L1',
      dueAt,
    });
    // Events on other topics are consumed concurrently: give the projection a moment to take them all in.
    await sleep(1500);
    const res = await http<Data>(`${base}/v1/escalations`, {
      body: { ticketId, trigger: 'code_change', reason: 'plugin loader needs a fix', requestedBy: 'agent-l1-01' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outcome: 'escalated', fromTier: 'L1', toTier: 'L2' });
    const [escalated] = await waitEscalations(ticketId, 1);
    expect(escalated).toMatchObject({ trigger: 'code_change', fromTier: 'L1', toTier: 'L2', handoffId: res.body.handoffId });
    const prepared = (await probe.waitForEvent(Topics.HandoffPrepared, ticketId)).envelope.data as HandoffPackage;
    expect(prepared.schemaVersion).toBe(1);
    const pkg = (await http<HandoffPackage>(`${base}/v1/handoffs?ticketId=${ticketId}`)).body;
    expect(pkg).toEqual(prepared);
    expect(pkg.interactions.map((i) => i.kind)).toEqual(['inquiry', 'agent_response', 'customer_reply']);
    expect(pkg.interactions[0].body).toContain(inquiryReceivedExample.body);
    expect(pkg.environment).toEqual({ os: 'Ubuntu 24.04', python: '3.13' });
    expect(pkg.selfService).toHaveLength(1);
    expect(pkg.triage?.labels.component).toEqual(inquiryTriagedExample.component);
    expect(pkg.clocks[0].timeLeftMs).toBeGreaterThan(3_000_000);
    expect(pkg.suggestedNextSteps[0]).toMatch(/engineering issue/);
    const notice = (await probe.waitForEvent(Topics.ExpertNotified, ticketId)).envelope.data;
    expect(notice).toMatchObject({ skill: 'plugin-system', experts: ['expert-plugins-01'], tier: 'L2' });
    const byEscalation = await http<HandoffPackage>(`${base}/v1/escalations/${escalated.escalationId}/handoff`);
    expect(byEscalation.body.handoffId).toBe(pkg.handoffId);
  });

  it('de-escalates one tier, then refuses the same trigger twice at the same tier, over REST and gRPC', async () => {
    const ticketId = randomUUID();
    await routed(ticketId, 'L2');
    await sleep(1000);
    const client = grpcClient('escalation.proto', 'switchboard.escalation.v1', 'EscalationService', config.grpc.port);
    try {
      const up = await client.Escalate({ ticketId, trigger: 'code_change', reason: 'needs a patch', requestedBy: 'agent-l2-01' });
      expect(up).toMatchObject({ outcome: 'escalated', fromTier: 'L2', toTier: 'L3' });
      const down = await http<Data>(`${base}/v1/de-escalations`, {
        body: { ticketId, reason: 'configuration issue after all', requestedBy: 'agent-l3-01' },
      });
      expect(down.body).toMatchObject({ fromTier: 'L3', toTier: 'L2' });
      const deEscalated = await probe.waitForEvent(Topics.TicketDeEscalated, ticketId);
      expect(deEscalated.envelope.data).toMatchObject({ fromTier: 'L3', toTier: 'L2' });
      const again = await http(`${base}/v1/escalations`, { body: { ticketId, trigger: 'code_change', reason: 'needs a patch' } });
      expect(again.status).toBe(409);
      const handoff = await client.GetHandoff({ ticketId });
      expect(handoff.schemaVersion).toBe(1);
      expect(JSON.parse(handoff.packageJson as string)).toMatchObject({ ticketId, trigger: 'code_change' });
      await expect(client.Escalate({ ticketId, trigger: 'bogus', reason: 'x' })).rejects.toMatchObject({ code: 3 });
    } finally {
      client.close();
    }
    expect((await http(`${base}/v1/escalations`, { body: { ticketId: 'nope', trigger: 'manual', reason: 'x' } })).status).toBe(
      422,
    );
  });

  it('fires the event triggers: critical urgency before routing, security, reopened twice, worsening sentiment, at-risk', async () => {
    const critical = randomUUID();
    await probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, critical, {
      ...inquiryTriagedExample,
      ticketId: critical,
      urgency: { label: 'critical', confidence: 0.9 },
    });
    await sleep(500);
    expect(escalations(critical)).toEqual([]);
    await routed(critical, 'L2');
    expect((await waitEscalations(critical, 1))[0]).toMatchObject({ trigger: 'critical_urgency', fromTier: 'L2', toTier: 'L3' });

    const security = randomUUID();
    await routed(security, 'L1');
    await sleep(300);
    await probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, security, {
      ...inquiryTriagedExample,
      ticketId: security,
      rationale: 'my API keys leaked into the session log',
    });
    expect((await waitEscalations(security, 1))[0]).toMatchObject({ trigger: 'security', toTier: 'L2' });
    expect((await probe.waitForEvent(Topics.ExpertNotified, security)).envelope.data).toMatchObject({ skill: 'security' });

    const reopened = randomUUID();
    await routed(reopened, 'L1');
    for (const reopenCount of [1, 2]) {
      await probe.publish(Topics.TicketStatusChanged, ticketStatusChangedEvent.type, reopened, {
        ...ticketStatusChangedExample,
        ticketId: reopened,
        from: 'resolved',
        to: 'open',
        reopenCount,
      });
    }
    expect((await waitEscalations(reopened, 1))[0]).toMatchObject({ trigger: 'reopened', fromTier: 'L1' });

    const unhappy = randomUUID();
    await routed(unhappy, 'L1');
    for (const sentiment of ['positive', 'neutral', 'negative']) {
      await probe.publish(Topics.SentimentAssessed, sentimentAssessedEvent.type, unhappy, {
        ...sentimentAssessedExample,
        ticketId: unhappy,
        messageId: randomUUID(),
        sentiment,
        assessedAt: new Date().toISOString(),
      });
      await sleep(100);
    }
    expect((await waitEscalations(unhappy, 1))[0]).toMatchObject({ trigger: 'sentiment' });

    const risky = randomUUID();
    await routed(risky, 'L3');
    const risk = { ...slaAtRiskExample, ticketId: risky, tier: 'L3' as const };
    await probe.publish(Topics.SlaAtRisk, slaAtRiskEvent.type, risky, risk);
    await probe.publish(Topics.SlaAtRisk, slaAtRiskEvent.type, risky, { ...risk, clockId: randomUUID() });
    expect((await waitEscalations(risky, 1))[0]).toMatchObject({ trigger: 'sla_at_risk', fromTier: 'L3', toTier: 'L4' });
    // At L4 nothing is higher: an agent's request is refused, and no trigger escalates further.
    await sleep(500);
    const top = await http(`${base}/v1/escalations`, { body: { ticketId: risky, trigger: 'manual', reason: 'please' } });
    expect(top.status).toBe(409);
    expect(escalations(risky)).toHaveLength(1);
    expect(escalations(reopened)).toHaveLength(1);

    // A predicted miss moves a ticket up once: at-risk again at the next tier (a new queue wait) does not walk it on.
    const congested = randomUUID();
    await routed(congested, 'L1');
    await probe.publish(Topics.SlaAtRisk, slaAtRiskEvent.type, congested, {
      ...slaAtRiskExample,
      ticketId: congested,
      tier: 'L1',
    });
    expect((await waitEscalations(congested, 1))[0]).toMatchObject({ trigger: 'sla_at_risk', fromTier: 'L1', toTier: 'L2' });
    await probe.publish(Topics.SlaAtRisk, slaAtRiskEvent.type, congested, {
      ...slaAtRiskExample,
      ticketId: congested,
      clockId: randomUUID(),
      tier: 'L2',
    });
    await sleep(1000);
    expect(escalations(congested)).toHaveLength(1);
  });
});
