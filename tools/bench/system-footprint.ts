import { randomUUID } from 'node:crypto';
import { SERVICE_NAMES } from '@switchboard/service-kit';
import {
  EventProbe,
  PIPELINE_TOPICS,
  percentile,
  pipelinePass,
  SAMPLE_INQUIRIES,
  startSystem,
  TEST_API_KEY,
  testNamespace,
  type TimelineEntry,
} from '@switchboard/testing';

// `npm run bench:footprint`: starts the six services as processes, posts a burst of inquiries
// and prints startup time, memory and end-to-end latency as one JSON object. Progress is read
// off Kafka by a probe, not by polling intake: hundreds of ticket reads a second would load the
// very services being measured.
const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 300);
const namespace = testNamespace('bench');
const stageOfTopic = new Map<string, string>(Object.entries(PIPELINE_TOPICS).map(([stage, topic]) => [topic, stage]));
const probe = await new EventProbe(namespace).start(Object.values(PIPELINE_TOPICS));
const startedAt = Date.now();
const system = await startSystem(namespace, { LOG_LEVEL: 'warn' });
const startupAllMs = Date.now() - startedAt;
const idleRss = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (s) => [s, await system[s].rssMb()])));
const intake = system.intake.httpUrl;
const auth = { authorization: `Bearer ${TEST_API_KEY}` };

const post = async (i: number) => {
  const res = await fetch(`${intake}/v1/inquiries`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ ...SAMPLE_INQUIRIES[i % SAMPLE_INQUIRIES.length], customer: { id: `bench-${i}` } }),
  });
  return ((await res.json()) as { ticketId: string }).ticketId;
};

/** Each ticket's stages as the events that mark them, stamped with the time their service wrote. */
const timelines = () => {
  const byTicket = new Map<string, TimelineEntry[]>();
  for (const m of probe.seen) {
    const type = stageOfTopic.get(m.topic);
    const ticketId = m.envelope?.subject;
    if (!type || !ticketId) continue;
    const entries = byTicket.get(ticketId) ?? [];
    entries.push({ type, at: m.envelope.time });
    byTicket.set(ticketId, entries);
  }
  return byTicket;
};

const burstStart = Date.now();
const accepted: number[] = [];
const ids: string[] = [];
for (let i = 0; i < INQUIRIES; i += 20) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(20, INQUIRIES - i) }, async (_, j) => {
      const sent = Date.now();
      const id = await post(i + j);
      accepted.push(Date.now() - sent);
      return id;
    }),
  );
  ids.push(...batch);
}
const postMs = Date.now() - burstStart;
/** Per finished ticket: its latency and when it finished, by the services' own timestamps. */
const finished = new Map<string, { latencyMs: number; at: number }>();
while (finished.size < ids.length && Date.now() - burstStart < 120_000) {
  const seen = timelines();
  for (const id of ids.filter((i) => !finished.has(i))) {
    const pass = pipelinePass(seen.get(id) ?? []);
    if (pass) finished.set(id, { latencyMs: pass.doneAt - pass.receivedAt, at: pass.doneAt });
  }
  await new Promise((r) => setTimeout(r, 250));
}
const latencies = [...finished.values()].map((f) => f.latencyMs);
// throughput counts to the moment the last ticket had every stage
const finishedAt = Math.max(...[...finished.values()].map((f) => f.at));
const loadedRss = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (s) => [s, await system[s].rssMb()])));
await system.stopAll();
await probe.stop();
const unfinished = ids.length - finished.size;
process.stdout.write(
  `${JSON.stringify({
    benchmark: 'system_footprint',
    services: SERVICE_NAMES.length,
    startup_all_parallel_ms: startupAllMs,
    rss_idle_mb: idleRss,
    rss_after_load_mb: loadedRss,
    inquiries: INQUIRIES,
    unfinished,
    post_accept_p50_ms: percentile(accepted, 50),
    post_accept_p99_ms: percentile(accepted, 99),
    intake_accept_per_s: Math.round((INQUIRIES / postMs) * 1000),
    pipeline_latency_p50_ms: percentile(latencies, 50),
    pipeline_latency_p99_ms: percentile(latencies, 99),
    pipeline_inquiries_per_s: Math.round((INQUIRIES / (finishedAt - burstStart)) * 1000),
  })}\n`,
);
process.exit(unfinished === 0 ? 0 : 1);
