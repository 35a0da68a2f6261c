import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { type Tier, TIERS } from '@switchboard/contracts';
import { startServiceApp } from '@switchboard/service-kit';
import { percentile, serviceEnv, testNamespace } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { QueueDrainer } from '../../apps/routing/src/assignment/queue-drainer.js';
import { queueRank } from '../../apps/routing/src/assignment/queue-priority.js';
import { loadRoutingConfig } from '../../apps/routing/src/config.js';
import { createRoutingApp } from '../../apps/routing/src/routing.app.js';

// `npm run bench:routing`: 1,000 agents and 10,000 queued tickets; capacity opens and the queue
// drains through the service's own placement code. Prints decisions per second and decision times.
const AGENTS = Number(process.env.BENCH_AGENTS ?? 1000);
const QUEUED = Number(process.env.BENCH_QUEUED ?? 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
const COMPONENTS = [
  'terminal-interface',
  'plugin-system',
  'event-bus',
  'configuration',
  'installation',
  'llm-provider',
  'state-persistence',
];

const config = loadRoutingConfig(
  await serviceEnv(testNamespace('bench-routing'), {
    ROUTING_SEED_ROSTER: 'false',
    ROUTING_QUEUE_SWEEP_MS: '3600000',
    LOG_LEVEL: 'error',
  }),
);
const app = await createRoutingApp(config);
await startServiceApp(app, config);
const db = app.get(DataSource);
const s = config.database.schema;

await db.query(
  `INSERT INTO "${s}".agents (id, name, tier, tiers, skills, capacity, status)
   SELECT 'bench-' || i, 'Agent ' || i, t.tier, ARRAY[t.tier], ARRAY[($2::text[])[1 + i % 7]], 0, 'online'
     FROM generate_series(1, $1) i, LATERAL (SELECT ('{L1,L2,L3,L4}'::text[])[1 + i % 4] AS tier) t`,
  [AGENTS, COMPONENTS],
);
const now = Date.now();
const rows = Array.from({ length: QUEUED }, (_, i) => {
  const tier = TIERS[i % 4] as Tier;
  const priority = [100, 200, 300, 400][i % 4] + [0, 40, 80][i % 3];
  const queuedAt = new Date(now - (QUEUED - i) * 1000);
  return [
    randomUUID(),
    tier,
    priority,
    queuedAt.toISOString(),
    queueRank(priority, queuedAt, config.agingPerMinute),
    COMPONENTS[i % 7],
  ];
});
for (let i = 0; i < rows.length; i += 1000) {
  const chunk = rows.slice(i, i + 1000);
  await db.query(
    `INSERT INTO "${s}".ticket_routes (ticket_id, tier, version, state, triage, service_level, priority, queued_at, queue_rank, correlation_id)
     SELECT (r->>0)::uuid, r->>1, 1, 'queued', jsonb_build_object('urgency','high','category','bug','complexity','moderate','component', r->>5,'confidence',0.8),
            'standard', (r->>2)::int, (r->>3)::timestamptz, (r->>4)::float8, r->>0
       FROM jsonb_array_elements($1::jsonb) r`,
    [JSON.stringify(chunk)],
  );
}
await db.query(`ANALYZE "${s}".agents; ANALYZE "${s}".ticket_routes`);
await db.query(`UPDATE "${s}".agents SET capacity = $1`, [Math.ceil(QUEUED / AGENTS)]);

const drainer = app.get(QueueDrainer);
const durations: number[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: WORKERS }, async (_, w) => {
    const tiers = TIERS.filter((_, i) => i % WORKERS === w % 4) as Tier[];
    for (const tier of tiers.length ? tiers : (TIERS as unknown as Tier[])) {
      for (;;) {
        const t0 = performance.now();
        const placed = await drainer.assignNext(tier, null);
        if (!placed) break;
        durations.push(performance.now() - t0);
      }
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const [{ left }] = await db.query(`SELECT count(*)::int AS left FROM "${s}".ticket_routes WHERE state = 'queued'`);
const [{ over }] = await db.query(`SELECT count(*)::int AS over FROM "${s}".agents WHERE open_tickets > capacity`);
await app.close();
durations.sort((a, b) => a - b);
const pct = (p: number) => Math.round((percentile(durations, p) ?? NaN) * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    benchmark: 'routing_decisions',
    agents: AGENTS,
    queued_tickets: QUEUED,
    workers: Math.min(WORKERS, 4),
    decisions: durations.length,
    left_in_queue: left,
    agents_over_capacity: over,
    seconds: Math.round(elapsed * 100) / 100,
    decisions_per_s: Math.round(durations.length / elapsed),
    decision_ms_p50: pct(50),
    decision_ms_p99: pct(99),
  })}\n`,
);
