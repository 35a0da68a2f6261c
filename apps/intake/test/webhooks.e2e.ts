import { randomUUID } from 'node:crypto';
import { Topics } from '@switchboard/contracts';
import {
  EventProbe,
  freePort,
  grpcClient,
  http,
  SAMPLE_INQUIRIES,
  ServiceProcess,
  serviceEnv,
  testNamespace,
  waitFor,
} from '@switchboard/testing';
import { ticketEventDefinitions } from '../src/integrators/ticket-events.js';
import { WebhookReceiver } from './webhook-receiver.js';

interface Subscription {
  id: string;
  secret: string;
  status: string;
}
interface LogItem {
  id: string;
  seq: string;
  eventTime: string;
  eventId: string;
  ticketId: string;
  status: string;
  replay: boolean;
  attempts: number;
  attemptLog: { at: string; statusCode: number | null; latencyMs: number; error: string | null }[];
}

async function submitInquiries(base: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await http<{ ticketId: string }>(`${base}/v1/inquiries`, {
      body: SAMPLE_INQUIRIES[i % SAMPLE_INQUIRIES.length],
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(202);
    ids.push(res.body.ticketId);
  }
  return ids;
}

async function deliveryLog(base: string, subscriptionId: string, status?: string): Promise<LogItem[]> {
  const res = await http<{ items: LogItem[] }>(
    `${base}/v1/webhooks/subscriptions/${subscriptionId}/deliveries?limit=1000${status ? `&status=${status}` : ''}`,
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('webhook delivery through receiver outages and an intake crash', () => {
  const namespace = testNamespace('webhooks');
  let env: NodeJS.ProcessEnv;
  let intake: ServiceProcess;
  let triage: ServiceProcess;
  let probe: EventProbe;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start(ticketEventDefinitions.map((d) => d.topic));
    env = await serviceEnv(namespace, {
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_RETRY_BASE_DELAY_MS: '100',
      WEBHOOK_RETRY_MAX_DELAY_MS: '1000',
      WEBHOOK_RETRY_WINDOW_MS: '600000',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_RECONCILE_INTERVAL_MS: '2000',
    });
    intake = new ServiceProcess('intake', env);
    triage = new ServiceProcess('triage', await serviceEnv(namespace));
    await Promise.all([intake.start(), triage.start()]);
    receiver = new WebhookReceiver(await freePort());
    await receiver.open();
  });

  afterAll(async () => {
    await receiver?.close();
    await Promise.all([intake?.stop(), triage?.stop()]);
    await probe?.stop();
  });

  it('delivers every event exactly once after dedupe, in order per ticket, signed, across 500s, an outage and a restart', async () => {
    const created = await http<Subscription>(`${intake.httpUrl}/v1/webhooks/subscriptions`, {
      body: { name: 'all events', url: receiver.url, eventTypes: ['*'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    receiver.secret = created.body.secret;
    const shown = await http<Record<string, unknown>>(`${intake.httpUrl}/v1/webhooks/subscriptions/${created.body.id}`);
    expect(shown.body).not.toHaveProperty('secret');

    const tickets = await submitInquiries(intake.httpUrl, 8);
    await waitFor(async () => receiver.distinct().length >= 8, { timeoutMs: 60_000, what: 'first deliveries' });

    receiver.mode = 'fail';
    tickets.push(...(await submitInquiries(intake.httpUrl, 8)));
    await waitFor(
      async () =>
        (await deliveryLog(intake.httpUrl, created.body.id)).some((d) => d.attemptLog.some((a) => a.statusCode === 500)),
      {
        timeoutMs: 60_000,
        what: 'a 500 in the delivery log',
      },
    );

    await receiver.close();
    tickets.push(...(await submitInquiries(intake.httpUrl, 8)));
    await intake.kill();
    intake = new ServiceProcess('intake', env);
    await intake.start();
    tickets.push(...(await submitInquiries(intake.httpUrl, 6)));
    await new Promise((r) => setTimeout(r, 1500));
    receiver.mode = 'ok';
    await receiver.open();

    const ours = new Set(tickets);
    const published = () => probe.seen.filter((m) => ours.has(m.envelope.subject));
    await waitFor(
      async () => {
        const triaged = new Set(
          published()
            .filter((m) => m.topic === Topics.InquiryTriaged)
            .map((m) => m.envelope.subject),
        );
        const expected = new Set(published().map((m) => m.envelope.id));
        const got = new Set(receiver.distinct().map((d) => d.eventId));
        return triaged.size === tickets.length && got.size === expected.size && [...expected].every((id) => got.has(id));
      },
      // Within 40 s: a wake-up that was running when intake was killed must be freed by the stalled
      // check in seconds (it held its job id, and with it the lane, for up to a minute before).
      { timeoutMs: 40_000, intervalMs: 500, what: 'every published ticket event at the receiver' },
    );
    // Nothing more trickles in: the count is exact, not just a superset.
    await new Promise((r) => setTimeout(r, 2000));
    const expectedIds = new Set(published().map((m) => m.envelope.id));
    const distinct = receiver.distinct();
    expect(distinct).toHaveLength(expectedIds.size);
    expect(distinct.every((d) => expectedIds.has(d.eventId))).toBe(true);
    expect(expectedIds.size).toBeGreaterThanOrEqual(tickets.length * 2);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    expect(receiver.requests.every((r) => r.eventId === r.body.id && r.eventType === r.body.type)).toBe(true);

    // Per ticket, the receiver saw every cause before its effects and each event type in event-time
    // order, and the first is always the inquiry. Siblings of one transaction on different topics
    // (triaged and review requested) are ordered by the settle window only, which a consumer that
    // lags longer (the intake crash below) can outrun.
    const log = await deliveryLog(intake.httpUrl, created.body.id);
    expect(log.filter((d) => d.status !== 'delivered')).toEqual([]);
    const envelopes = new Map(receiver.requests.map((r) => [r.eventId, r.body as { causationId?: string | null; time: string }]));
    for (const ticketId of tickets) {
      const seen = distinct.filter((d) => d.ticketId === ticketId);
      const position = new Map(seen.map((d, i) => [d.eventId, i]));
      for (const [i, d] of seen.entries()) {
        const cause = envelopes.get(d.eventId)?.causationId;
        if (cause && position.has(cause)) expect(position.get(cause)).toBeLessThan(i);
        const earlierOfType = seen.slice(0, i).filter((e) => e.eventType === d.eventType);
        const time = (id: string) => Date.parse(envelopes.get(id)?.time ?? '');
        expect(earlierOfType.every((e) => time(e.eventId) <= time(d.eventId))).toBe(true);
      }
      expect(seen[0]?.eventType).toBe('com.switchboard.inquiry.received.v1');
    }

    // The log shows the failures the outage caused: 500s, refused connections, then success.
    const retried = log.filter((d) => d.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    const codes = new Set(retried.flatMap((d) => d.attemptLog.map((a) => a.statusCode)));
    expect([...codes]).toEqual(expect.arrayContaining([500, null, 204]));
    expect(retried.every((d) => d.attemptLog.every((a) => a.latencyMs >= 0 && a.at))).toBe(true);
  });

  it('manages subscriptions over gRPC with the same rules as REST', async () => {
    const client = grpcClient('intake.proto', 'switchboard.intake.v1', 'WebhookSubscriptionService', env.GRPC_PORT!);
    try {
      const created = await client.CreateSubscription({
        url: receiver.url,
        eventTypes: ['support.ticket.resolved.v1'],
        filterJson: JSON.stringify({ channels: ['email'] }),
      });
      expect(created).toMatchObject({ eventTypes: ['com.switchboard.ticket.resolved.v1'], status: 'active' });
      expect(created.secret).toMatch(/^whsec_/);
      const paused = await client.UpdateSubscription({ id: created.id, status: 'paused' });
      expect(paused).toMatchObject({ status: 'paused', secret: '' });
      const listed = (await client.ListSubscriptions({})) as { items: { id: string }[] };
      expect(listed.items.map((s) => s.id)).toContain(created.id);
      const rotated = await client.RotateSecret({ id: created.id });
      expect(rotated.secret).not.toBe(created.secret);
      await client.DeleteSubscription({ id: created.id });
      await expect(client.GetSubscription({ id: created.id })).rejects.toThrow(/WEBHOOK.SUBSCRIPTION_NOT_FOUND/);
      await expect(client.CreateSubscription({ url: 'ftp://example.com/x', eventTypes: ['*'] })).rejects.toThrow(
        /WEBHOOK.TARGET_URL_REJECTED/,
      );
    } finally {
      client.close();
    }
  });
});
