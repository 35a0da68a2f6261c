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

// A process whose event loop stalls past its job lock loses the job: the stalled check hands it
// to another worker while the first run, once unblocked, carries on. The same alarm then runs twice
// at once. Here eight copies of an alarm are due at the very time of the real one.
describe('alarms that run several times at once', () => {
  const namespace = testNamespace('copied-alarms');
  let env: NodeJS.ProcessEnv;
  let intake: ServiceProcess;
  let probe: EventProbe;
  let db: pg.Client;
  let redis: Redis;
  const table = (name: string) => `"${schemaOf('intake', namespace)}".${name}`;

  const submit = async () => {
    const res = await http<{ ticketId: string }>(`${intake.httpUrl}/v1/inquiries`, {
      body: SAMPLE_INQUIRIES[0],
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(202);
    return res.body.ticketId;
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
    env = await serviceEnv(namespace, {
      SURVEY_DELAY_MS: '4000',
      SURVEY_REMINDER_COUNT: '0',
      SURVEY_RECONCILE_INTERVAL_MS: '600000',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_RETRY_BASE_DELAY_MS: '4000',
      WEBHOOK_RETRY_MAX_DELAY_MS: '4000',
      WEBHOOK_ORDER_SETTLE_MS: '0',
      WEBHOOK_RECONCILE_INTERVAL_MS: '600000',
    });
    intake = new ServiceProcess('intake', env);
    await intake.start();
    db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    redis = new Redis(env.REDIS_URL as string);
  });

  afterAll(async () => {
    redis?.disconnect();
    await db?.end();
    await intake?.stop();
    await probe?.stop();
  });

  it('sends a survey once when its alarm runs nine times at once', async () => {
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
    await copy('survey-sends', 'invite', { surveyId: survey.id, send: 0 }, survey.at);

    await probe.waitForEvent(Topics.SurveySent, ticketId, 20_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(probe.of(Topics.SurveySent, ticketId)).toHaveLength(1);
  });

  it('makes a webhook retry once when its wake-up runs nine times at once', async () => {
    const receiver = new WebhookReceiver(await freePort());
    receiver.mode = 'fail';
    await receiver.open();
    try {
      const subscription = await http<{ id: string; secret: string }>(`${intake.httpUrl}/v1/webhooks/subscriptions`, {
        body: { url: receiver.url, eventTypes: ['support.inquiry.received.v1'] },
      });
      expect(subscription.status).toBe(201);
      receiver.secret = subscription.body.secret;
      const ticketId = await submit();
      const failedOnce = await waitFor(
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
      await copy('webhook-deliveries', 'deliver', { deliveryId: failedOnce.id }, failedOnce.at);

      await waitFor(
        async () =>
          (await db.query(`SELECT 1 FROM ${table('webhook_deliveries')} WHERE id = $1 AND status = 'delivered'`, [failedOnce.id]))
            .rowCount === 1,
        { timeoutMs: 20_000, what: 'the retry' },
      );
      await new Promise((r) => setTimeout(r, 2000));
      // every request that reached the receiver, not only distinct events: a second send would show
      expect(receiver.requests.map((d) => d.ticketId)).toEqual([ticketId]);
      const attempts = await db.query<{ attempts: number }>(`SELECT attempts FROM ${table('webhook_deliveries')} WHERE id = $1`, [
        failedOnce.id,
      ]);
      expect(attempts.rows[0]!.attempts).toBe(2);
    } finally {
      await receiver.close();
    }
  });
});
