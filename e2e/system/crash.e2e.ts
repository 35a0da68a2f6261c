import { randomUUID } from 'node:crypto';
import { Topics } from '@switchboard/contracts';
import {
  EventProbe,
  http,
  SAMPLE_INQUIRIES,
  schemaOf,
  startSystem,
  type System,
  TEST_DATABASE_URL,
  testNamespace,
  waitFor,
} from '@switchboard/testing';
import pg from 'pg';

const INQUIRIES = 500;

/** Posts with bounded concurrency, as a busy integrator would. */
async function postAll(
  intake: string,
  keys: string[],
  onProgress: (done: number) => Promise<void>,
): Promise<Map<string, string>> {
  const tickets = new Map<string, string>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++];
      const i = keys.indexOf(key);
      const res = await http<{ ticketId: string }>(`${intake}/v1/inquiries`, {
        body: { ...SAMPLE_INQUIRIES[i % SAMPLE_INQUIRIES.length], customer: { id: `crash-${i}` } },
        headers: { 'idempotency-key': key },
      });
      if (res.status !== 202) throw new Error(`POST ${key} answered ${res.status}`);
      tickets.set(key, res.body.ticketId);
      done += 1;
      await onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return tickets;
}

describe('crash test: kill -9 a consumer service with 500 inquiries in flight', () => {
  const namespace = testNamespace('crash');
  let system: System;
  let probe: EventProbe;
  let db: pg.Client;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.TicketRouted, Topics.SlaClockStarted, Topics.DeadLetter]);
    // Exactly-once is counted per routing decision, so no SLA prediction may add escalation reroutes
    // (500 inquiries at once are a real risk to the targets; escalation has its own tests).
    system = await startSystem(namespace, { ESCALATION_TRIGGERS: 'sla_breach,critical_urgency,security,code_change,manual' });
    db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await system?.stopAll();
    await probe?.stop();
    await db?.end();
  });

  const s = {
    intake: schemaOf('intake', namespace),
    triage: schemaOf('triage', namespace),
    routing: schemaOf('routing', namespace),
    sla_monitor: schemaOf('sla-monitor', namespace),
  };
  const scalar = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  it('routes every inquiry exactly once: no ticket lost, none duplicated, one assignment and one pair of clocks each', async () => {
    const keys = Array.from({ length: INQUIRIES }, () => randomUUID());
    const kills: { service: string; atPosted: number; restartMs: number }[] = [];
    const crash = async (service: 'routing' | 'sla-monitor', atPosted: number) => {
      await system[service].kill();
      const restartMs = await system[service].start();
      kills.push({ service, atPosted, restartMs });
    };
    let killedRouting = false;
    let killedSla = false;
    const tickets = await postAll(system.intake.httpUrl, keys, async (done) => {
      if (!killedRouting && done >= 150) {
        killedRouting = true;
        await crash('routing', done);
      }
      if (!killedSla && done >= 350) {
        killedSla = true;
        await crash('sla-monitor', done);
      }
    });
    // the same inquiries again, after the crashes: still one ticket each
    const again = await postAll(system.intake.httpUrl, keys.slice(0, 50), async () => undefined);
    expect([...again].every(([key, id]) => tickets.get(key) === id)).toBe(true);

    const ids = [...tickets.values()];
    await waitFor(
      async () =>
        (await scalar(`SELECT count(*) AS n FROM ${s.routing}.ticket_routes WHERE ticket_id = ANY($1)`, [ids])) === INQUIRIES,
      {
        timeoutMs: 180_000,
        intervalMs: 500,
        what: 'every ticket routed',
      },
    );
    await waitFor(
      async () =>
        (await scalar(`SELECT count(DISTINCT (ticket_id, kind)) AS n FROM ${s.sla_monitor}.clocks WHERE ticket_id = ANY($1)`, [
          ids,
        ])) ===
        2 * INQUIRIES,
      {
        timeoutMs: 180_000,
        intervalMs: 500,
        what: 'every ticket to have its two clocks',
      },
    );
    await waitFor(async () => ids.every((id) => probe.of(Topics.TicketRouted, id).length > 0), {
      timeoutMs: 60_000,
      what: 'routed events',
    });
    await new Promise((r) => setTimeout(r, 2000));

    const counts = {
      tickets: await scalar(`SELECT count(*) AS n FROM ${s.intake}.tickets WHERE id = ANY($1)`, [ids]),
      distinctTickets: new Set(ids).size,
      triaged: await scalar(`SELECT count(*) AS n FROM ${s.triage}.triage_results WHERE ticket_id = ANY($1)`, [ids]),
      routes: await scalar(`SELECT count(*) AS n FROM ${s.routing}.ticket_routes WHERE ticket_id = ANY($1)`, [ids]),
      assignments: await scalar(`SELECT count(*) AS n FROM ${s.routing}.assignments WHERE ticket_id = ANY($1)`, [ids]),
      // An at-risk escalation moves a ticket to the next tier, whose clocks start anew: one pair per ticket and tier.
      clocks: await scalar(`SELECT count(*) AS n FROM ${s.sla_monitor}.clocks WHERE ticket_id = ANY($1)`, [ids]),
      distinctClocks: await scalar(
        `SELECT count(DISTINCT (ticket_id, kind)) AS n FROM ${s.sla_monitor}.clocks WHERE ticket_id = ANY($1)`,
        [ids],
      ),
      clocksPerTicketAndTier: await scalar(
        `SELECT count(DISTINCT (ticket_id, kind, tier)) AS n FROM ${s.sla_monitor}.clocks WHERE ticket_id = ANY($1)`,
        [ids],
      ),
      ticketsOnThreeOrMoreTiers: await scalar(
        `SELECT count(*) AS n FROM (SELECT ticket_id FROM ${s.sla_monitor}.clocks WHERE ticket_id = ANY($1)
           GROUP BY ticket_id HAVING count(DISTINCT tier) > 2) t`,
        [ids],
      ),
      routedMessages: ids.reduce((n, id) => n + probe.of(Topics.TicketRouted, id).length, 0),
      routedEventIds: ids.reduce((n, id) => n + new Set(probe.of(Topics.TicketRouted, id).map((m) => m.envelope.id)).size, 0),
      overCapacityAgents: await scalar(`SELECT count(*) AS n FROM ${s.routing}.agents WHERE open_tickets > capacity`),
      deadLetters: probe.of(Topics.DeadLetter).length,
    };
    process.stdout.write(`${JSON.stringify({ metric: 'crash_test', inquiries: INQUIRIES, kills, ...counts })}\n`);
    expect(counts).toMatchObject({
      tickets: INQUIRIES,
      distinctTickets: INQUIRIES,
      triaged: INQUIRIES,
      routes: INQUIRIES,
      assignments: INQUIRIES,
      distinctClocks: 2 * INQUIRIES,
      routedEventIds: INQUIRIES,
      overCapacityAgents: 0,
      deadLetters: 0,
    });
    expect(counts.clocksPerTicketAndTier).toBe(counts.clocks);
    expect(kills.map((k) => k.service)).toEqual(['routing', 'sla-monitor']);
  });
});
