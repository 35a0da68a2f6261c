import { randomUUID } from 'node:crypto';
import { Topics } from '@switchboard/contracts';
import {
  EventProbe,
  freePort,
  http,
  SAMPLE_INQUIRIES,
  ServiceProcess,
  schemaOf,
  serviceEnv,
  TEST_DATABASE_URL,
  testNamespace,
  waitFor,
} from '@switchboard/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { WebhookReceiver } from './webhook-receiver.js';

// Survey and webhook alarms whose timing goes wrong; the reconcilers are ten minutes away, so
// nothing here is rescued by them.
// - An alarm that fires before its row's recorded time (clock skew between hosts, a moved
//   schedule) re-arms itself while it is still BullMQ's active job. Under its own job id that add
//   was dropped, and the work waited for the reconciler.
// - A process whose event loop stalls past its job lock loses the job: the stalled check hands it
//   to another worker while the first run, once unblocked, carries on, so the same alarm runs
//   twice at once. Eight copies of an alarm due with the real one stand for that.
describe('alarms that fire early, or several times at once', () => {
  const namespace = testNamespace('early-alarms');
  let intake: ServiceProcess;
  let probe: EventProbe;
  let db: pg.Client;
  let redis: Redis;
  let receiver: WebhookReceiver;
  const table = (name: string) => `"${schemaOf('intake', namespace)}".${name}`;

  const submit = async () => {
    const res = await http<{ ticketId: string }>(`${intake.httpUrl}/v1/inquiries`, {
      body: SAMPLE_INQUIRIES[0],
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(202);
    return res.body.ticketId;
  };

  /** A resolved ticket whose survey invitation is scheduled, not yet sent. */
  const scheduledSurvey = async () => {
    const ticketId = await submit();
    expect((await http(`${intake.httpUrl}/v1/tickets/${ticketId}/resolve`, { body: { resolvedBy: 'agent-7' } })).status).toBe(
      202,
    );
    const survey = await waitFor(
      async () =>
        (
          await db.query<{ id: string; at: Date }>(
            `SELECT id, next_send_at AS at FROM ${table('surveys')} WHERE ticket_id = $1 AND sent_count = 0`,
            [ticketId],
          )
        ).rows[0],
      { what: 'the scheduled survey' },
    );
    return { ticketId, ...survey };
  };

  /** A ticket's webhook delivery whose first attempt failed, with the receiver answering 2xx from now on. */
  const failedDelivery = async () => {
    receiver.mode = 'fail';
    const ticketId = await submit();
    const delivery = await waitFor(
      async () =>
        (
          await db.query<{ id: string; at: Date }>(
            `SELECT id, next_attempt_at AS at FROM ${table('webhook_deliveries')}
             WHERE ticket_id = $1 AND status = 'pending' AND attempts = 1 AND lease_until IS NULL AND last_status_code = 500`,
            [ticketId],
          )
        ).rows[0],
      { what: 'the first, failed attempt' },
    );
    receiver.mode = 'ok';
    return { ticketId, ...delivery };
  };

  const deliveredAt = (id: string) =>
    waitFor(
      async () =>
        (
          await db.query<{ at: Date }>(
            `SELECT delivered_at AS at FROM ${table('webhook_deliveries')} WHERE id = $1 AND status = 'delivered'`,
            [id],
          )
        ).rows[0]?.at,
      { timeoutMs: 20_000, what: 'the retry' },
    );

  /** Moves a row's due time 4 s past the alarm already armed for it. */
  const postpone = async (sql: string, id: string) => {
    const moved = await db.query<{ at: Date }>(sql, [id]);
    expect(moved.rowCount).toBe(1);
    return moved.rows[0]!.at.getTime();
  };

  /** Eight copies of a job, each under its own id (BullMQ keeps one job per id), due at `at`. */
  const copy = async (queueName: string, name: string, data: object, at: Date) => {
    const queue = new Queue(queueName, { connection: redis, prefix: `${namespace}bull` });
    try {
      const delay = Math.max(0, at.getTime() - Date.now());
      await queue.addBulk(
        Array.from({ length: 8 }, (_, i) => ({ name, data, opts: { jobId: `copy_${randomUUID()}_${i}`, delay } })),
      );
    } finally {
      await queue.close();
    }
  };

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.SurveySent]);
    const env = await serviceEnv(namespace, {
      SURVEY_DELAY_MS: '5000',
      SURVEY_REMINDER_COUNT: '0',
      SURVEY_RECONCILE_INTERVAL_MS: '600000',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_RETRY_BASE_DELAY_MS: '6000',
      WEBHOOK_RETRY_MAX_DELAY_MS: '6000',
      WEBHOOK_ORDER_SETTLE_MS: '0',
      WEBHOOK_RECONCILE_INTERVAL_MS: '600000',
    });
    intake = new ServiceProcess('intake', env);
    await intake.start();
    db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    redis = new Redis(env.REDIS_URL as string);
    receiver = new WebhookReceiver(await freePort());
    await receiver.open();
    const subscription = await http<{ id: string; secret: string }>(`${intake.httpUrl}/v1/webhooks/subscriptions`, {
      body: { url: receiver.url, eventTypes: ['support.inquiry.received.v1'] },
    });
    expect(subscription.status).toBe(201);
    receiver.secret = subscription.body.secret;
  });

  afterAll(async () => {
    await receiver?.close();
    redis?.disconnect();
    await db?.end();
    await intake?.stop();
    await probe?.stop();
  });

  it('sends a survey at its recorded time, once', async () => {
    const survey = await scheduledSurvey();
    const dueAt = await postpone(
      `UPDATE ${table('surveys')} SET next_send_at = next_send_at + interval '4 seconds'
       WHERE id = $1 AND sent_count = 0 RETURNING next_send_at AS at`,
      survey.id,
    );

    const invitation = await probe.waitForEvent(Topics.SurveySent, survey.ticketId, 20_000);
    expect(Date.parse((invitation.envelope.data as { sentAt: string }).sentAt)).toBeGreaterThanOrEqual(dueAt - 1000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(probe.of(Topics.SurveySent, survey.ticketId)).toHaveLength(1);
  });

  it('makes a webhook retry at its recorded time', async () => {
    const delivery = await failedDelivery();
    const dueAt = await postpone(
      `UPDATE ${table('webhook_deliveries')} SET next_attempt_at = next_attempt_at + interval '4 seconds'
       WHERE id = $1 AND attempts = 1 RETURNING next_attempt_at AS at`,
      delivery.id,
    );

    expect((await deliveredAt(delivery.id)).getTime()).toBeGreaterThanOrEqual(dueAt - 1000);
    expect(receiver.distinct((d) => d.ticketId === delivery.ticketId)).toHaveLength(1);
  });

  it('sends a survey once when its alarm runs nine times at once', async () => {
    const survey = await scheduledSurvey();
    await copy('survey-sends', 'invite', { surveyId: survey.id, send: 0 }, survey.at);

    await probe.waitForEvent(Topics.SurveySent, survey.ticketId, 20_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(probe.of(Topics.SurveySent, survey.ticketId)).toHaveLength(1);
  });

  it('makes a webhook retry once when its wake-up runs nine times at once', async () => {
    const delivery = await failedDelivery();
    await copy('webhook-deliveries', 'deliver', { deliveryId: delivery.id }, delivery.at);

    await deliveredAt(delivery.id);
    await new Promise((r) => setTimeout(r, 2000));
    // every request that reached the receiver, not only distinct events: a second send would show
    expect(receiver.requests.filter((d) => d.ticketId === delivery.ticketId)).toHaveLength(1);
    const attempts = await db.query<{ attempts: number }>(`SELECT attempts FROM ${table('webhook_deliveries')} WHERE id = $1`, [
      delivery.id,
    ]);
    expect(attempts.rows[0]!.attempts).toBe(2);
  });
});
