import { randomUUID } from 'node:crypto';
import {
  SAMPLE_INQUIRIES,
  ServiceProcess,
  percentile,
  schemaOf,
  serviceEnv,
  TEST_API_KEY,
  TEST_DATABASE_URL,
  testNamespace,
} from '@switchboard/testing';
import pg from 'pg';

// `npm run bench:intake`: intake alone (no consumer of its events running), N inquiries posted by
// C concurrent clients; prints the accept rate and latency as one JSON object. It measures the
// front door: validation, redaction, idempotency, ticket and outbox rows in one transaction,
// and how long after the last accept the outbox relay has published every event to Kafka.
const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const namespace = testNamespace('bench-intake');
const intake = new ServiceProcess('intake', await serviceEnv(namespace, { LOG_LEVEL: 'warn' }));
await intake.start();
const headers = { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' };

const post = async (i: number) => {
  const sent = performance.now();
  const res = await fetch(`${intake.httpUrl}/v1/inquiries`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ ...SAMPLE_INQUIRIES[i % SAMPLE_INQUIRIES.length], customer: { id: `bench-${i}` } }),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - sent };
};

try {
  for (let i = 0; i < 100; i++) await post(i); // warm-up
  let next = 0;
  const results: { status: number; ms: number }[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < INQUIRIES) results.push(await post(next++));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const lastAccepted = performance.now();
  const db = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await db.connect();
  const outbox = `"${schemaOf('intake', namespace)}".outbox`;
  const pending = async () => {
    const [row] = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${outbox}`)).rows;
    return Number(row?.n);
  };
  while ((await pending()) > 0 && performance.now() - lastAccepted < 60_000) await new Promise((r) => setTimeout(r, 20));
  const relayDrainedMs = (await pending()) === 0 ? Math.round(performance.now() - lastAccepted) : null;
  await db.end();
  const ms = results.map((r) => r.ms);
  const at = (p: number) => Math.round((percentile(ms, p) ?? NaN) * 10) / 10;
  console.log(
    JSON.stringify({
      metric: 'intake_accept',
      inquiries: INQUIRIES,
      clients: CLIENTS,
      accepted: results.filter((r) => r.status === 202).length,
      per_second: Math.round((INQUIRIES / seconds) * 10) / 10,
      latency_ms: { p50: at(50), p95: at(95), p99: at(99) },
      outbox_drained_ms_after_last_accept: relayDrainedMs,
      intake_rss_mb: await intake.rssMb(),
    }),
  );
} finally {
  await intake.stop();
}
