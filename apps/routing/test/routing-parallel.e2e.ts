import { randomUUID } from 'node:crypto';
import { type InquiryTriaged, inquiryTriagedEvent, inquiryTriagedExample, Topics } from '@switchboard/contracts';
import {
  EventProbe,
  schemaOf,
  serviceEnv,
  ServiceProcess,
  TEST_DATABASE_URL,
  testNamespace,
  waitFor,
} from '@switchboard/testing';
import pg from 'pg';

const TICKETS = 300;

/**
 * Three routing processes in one consumer group, fed duplicated events, with far less capacity
 * than tickets: the database must keep every agent within capacity and every ticket placed once.
 */
describe('routing: parallel instances as separate processes', () => {
  const namespace = testNamespace('parallel');
  const schema = schemaOf('routing', namespace);
  let probe: EventProbe;
  let routers: ServiceProcess[] = [];
  let db: pg.Client;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.TicketRouted]);
    routers = await Promise.all(
      [1, 2, 3].map(async () => new ServiceProcess('routing', await serviceEnv(namespace, { TOPIC_PARTITIONS: '6' }))),
    );
    await routers[0].start();
    db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    // little room: 2 slots per L2 agent, so most tickets must queue, and agents are fought over
    await db.query(`UPDATE "${schema}".agents SET capacity = 2 WHERE tier = 'L2'`);
    await Promise.all(routers.slice(1).map((r) => r.start()));
  });

  afterAll(async () => {
    await Promise.all(routers.map((r) => r.stop()));
    await probe?.stop();
    await db?.end();
  });

  it('never over-fills an agent and never assigns a ticket twice', async () => {
    const [{ slots }] = (await db.query(`SELECT sum(capacity)::int AS slots FROM "${schema}".agents WHERE tier = 'L2'`)).rows;
    const tickets = Array.from({ length: TICKETS }, () => randomUUID());
    const triaged = (id: string): InquiryTriaged => ({
      ...inquiryTriagedExample,
      ticketId: id,
      complexity: { label: 'moderate', confidence: 0.8 },
    });
    await Promise.all(
      tickets.flatMap((id) => {
        const eventId = randomUUID();
        return [0, 1].map(() => probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, id, triaged(id), eventId));
      }),
    );
    await waitFor(async () => tickets.every((id) => probe.of(Topics.TicketRouted, id).length > 0), {
      timeoutMs: 90_000,
      what: 'all routed',
    });
    await new Promise((r) => setTimeout(r, 1500));
    const q = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0];
    const over = await q(`SELECT count(*)::int AS n FROM "${schema}".agents WHERE open_tickets > capacity`);
    const open = await q(
      `SELECT count(*)::int AS n FROM "${schema}".ticket_routes WHERE state = 'open' AND ticket_id = ANY($1)`,
      [tickets],
    );
    const queued = await q(
      `SELECT count(*)::int AS n FROM "${schema}".ticket_routes WHERE state = 'queued' AND ticket_id = ANY($1)`,
      [tickets],
    );
    const firstDecisions = await q(
      `SELECT count(*)::int AS n, count(DISTINCT ticket_id)::int AS d FROM "${schema}".assignments WHERE version = 1 AND ticket_id = ANY($1)`,
      [tickets],
    );
    const perAgent = (await db.query(`SELECT id, open_tickets, capacity FROM "${schema}".agents WHERE tier = 'L2'`)).rows;
    const loadFromRoutes = (
      await db.query(`SELECT agent_id, count(*)::int AS n FROM "${schema}".ticket_routes WHERE state = 'open' GROUP BY agent_id`)
    ).rows;
    expect(over.n).toBe(0);
    expect(open.n).toBe(slots);
    expect(open.n + queued.n).toBe(TICKETS);
    expect([firstDecisions.n, firstDecisions.d]).toEqual([TICKETS, TICKETS]);
    for (const agent of perAgent) {
      expect(loadFromRoutes.find((l) => l.agent_id === agent.id)?.n ?? 0).toBe(agent.open_tickets);
    }
    const versionsPerTicket = tickets.map((id) => new Set(probe.of(Topics.TicketRouted, id).map((m) => m.envelope.id)).size);
    expect(versionsPerTicket.every((n) => n === 1)).toBe(true);
  });
});
