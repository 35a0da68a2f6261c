import { randomUUID } from 'node:crypto';
import { verifyWebhookSignature } from '@switchboard/contracts';
import { freePort, http, SAMPLE_INQUIRIES, ServiceProcess, serviceEnv, testNamespace, waitFor } from '@switchboard/testing';
import { WebhookReceiver } from './webhook-receiver.js';

interface LogItem {
  id: string;
  eventId: string;
  eventType: string;
  ticketId: string;
  status: string;
  replay: boolean;
  attempts: number;
  attemptLog: { statusCode: number | null; error: string | null; latencyMs: number }[];
}

describe('webhook dead letters, manual retry and replay from Kafka', () => {
  const namespace = testNamespace('webhook-dlq');
  let intake: ServiceProcess;
  let receiver: WebhookReceiver;
  let base: string;
  let subscription: { id: string; secret: string };
  const tickets: string[] = [];
  const startedAt = new Date(Date.now() - 1000);

  const log = async (status?: string) =>
    (
      await http<{ items: LogItem[] }>(
        `${base}/v1/webhooks/subscriptions/${subscription.id}/deliveries?limit=1000${status ? `&status=${status}` : ''}`,
      )
    ).body.items;

  const submit = async () => {
    const res = await http<{ ticketId: string }>(`${base}/v1/inquiries`, {
      body: SAMPLE_INQUIRIES[tickets.length % SAMPLE_INQUIRIES.length],
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(202);
    return res.body.ticketId;
  };

  beforeAll(async () => {
    intake = new ServiceProcess(
      'intake',
      await serviceEnv(namespace, {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_BASE_DELAY_MS: '100',
        WEBHOOK_RETRY_MAX_DELAY_MS: '300',
        WEBHOOK_RETRY_WINDOW_MS: '1500',
        WEBHOOK_TIMEOUT_MS: '1000',
        SURVEY_DELAY_MS: '3600000',
      }),
    );
    await intake.start();
    base = intake.httpUrl;
    receiver = new WebhookReceiver(await freePort());
  });

  afterAll(async () => {
    await receiver?.close();
    await intake?.stop();
  });

  it('dead-letters what a receiver that never answers could not take, then delivers it on manual retry', async () => {
    const created = await http<{ id: string; secret: string }>(`${base}/v1/webhooks/subscriptions`, {
      body: { url: receiver.url, eventTypes: ['support.inquiry.received.v1', 'com.switchboard.ticket.resolved.v1'] },
    });
    expect(created.status).toBe(201);
    subscription = created.body;
    receiver.secret = subscription.secret;
    for (let i = 0; i < 4; i += 1) tickets.push(await submit());
    for (const id of tickets) {
      expect((await http(`${base}/v1/tickets/${id}/resolve`, { body: { resolvedBy: 'agent-1' } })).status).toBe(202);
    }

    const dead = await waitFor(async () => ((await log('dead')).length === 8 ? log('dead') : undefined), {
      timeoutMs: 60_000,
      what: 'eight dead letters',
    });
    expect(dead.every((d) => d.attempts >= 2 && d.attemptLog.every((a) => a.statusCode === null && a.error))).toBe(true);
    const listed = await http<{ items: LogItem[] }>(`${base}/v1/webhooks/subscriptions/${subscription.id}/dead-letters`);
    expect(listed.body.items.map((d) => d.id).sort()).toEqual(dead.map((d) => d.id).sort());

    await receiver.open();
    const retried = await http<{ requeued: number }>(`${base}/v1/webhooks/subscriptions/${subscription.id}/dead-letters/retry`, {
      body: {},
    });
    expect(retried).toMatchObject({ status: 202, body: { requeued: 8 } });
    await waitFor(async () => receiver.distinct().length === 8, { timeoutMs: 30_000, what: 'eight deliveries after retry' });
    expect(await log('dead')).toEqual([]);
    for (const id of tickets) {
      expect(receiver.distinct((d) => d.ticketId === id).map((d) => d.eventType)).toEqual([
        'com.switchboard.inquiry.received.v1',
        'com.switchboard.ticket.resolved.v1',
      ]);
    }
    expect(receiver.requests.every((r) => r.signatureValid && !r.replay)).toBe(true);
  });

  it('replays every matching event since a point in time, read back from Kafka and marked as replays', async () => {
    const replay = await http<{ read: number; replayed: number }>(
      `${base}/v1/webhooks/subscriptions/${subscription.id}/replays`,
      {
        body: { from: startedAt.toISOString() },
      },
    );
    expect(replay.status).toBe(202);
    expect(replay.body.replayed).toBe(8);
    await waitFor(async () => receiver.requests.filter((r) => r.replay).length === 8, { timeoutMs: 30_000, what: 'replays' });
    const replayed = receiver.requests.filter((r) => r.replay);
    expect(new Set(replayed.map((r) => r.eventId))).toEqual(new Set(receiver.distinct().map((d) => d.eventId)));
    expect(replayed.every((r) => r.signatureValid)).toBe(true);
    // The receiver answers before the attempt is recorded, so the log catches up a moment later.
    const rows = await waitFor(
      async () => {
        const replays = (await log()).filter((d) => d.replay);
        return replays.every((d) => d.status === 'delivered') && replays;
      },
      { what: 'replays logged as delivered' },
    );
    expect(rows).toHaveLength(8);

    const fromNow = await http<{ replayed: number }>(`${base}/v1/webhooks/subscriptions/${subscription.id}/replays`, {
      body: { from: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(fromNow.body.replayed).toBe(0);
    const window = await http<{ replayed: number }>(`${base}/v1/webhooks/subscriptions/${subscription.id}/replays`, {
      body: { from: startedAt.toISOString(), until: new Date(startedAt.getTime() + 1).toISOString() },
    });
    expect(window.body.replayed).toBe(0);
  });

  it('holds deliveries while paused and sends them on resume', async () => {
    const url = `${base}/v1/webhooks/subscriptions/${subscription.id}`;
    expect((await http(url, { method: 'PATCH', body: { status: 'paused' } })).body).toMatchObject({ status: 'paused' });
    const held = await submit();
    await waitFor(async () => (await log('pending')).some((d) => d.ticketId === held), { what: 'a held delivery' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.requests.some((r) => r.ticketId === held)).toBe(false);
    expect((await http(url, { method: 'PATCH', body: { status: 'active' } })).status).toBe(200);
    await waitFor(async () => receiver.requests.some((r) => r.ticketId === held), {
      timeoutMs: 20_000,
      what: 'resumed delivery',
    });
  });

  it('signs with both secrets during a rotation', async () => {
    const rotated = await http<{ secret: string; previousSecretValidUntil: string }>(
      `${base}/v1/webhooks/subscriptions/${subscription.id}/rotate-secret`,
      { method: 'POST' },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(subscription.secret);
    expect(Date.parse(rotated.body.previousSecretValidUntil)).toBeGreaterThan(Date.now());
    const ticket = await submit();
    const request = await waitFor(async () => receiver.requests.find((r) => r.ticketId === ticket), { what: 'signed delivery' });
    for (const secret of [subscription.secret, rotated.body.secret]) {
      expect(verifyWebhookSignature({ body: request.raw, header: request.signature, secret }).ok).toBe(true);
    }
    expect(verifyWebhookSignature({ body: request.raw, header: request.signature, secret: 'whsec_other' }).ok).toBe(false);
  });

  it('rejects bad input with problem+json and leaves nothing behind', async () => {
    const before = (await http<{ items: unknown[] }>(`${base}/v1/webhooks/subscriptions`)).body.items.length;
    const cases: [unknown, string][] = [
      [{ url: 'ftp://example.com/in', eventTypes: ['*'] }, 'WEBHOOK.TARGET_URL_REJECTED'],
      [{ url: 'javascript:alert(1)', eventTypes: ['*'] }, 'WEBHOOK.TARGET_URL_REJECTED'],
      [{ url: 'http://u:p@127.0.0.1/', eventTypes: ['*'] }, 'WEBHOOK.TARGET_URL_REJECTED'],
      [{ url: receiver.url, eventTypes: ['support.agent.status-changed.v1'] }, 'WEBHOOK.UNKNOWN_EVENT_TYPE'],
      [{ url: receiver.url, eventTypes: [] }, 'REQUEST.VALIDATION_FAILED'],
      [{ url: receiver.url, eventTypes: ['*'], filter: { tiers: ['L9'] } }, 'REQUEST.VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await http<{ code: string }>(`${base}/v1/webhooks/subscriptions`, { body });
      expect([res.status, res.contentType.split(';')[0], res.body.code]).toEqual([422, 'application/problem+json', code]);
    }
    expect((await http<{ items: unknown[] }>(`${base}/v1/webhooks/subscriptions`)).body.items).toHaveLength(before);
    expect((await http(`${base}/v1/webhooks/subscriptions/${randomUUID()}`)).status).toBe(404);
    expect((await http(`${base}/v1/webhooks/subscriptions/not-a-uuid`)).status).toBe(404);
    expect((await http(`${base}/v1/webhooks/deliveries/${randomUUID()}/retry`, { method: 'POST' })).status).toBe(404);
    const badReplay = await http<{ code: string }>(`${base}/v1/webhooks/subscriptions/${subscription.id}/replays`, {
      body: { from: 'yesterday' },
    });
    expect(badReplay.status).toBe(422);
  });
});
