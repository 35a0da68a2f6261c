import { randomUUID } from 'node:crypto';
import { Topics } from '@switchboard/contracts';
import { EventProbe, http, SAMPLE_INQUIRIES, ServiceProcess, serviceEnv, testNamespace, waitFor } from '@switchboard/testing';
import { Redis } from 'ioredis';

interface Aggregate {
  key: string;
  sent: number;
  responses: number;
  responseRate: number;
  csat: { responses: number; average: number | null; distribution: Record<string, number> };
  nps: { responses: number; score: number | null; promoters: number; passives: number; detractors: number };
}

describe('follow-up surveys after resolution', () => {
  const namespace = testNamespace('surveys');
  let env: NodeJS.ProcessEnv;
  let intake: ServiceProcess;
  let probe: EventProbe;
  const sent = (ticketId: string) => probe.of(Topics.SurveySent, ticketId);

  async function resolvedTicket(n: number): Promise<string> {
    const res = await http<{ ticketId: string }>(`${intake.httpUrl}/v1/inquiries`, {
      body: SAMPLE_INQUIRIES[n % SAMPLE_INQUIRIES.length],
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(
      (await http(`${intake.httpUrl}/v1/tickets/${res.body.ticketId}/resolve`, { body: { resolvedBy: 'agent-7' } })).status,
    ).toBe(202);
    return res.body.ticketId;
  }

  const answer = (path: string, body: unknown) =>
    http<{ code?: string; followUp?: boolean }>(`${intake.httpUrl}${path}`, { body });
  const firstInvitation = async (ticketId: string) =>
    (await probe.waitForEvent(Topics.SurveySent, ticketId, 30_000)).envelope.data as { responsePath: string; reminder: number };

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.SurveySent, Topics.SurveyResponded]);
    env = await serviceEnv(namespace, {
      SURVEY_DELAY_MS: '2000',
      SURVEY_REMINDER_COUNT: '2',
      SURVEY_REMINDER_INTERVAL_MS: '1500',
      SURVEY_RECONCILE_INTERVAL_MS: '1000',
    });
    intake = new ServiceProcess('intake', env);
    await intake.start();
  });

  afterAll(async () => {
    await intake?.stop();
    await probe?.stop();
  });

  const tickets: Record<'silent' | 'happy' | 'unhappy' | 'detractor', string> = {} as never;

  it('sends the survey after the configured delay, then the configured reminders, then stops', async () => {
    tickets.silent = await resolvedTicket(0);
    tickets.happy = await resolvedTicket(1);
    tickets.unhappy = await resolvedTicket(2);
    tickets.detractor = await resolvedTicket(3);
    const invitation = await firstInvitation(tickets.silent);
    expect(invitation).toMatchObject({ reminder: 0, questions: ['csat', 'nps'] });
    expect(invitation.responsePath).toMatch(/^\/v1\/surveys\/sv_[\w-]+\/responses$/);
    await waitFor(async () => sent(tickets.silent).length === 3, { timeoutMs: 30_000, what: 'two reminders' });
    expect(sent(tickets.silent).map((m) => (m.envelope.data as { reminder: number }).reminder)).toEqual([0, 1, 2]);
    const gaps = sent(tickets.silent).map((m) => Date.parse((m.envelope.data as { sentAt: string }).sentAt));
    expect(gaps[1]! - gaps[0]!).toBeGreaterThanOrEqual(1400);
    await new Promise((r) => setTimeout(r, 2500));
    expect(sent(tickets.silent)).toHaveLength(3);
  });

  it('takes one response per survey link, flags low scores for follow-up, and stops reminding once answered', async () => {
    const happy = await firstInvitation(tickets.happy);
    const first = await answer(happy.responsePath, { csat: 5, nps: 10, comment: 'Quick and friendly.' });
    expect(first).toMatchObject({ status: 201, body: { followUp: false } });
    const second = await answer(happy.responsePath, { csat: 1 });
    expect([second.status, second.contentType.split(';')[0], second.body.code]).toEqual([
      409,
      'application/problem+json',
      'SURVEY.ALREADY_ANSWERED',
    ]);

    const unhappy = await firstInvitation(tickets.unhappy);
    expect(await answer(unhappy.responsePath, { csat: 6 })).toMatchObject({ status: 422 });
    expect(await answer(unhappy.responsePath, {})).toMatchObject({ status: 422, body: { code: 'SURVEY.NO_SCORE' } });
    expect(await answer(unhappy.responsePath, { csat: 1 })).toMatchObject({ status: 201, body: { followUp: true } });
    const detractor = await firstInvitation(tickets.detractor);
    expect(await answer(detractor.responsePath, { nps: 6 })).toMatchObject({ status: 201, body: { followUp: true } });
    expect(await answer('/v1/surveys/sv_doesnotexist0000/responses', { csat: 3 })).toMatchObject({ status: 404 });

    const responded = await waitFor(
      async () => (probe.of(Topics.SurveyResponded).length === 3 ? probe.of(Topics.SurveyResponded) : undefined),
      {
        what: 'three responded events',
      },
    );
    const byTicket = Object.fromEntries(responded.map((m) => [m.envelope.subject, m.envelope.data]));
    expect(byTicket[tickets.happy]).toMatchObject({ csat: 5, nps: 10, followUp: false, comment: 'Quick and friendly.' });
    expect(byTicket[tickets.unhappy]).toMatchObject({ csat: 1, followUp: true });
    expect(byTicket[tickets.detractor]).toMatchObject({ nps: 6, followUp: true });
    const flagged = await http<{ items: { ticketId: string }[] }>(`${intake.httpUrl}/v1/surveys?followUp=true`);
    expect(flagged.body.items.map((s) => s.ticketId).sort()).toEqual([tickets.unhappy, tickets.detractor].sort());
    // A follow-up score reopens the resolved ticket for a person; a happy customer's stays resolved.
    const lifecycle = async (id: string) =>
      (await http<{ lifecycle: { status: string; reopenCount: number } }>(`${intake.httpUrl}/v1/tickets/${id}`)).body.lifecycle;
    expect(await lifecycle(tickets.unhappy)).toMatchObject({ status: 'open', reopenCount: 1 });
    expect(await lifecycle(tickets.detractor)).toMatchObject({ status: 'open', reopenCount: 1 });
    expect(await lifecycle(tickets.happy)).toMatchObject({ status: 'resolved', reopenCount: 0 });

    // Answered right after the invitation: the two reminders that were due never go out.
    const prompt = await resolvedTicket(4);
    const invitation = await firstInvitation(prompt);
    expect(await answer(invitation.responsePath, { csat: 4, nps: 8 })).toMatchObject({ status: 201, body: { followUp: false } });
    await new Promise((r) => setTimeout(r, 4000));
    expect(sent(prompt)).toHaveLength(1);
  });

  it('aggregates CSAT, NPS and response rate overall and by channel', async () => {
    const all = await http<{ groups: Aggregate[] }>(`${intake.httpUrl}/v1/surveys/aggregates`);
    expect(all.status).toBe(200);
    expect(all.body.groups).toEqual([
      {
        key: 'all',
        sent: 5,
        responses: 4,
        responseRate: 0.8,
        csat: { responses: 3, average: 3.33, distribution: { 1: 1, 2: 0, 3: 0, 4: 1, 5: 1 } },
        nps: { responses: 3, score: 0, promoters: 1, passives: 1, detractors: 1 },
      },
    ]);
    const byChannel = await http<{ groups: Aggregate[] }>(`${intake.httpUrl}/v1/surveys/aggregates?groupBy=channel`);
    expect(byChannel.body.groups.map((g) => g.key).sort()).toEqual(
      [...new Set(SAMPLE_INQUIRIES.slice(0, 5).map((i) => i.channel))].sort(),
    );
    const byMonth = await http<{ groups: Aggregate[] }>(`${intake.httpUrl}/v1/surveys/aggregates?groupBy=month`);
    expect(byMonth.body.groups.map((g) => g.key)).toEqual([new Date().toISOString().slice(0, 7)]);
    const future = await http<{ groups: Aggregate[] }>(
      `${intake.httpUrl}/v1/surveys/aggregates?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.body.groups).toEqual([]);
    expect((await http(`${intake.httpUrl}/v1/surveys/aggregates?groupBy=colour`)).status).toBe(422);
  });

  it('re-arms survey timers from PostgreSQL after a crash that also lost the Redis jobs', async () => {
    const ticketId = await resolvedTicket(5);
    await waitFor(
      async () => (await http<{ items: unknown[] }>(`${intake.httpUrl}/v1/surveys?ticketId=${ticketId}`)).body.items.length === 1,
      {
        what: 'the scheduled survey',
      },
    );
    await intake.kill();
    const redis = new Redis(env.REDIS_URL as string);
    try {
      const keys = await redis.keys(`${namespace}bull:survey-sends:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    intake = new ServiceProcess('intake', env);
    await intake.start();
    await firstInvitation(ticketId);
    // The reminder follows 1.5 s later and may already be in; what must not happen is a send twice.
    const reminders = sent(ticketId).map((m) => (m.envelope.data as { reminder: number }).reminder);
    expect(reminders.filter((r) => r === 0)).toHaveLength(1);
    expect(new Set(reminders).size).toBe(reminders.length);
  });
});
