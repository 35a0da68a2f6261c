import 'reflect-metadata';
import { startServiceApp, REDIS } from '@switchboard/service-kit';
import { percentile, serviceEnv, testNamespace } from '@switchboard/testing';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { BusinessCalendar } from '../../apps/sla-monitor/src/calendars/business-calendar.js';
import type { Clock } from '../../apps/sla-monitor/src/clocks/clock.repository.js';
import { RearmTimersUseCase } from '../../apps/sla-monitor/src/clocks/rearm-timers/rearm-timers.usecase.js';
import { SlaTimers } from '../../apps/sla-monitor/src/clocks/sla-timers.js';
import { loadSlaConfig } from '../../apps/sla-monitor/src/config.js';
import { createSlaMonitorApp } from '../../apps/sla-monitor/src/sla-monitor.app.js';

// `npm run bench:sla`: 100,000 open clocks in sla-monitor's tables with their alarms armed in Redis
// by the service's own re-arm code (clocks are inserted straight into PostgreSQL: 100k tickets through
// Kafka would measure Kafka, not the clocks). A sample of clocks falls due inside the bench window;
// their alarms fire through the service's worker, and lateness is fired_at minus the threshold time.
// Each running clock holds one alarm in Redis (its next threshold); firing one arms the next.
const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 100_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 1000);
const SAMPLE_TARGET_MS = Number(process.env.BENCH_SAMPLE_TARGET_MS ?? 20_000);
const SPREAD_MS = Number(process.env.BENCH_SPREAD_MS ?? 40_000);
const LONG_TARGET_MS = 8 * 3_600_000;

const namespace = testNamespace('bench-sla');
const config = loadSlaConfig(await serviceEnv(namespace, { LOG_LEVEL: 'error', SLA_RECONCILE_INTERVAL_MS: '3600000' }));
const app = await createSlaMonitorApp(config);
await startServiceApp(app, config);
const db = app.get(DataSource);
const redis = app.get<Redis>(REDIS);
const s = config.database.schema;
const prefix = `${namespace}bull`;

const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
const countKeys = async () => {
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    cursor = next;
    n += keys.length;
  } while (cursor !== '0');
  return n;
};
const tableBytes = async () => {
  const [row] = await db.query(
    `SELECT pg_total_relation_size('"${s}".clocks') + pg_total_relation_size('"${s}".clock_milestones')
            + pg_total_relation_size('"${s}".clock_log') + pg_total_relation_size('"${s}".sla_tickets') AS bytes`,
  );
  return Number(row.bytes);
};
const insertClocks = (count: number, targetMs: number, startedAt: Date, staggerMs = 0) =>
  db.query(
    `WITH c AS (
       INSERT INTO "${s}".clocks (id, ticket_id, kind, tier, assignment_version, state, started_at, due_at, correlation_id,
                                 cause_event_id, calendar_id, target_ms, consumed_ms, segment_started_at, generation)
       SELECT gen_random_uuid(), gen_random_uuid(), 'resolution', 'L1', 1, 'running', t.at,
              t.at + $3::bigint * interval '1 millisecond', 'bench', gen_random_uuid(), '24x7', $3::bigint, 0, t.at, 0
         FROM generate_series(1, $1) g, LATERAL (SELECT $2::timestamptz + (g * $4::bigint) * interval '1 millisecond' AS at) t
       RETURNING *)
     INSERT INTO "${s}".clock_log (clock_id, ticket_id, kind, tier, event, at, started_at)
     SELECT id, ticket_id, kind, tier, 'started', started_at, started_at FROM c RETURNING clock_id, started_at`,
    [count, startedAt.toISOString(), targetMs, staggerMs],
  );

const redisBefore = await usedMemory();
const pgBefore = await tableBytes();

// 1. The long-running bulk: inserted, then armed from the database as after a restart or a Redis flush.
await insertClocks(CLOCKS - SAMPLE, LONG_TARGET_MS, new Date());
const armStarted = Date.now();
const cpuArm = process.cpuUsage();
await app.get(RearmTimersUseCase).execute();
const armSeconds = (Date.now() - armStarted) / 1000;
const armCpu = process.cpuUsage(cpuArm);

// 2. The sample: clocks that start now and pass 50/75/90/100 % within the window, armed as a start does.
// Starts are spread over SPREAD_MS, as tickets arrive, rather than all falling due in the same millisecond.
const sampleStart = new Date(Date.now() + 1000);
const sampleIds: { clock_id: string; started_at: Date }[] = await insertClocks(
  SAMPLE,
  SAMPLE_TARGET_MS,
  sampleStart,
  Math.floor(SPREAD_MS / SAMPLE),
);
const timers = app.get(SlaTimers);
const always = BusinessCalendar.always();
await timers.armMany(
  sampleIds.flatMap(({ clock_id, started_at }) =>
    timers.plan(
      { id: clock_id, targetMs: SAMPLE_TARGET_MS, consumedMs: 0, segmentStartedAt: new Date(started_at), generation: 0 } as Clock,
      always,
    ),
  ),
);
const jobs = await countKeys();
const redisAfter = await usedMemory();
const pgAfter = await tableBytes();

const cpuWindow = process.cpuUsage();
const windowStarted = Date.now();
const expected = SAMPLE * (config.warningThresholds.length + 1);
const deadline = Date.now() + SPREAD_MS + SAMPLE_TARGET_MS + 60_000;
let fired = 0;
while (Date.now() < deadline) {
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM "${s}".clock_milestones WHERE clock_id = ANY($1) AND threshold > 0`,
    [sampleIds.map((r) => r.clock_id)],
  );
  fired = row.n;
  if (fired >= expected) break;
  await new Promise((r) => setTimeout(r, 500));
}
const windowMs = Date.now() - windowStarted;
const windowCpu = process.cpuUsage(cpuWindow);
const lateness: number[] = (
  await db.query(
    `SELECT extract(epoch FROM m.fired_at - (c.started_at + (c.target_ms * m.threshold / 100) * interval '1 millisecond')) * 1000 AS late
       FROM "${s}".clock_milestones m JOIN "${s}".clocks c ON c.id = m.clock_id
      WHERE m.clock_id = ANY($1) AND m.threshold > 0`,
    [sampleIds.map((r) => r.clock_id)],
  )
)
  .map((r: { late: string }) => Number(r.late))
  .sort((a: number, b: number) => a - b);

// Leave the shared Redis and database as found: 100k clocks' alarms are not someone else's problem.
const cleanupStarted = Date.now();
const cleaner = redis.duplicate();
await app.close();
let cursor = '0';
do {
  const [next, keys] = await cleaner.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
  cursor = next;
  if (keys.length > 0) await cleaner.unlink(...keys);
} while (cursor !== '0');
await cleaner.quit();
const cleanupMs = Date.now() - cleanupStarted;
const drop = new DataSource({ type: 'postgres', url: config.database.url });
await drop.initialize();
await drop.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
await drop.destroy();

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
console.log(
  JSON.stringify(
    {
      clocks: CLOCKS,
      path: 'clocks inserted into PostgreSQL directly; alarms armed by the service re-arm use case and fired by its BullMQ worker',
      redis: {
        jobsAndKeys: jobs,
        usedMemoryDeltaMb: mb(redisAfter - redisBefore),
        bytesPerClock: Math.round((redisAfter - redisBefore) / CLOCKS),
      },
      postgres: { clockTablesMb: mb(pgAfter - pgBefore), bytesPerClock: Math.round((pgAfter - pgBefore) / CLOCKS) },
      arming: {
        seconds: armSeconds,
        clocksPerSecond: Math.round((CLOCKS - SAMPLE) / armSeconds),
        cpuMs: Math.round((armCpu.user + armCpu.system) / 1000),
      },
      timers: {
        sampleClocks: SAMPLE,
        sampleStartsSpreadMs: SPREAD_MS,
        firingsPerSecondDemanded: Math.round(
          (SAMPLE * (config.warningThresholds.length + 1)) / ((SPREAD_MS + SAMPLE_TARGET_MS) / 1000),
        ),
        expectedFirings: expected,
        fired,
        latenessMs: {
          p50: Math.round(percentile(lateness, 50) ?? NaN),
          p99: Math.round(percentile(lateness, 99) ?? NaN),
          max: Math.round(lateness.at(-1) ?? NaN),
        },
      },
      workerCpu: {
        windowMs,
        userMs: Math.round(windowCpu.user / 1000),
        systemMs: Math.round(windowCpu.system / 1000),
        coreShare: Math.round(((windowCpu.user + windowCpu.system) / 1000 / windowMs) * 1000) / 1000,
      },
      cleanupMs,
    },
    null,
    2,
  ),
);
process.exit(0);
