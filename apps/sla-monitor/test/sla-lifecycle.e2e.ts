import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  customerRepliedEvent,
  customerRepliedExample,
  inquiryTriagedEvent,
  inquiryTriagedExample,
  type TicketRouted,
  ticketMergedEvent,
  ticketMergedExample,
  ticketQueuedEvent,
  ticketQueuedExample,
  ticketRespondedEvent,
  ticketRespondedExample,
  ticketRoutedEvent,
  ticketRoutedExample,
  type TicketStatusChanged,
  ticketStatusChangedEvent,
  ticketStatusChangedExample,
  Topics,
} from '@switchboard/contracts';
import { EventProbe, grpcClient, http, startAppUnderTest, testNamespace, waitFor } from '@switchboard/testing';
import { loadSlaConfig, type SlaConfig } from '../src/config.js';
import { createSlaMonitorApp } from '../src/sla-monitor.app.js';

// One SLA hour lasts 2.4 s: L1 first and next response 2.4 s, resolution 9.6 s; L2 4.8 s / 19.2 s.
const SLA_HOUR_MS = 2400;
const TIME_SCALE = String(SLA_HOUR_MS / 3_600_000);

interface ClockView {
  id: string;
  kind: string;
  state: string;
  dueAt: string | null;
  consumedMs: number;
  policyId: string | null;
}
type Data = Record<string, unknown>;

describe('sla-monitor clock lifecycle: pauses, next responses, reopen, merge, policies, reports', () => {
  const namespace = testNamespace('slalife');
  let app: INestApplication;
  let config: SlaConfig;
  let probe: EventProbe;
  let base: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([
      Topics.SlaClockStarted,
      Topics.SlaClockStopped,
      Topics.SlaClockUpdated,
      Topics.SlaWarning,
      Topics.SlaBreached,
      Topics.SlaAtRisk,
    ]);
    ({ app, config, base } = await startAppUnderTest(namespace, loadSlaConfig, createSlaMonitorApp, {
      SLA_TIME_SCALE: TIME_SCALE,
      SLA_RECONCILE_INTERVAL_MS: '600000',
    }));
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  const route = (ticketId: string, over: Partial<TicketRouted> = {}) =>
    probe.publish(Topics.TicketRouted, ticketRoutedEvent.type, ticketId, {
      ...ticketRoutedExample,
      ticketId,
      tier: 'L1',
      agentId: `agent-${ticketId.slice(0, 8)}`,
      ...over,
    });
  const status = (ticketId: string, change: Partial<TicketStatusChanged>) =>
    probe.publish(Topics.TicketStatusChanged, ticketStatusChangedEvent.type, ticketId, {
      ...ticketStatusChangedExample,
      ticketId,
      changedAt: new Date().toISOString(),
      ...change,
    });
  const respond = (ticketId: string) =>
    probe.publish(Topics.TicketResponded, ticketRespondedEvent.type, ticketId, {
      ...ticketRespondedExample,
      ticketId,
      responseId: randomUUID(),
      respondedAt: new Date().toISOString(),
    });
  const reply = (ticketId: string) =>
    probe.publish(Topics.CustomerReplied, customerRepliedEvent.type, ticketId, {
      ...customerRepliedExample,
      ticketId,
      messageId: randomUUID(),
      repliedAt: new Date().toISOString(),
    });
  const clocks = async (ticketId: string) => (await http<ClockView[]>(`${base}/v1/clocks?ticketId=${ticketId}`)).body;
  const clockOf = async (ticketId: string, kind: string, state?: string) =>
    (await clocks(ticketId)).find((c) => c.kind === kind && (!state || c.state === state));
  const data = (topic: Parameters<EventProbe['of']>[0], ticketId: string) =>
    probe.of(topic, ticketId).map((m) => m.envelope.data as Data);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('pauses while waiting on the customer, resumes on the reply and runs a next-response clock to the answer', async () => {
    const ticketId = randomUUID();
    await route(ticketId);
    await waitFor(async () => (await clockOf(ticketId, 'resolution', 'running')) !== undefined, { what: 'resolution clock' });
    await respond(ticketId);
    await waitFor(async () => (await clockOf(ticketId, 'first_response', 'stopped')) !== undefined, {
      what: 'first response stop',
    });
    const before = (await clockOf(ticketId, 'resolution'))!;
    await status(ticketId, { from: 'open', to: 'waiting_on_customer' });
    const paused = await waitFor(async () => clockOf(ticketId, 'resolution', 'paused'), { what: 'paused resolution' });
    expect(paused.dueAt).toBeNull();
    await sleep(1500);
    await reply(ticketId);
    const resumed = await waitFor(async () => clockOf(ticketId, 'resolution', 'running'), { what: 'resumed resolution' });
    // The due time moved by at least the paused stretch.
    expect(new Date(resumed.dueAt!).getTime() - new Date(before.dueAt!).getTime()).toBeGreaterThanOrEqual(1400);
    const next = await waitFor(async () => clockOf(ticketId, 'next_response', 'running'), { what: 'next-response clock' });
    await respond(ticketId);
    await waitFor(async () => (await clockOf(ticketId, 'next_response', 'stopped')) !== undefined, {
      what: 'next response stop',
    });
    const stops = data(Topics.SlaClockStopped, ticketId).filter((d) => d.clockId === next.id);
    expect(stops).toEqual([expect.objectContaining({ kind: 'next_response', reason: 'responded', met: true })]);
    const updates = data(Topics.SlaClockUpdated, ticketId).map((d) => `${d.kind}:${d.reason}`);
    expect(updates).toEqual(['resolution:paused', 'resolution:resumed']);
  });

  it('warns at 50/75/90 % and breaches an unanswered next-response clock exactly once, never while paused', async () => {
    const ticketId = randomUUID();
    await route(ticketId);
    await waitFor(async () => (await clocks(ticketId)).length === 2, { what: 'clocks' });
    await respond(ticketId);
    await waitFor(async () => (await clockOf(ticketId, 'first_response', 'stopped')) !== undefined);
    const sent = await reply(ticketId);
    await probe.publish(
      Topics.CustomerReplied,
      customerRepliedEvent.type,
      ticketId,
      { ...customerRepliedExample, ticketId },
      sent.id,
    );
    const breach = await waitFor(async () => data(Topics.SlaBreached, ticketId).find((d) => d.kind === 'next_response'), {
      what: 'next-response breach',
    });
    expect(breach).toMatchObject({ tier: 'L1' });
    await sleep(800);
    const warnings = data(Topics.SlaWarning, ticketId)
      .filter((d) => d.kind === 'next_response')
      .map((d) => d.thresholdPercent);
    expect(warnings.sort()).toEqual([50, 75, 90]);
    expect(data(Topics.SlaBreached, ticketId).filter((d) => d.kind === 'next_response')).toHaveLength(1);

    // A paused clock fires nothing: the resolution clock (9.6 s) is paused right away and stays silent.
    const quiet = randomUUID();
    await route(quiet);
    await waitFor(async () => (await clockOf(quiet, 'resolution', 'running')) !== undefined);
    await status(quiet, { from: 'open', to: 'waiting_on_customer' });
    await waitFor(async () => (await clockOf(quiet, 'first_response', 'paused')) !== undefined, { what: 'pause' });
    await sleep(3000);
    expect(data(Topics.SlaWarning, quiet)).toEqual([]);
    expect(data(Topics.SlaBreached, quiet)).toEqual([]);
  });

  it('stops every clock on resolution, starts a resolution clock on reopen, and stops a merged ticket for good', async () => {
    const ticketId = randomUUID();
    await route(ticketId);
    await waitFor(async () => (await clocks(ticketId)).length === 2);
    await status(ticketId, { from: 'open', to: 'resolved', reopenCount: 0 });
    await waitFor(async () => (await clocks(ticketId)).every((c) => c.state === 'stopped'), { what: 'all stopped' });
    await status(ticketId, { from: 'resolved', to: 'open', reopenCount: 1 });
    const reopened = await waitFor(async () => clockOf(ticketId, 'resolution', 'running'), { what: 'reopened clock' });
    expect((await clocks(ticketId)).filter((c) => c.kind === 'resolution')).toHaveLength(2);

    const survivor = randomUUID();
    await probe.publish(Topics.TicketMerged, ticketMergedEvent.type, survivor, {
      ...ticketMergedExample,
      ticketId: survivor,
      mergedTicketId: ticketId,
      mergedAt: new Date().toISOString(),
    });
    await waitFor(async () => (await clocks(ticketId)).every((c) => c.state === 'stopped'), { what: 'merged stop' });
    const mergedStop = await waitFor(async () => data(Topics.SlaClockStopped, ticketId).find((d) => d.clockId === reopened.id), {
      what: 'stop event of the merged ticket',
    });
    expect(mergedStop).toMatchObject({ reason: 'merged' });
    await route(ticketId, { assignmentVersion: 5 });
    await sleep(500);
    expect((await clocks(ticketId)).filter((c) => c.state === 'running')).toEqual([]);
  });

  it('manages policies and calendars over REST and gRPC and retimes live clocks when a policy changes', async () => {
    const policies = (await http<{ id: string; tier: string; serviceLevel: string; calendarId: string }[]>(`${base}/v1/policies`))
      .body;
    expect(policies).toHaveLength(12);
    const l3enterprise = policies.find((p) => p.tier === 'L3' && p.serviceLevel === 'enterprise')!;
    expect(l3enterprise).toMatchObject({ calendarId: '24x7' });
    const bad = await http(`${base}/v1/calendars`, {
      body: { id: 'x', name: 'x', timeZone: 'Mars/Base', mode: 'business_hours' },
    });
    expect(bad.status).toBe(422);
    const created = await http(`${base}/v1/calendars`, {
      body: {
        id: 'berlin-office',
        name: 'Berlin office',
        timeZone: 'Europe/Berlin',
        mode: 'business_hours',
        weekly: [{ day: 1, start: '09:00', end: '17:00' }],
        holidays: ['2026-12-25'],
      },
    });
    expect(created.status).toBe(201);
    const dup = await http(`${base}/v1/policies`, {
      body: { tier: 'L3', serviceLevel: 'enterprise', firstResponseSeconds: 60, nextResponseSeconds: 60, resolutionSeconds: 60 },
    });
    expect(dup.status).toBe(409);

    const ticketId = randomUUID();
    await probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, ticketId, {
      ...inquiryTriagedExample,
      ticketId,
      serviceLevel: 'enterprise',
    });
    await route(ticketId, { tier: 'L3' });
    const clock = await waitFor(async () => clockOf(ticketId, 'resolution', 'running'), { what: 'L3 clock' });
    await waitFor(async () => (await clockOf(ticketId, 'resolution'))?.policyId === l3enterprise.id, {
      what: 'enterprise policy',
    });
    const patched = await http<{ recomputedClocks: number; version: number }>(`${base}/v1/policies/${l3enterprise.id}`, {
      method: 'PATCH',
      body: { resolutionSeconds: 7200 },
    });
    expect(patched.status).toBe(200);
    // Only the resolution target changed; the first-response clock keeps its due time.
    expect(patched.body.recomputedClocks).toBe(1);
    const retimed = (await clockOf(ticketId, 'resolution'))!;
    // 2 SLA hours = 4.8 s of target from the clock's start instead of 57.6 s.
    expect(new Date(retimed.dueAt!).getTime() - new Date(clock.dueAt!).getTime()).toBeLessThan(-50_000);
    await waitFor(async () => data(Topics.SlaClockUpdated, ticketId).some((d) => d.reason === 'policy_changed'), {
      what: 'update event',
    });

    const client = grpcClient('sla.proto', 'switchboard.sla.v1', 'SlaService', config.grpc.port);
    try {
      const listed = await client.ListPolicies({});
      expect((listed.policies as unknown[]).length).toBe(12);
      const got = await client.GetPolicy({ id: l3enterprise.id });
      expect(got).toMatchObject({ resolutionSeconds: 7200, version: 2 });
      await expect(client.GetPolicy({ id: randomUUID() })).rejects.toMatchObject({ code: 5 });
      const calendars = await client.ListCalendars({});
      expect((calendars.calendars as { id: string }[]).map((c) => c.id)).toEqual(['24x7', 'berlin-office']);
    } finally {
      client.close();
    }
  });

  it('predicts a miss for a ticket far down the queue, once', async () => {
    const ticketId = randomUUID();
    await route(ticketId, { tier: 'L2', agentId: null });
    await waitFor(async () => (await clocks(ticketId)).length === 2);
    const queued = { ...ticketQueuedExample, ticketId, tier: 'L2' as const, position: 12 };
    await probe.publish(Topics.TicketQueued, ticketQueuedEvent.type, ticketId, queued);
    await probe.publish(Topics.TicketQueued, ticketQueuedEvent.type, ticketId, { ...queued, position: 13 });
    const risk = await waitFor(async () => data(Topics.SlaAtRisk, ticketId)[0], { what: 'at-risk' });
    expect((risk.reasons as string[]).join(' ')).toContain('position 12');
    await sleep(500);
    expect(new Set(data(Topics.SlaAtRisk, ticketId).map((d) => d.clockId)).size).toBe(data(Topics.SlaAtRisk, ticketId).length);
  });

  it('reports attainment, breaches and response times, and a rebuild from the clock log gives the same numbers', async () => {
    const attainment = async () => (await http<Data[]>(`${base}/v1/reports/attainment`)).body;
    await waitFor(async () => (await attainment()).some((r) => (r.breached as number) > 0), { what: 'a breach in the report' });
    const before = await attainment();
    expect(before.length).toBeGreaterThan(0);
    const rebuilt = await http<{ rebuilt: boolean }>(`${base}/v1/reports/rebuild`, { method: 'POST' });
    expect(rebuilt.body.rebuilt).toBe(true);
    expect(await attainment()).toEqual(before);
    const breaches = (await http<Data[]>(`${base}/v1/reports/breaches?tier=L1`)).body;
    expect(breaches.some((b) => b.kind === 'next_response')).toBe(true);
    const times = (await http<Data[]>(`${base}/v1/reports/response-times`)).body;
    expect(times.find((t) => t.tier === 'L1')).toMatchObject({ firstResponses: expect.any(Number) });
    expect((await http(`${base}/v1/reports/attainment?period=year`)).status).toBe(422);
    const client = grpcClient('sla.proto', 'switchboard.sla.v1', 'SlaService', config.grpc.port);
    try {
      const rows = (await client.GetAttainment({ period: 'month' })).rows as Data[];
      const total = (rs: Data[]) => rs.reduce((n, r) => n + (r.clocks as number), 0);
      expect(total(rows)).toBe(total(before));
    } finally {
      client.close();
    }
  });
});
