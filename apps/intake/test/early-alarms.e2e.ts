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
import pg from 'pg';
import { WebhookReceiver } from './webhook-receiver.js';

// An alarm that fires before its row's recorded time (clock skew between hosts, a moved schedule)
// re-arms itself while it is still BullMQ's active job. Under its own job id that add was dropped,
// and the work waited for the reconciler; here the reconcilers are ten minutes away.
describe('alarms that fire before their time', () => {
  const namespace = testNamespace('early-alarms');
  let intake: ServiceProcess;
  let probe: EventProbe;
  let db: pg.Client;
  const table = (name: string) => `"${schemaOf('intake', namespace)}".${name}`;

  const submit = async () => {
    const res = await http<{ ticketId: string }>(`${intake.httpUrl}/v1/inquiries`, {
      body: SAMPLE_INQUIRIES[0],
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(202);
    return res.body.ticketId;
  };

  /** Moves a row's due time 4 s past the alarm already armed for it. */
  const postpone = async (sql: string, id: string) => {
    const moved = await db.query<{ at: Date }>(sql, [id]);
    expect(moved.rowCount).toBe(1);
    return moved.rows[0]!.at.getTime();
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
  });

  afterAll(async () => {
    await db?.end();
    await intake?.stop();
    await probe?.stop();
  });

  it('sends a survey at its recorded time, once', async () => {
    const ticketId = await submit();
    expect((await http(`${intake.httpUrl}/v1/tickets/${ticketId}/resolve`, { body: { resolvedBy: 'agent-7' } })).status).toBe(
      202,
    );
    const surveyId = await waitFor(
      async () =>
        (await db.query<{ id: string }>(`SELECT id FROM ${table('surveys')} WHERE ticket_id = $1`, [ticketId])).rows[0]?.id,
      { what: 'the scheduled survey' },
    );
    const dueAt = await postpone(
      `UPDATE ${table('surveys')} SET next_send_at = next_send_at + interval '4 seconds'
       WHERE id = $1 AND sent_count = 0 RETURNING next_send_at AS at`,
      surveyId,
    );

    const invitation = await probe.waitForEvent(Topics.SurveySent, ticketId, 20_000);
    expect(Date.parse((invitation.envelope.data as { sentAt: string }).sentAt)).toBeGreaterThanOrEqual(dueAt - 1000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(probe.of(Topics.SurveySent, ticketId)).toHaveLength(1);
  });

  it('makes a webhook retry at its recorded time', async () => {
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
            await db.query<{ id: string }>(
              `SELECT id FROM ${table('webhook_deliveries')} WHERE ticket_id = $1 AND status = 'pending' AND attempts = 1
               AND lease_until IS NULL AND last_status_code = 500`,
              [ticketId],
            )
          ).rows[0]?.id,
        { what: 'the first, failed attempt' },
      );
      receiver.mode = 'ok';
      const dueAt = await postpone(
        `UPDATE ${table('webhook_deliveries')} SET next_attempt_at = next_attempt_at + interval '4 seconds'
         WHERE id = $1 AND attempts = 1 RETURNING next_attempt_at AS at`,
        failedOnce,
      );

      const delivered = await waitFor(
        async () =>
          (
            await db.query<{ at: Date }>(
              `SELECT delivered_at AS at FROM ${table('webhook_deliveries')} WHERE id = $1 AND status = 'delivered'`,
              [failedOnce],
            )
          ).rows[0]?.at,
        { timeoutMs: 20_000, what: 'the retry' },
      );
      expect(delivered.getTime()).toBeGreaterThanOrEqual(dueAt - 1000);
      expect(receiver.distinct().map((d) => d.ticketId)).toEqual([ticketId]);
    } finally {
      await receiver.close();
    }
  });
});
