import { randomUUID } from 'node:crypto';
import { SERVICE_NAMES } from '@switchboard/service-kit';
import { pipelineLatencyMs, SAMPLE_INQUIRIES, startSystem, TEST_API_KEY, testNamespace } from '@switchboard/testing';

// `npm run bench:footprint`: starts the six services as processes, posts a burst of inquiries
// and prints startup time, memory and end-to-end latency as one JSON object.
const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 300);
const namespace = testNamespace('bench');
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
interface View {
  triage: unknown;
  routing: unknown;
  sla: { resolutionDueAt: string | null };
  timeline: { type: string; at: string }[];
}
const pipelineMs = async (id: string): Promise<number | undefined> => {
  const v = (await (await fetch(`${intake}/v1/tickets/${id}`, { headers: auth })).json()) as View;
  const done = v.triage && v.routing && v.sla.resolutionDueAt && v.timeline.some((e) => e.type === 'knowledge_suggested');
  if (!done) return undefined;
  return pipelineLatencyMs(v.timeline);
};

const burstStart = Date.now();
const accepted: number[] = [];
const ids: { id: string; sent: number }[] = [];
for (let i = 0; i < INQUIRIES; i += 20) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(20, INQUIRIES - i) }, async (_, j) => {
      const sent = Date.now();
      const id = await post(i + j);
      accepted.push(Date.now() - sent);
      return { id, sent };
    }),
  );
  ids.push(...batch);
}
const postMs = Date.now() - burstStart;
const latencies: number[] = [];
const pending = new Set(ids);
let lastDone = Date.now();
while (pending.size > 0 && Date.now() - burstStart < 120_000) {
  for (const item of [...pending]) {
    const ms = await pipelineMs(item.id);
    if (ms !== undefined) {
      latencies.push(ms);
      pending.delete(item);
      lastDone = Date.now();
    }
  }
  await new Promise((r) => setTimeout(r, 250));
}
// throughput counts to the poll that saw the last ticket finish, so it errs on the slow side
const allDoneMs = lastDone - burstStart;
const loadedRss = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (s) => [s, await system[s].rssMb()])));
await system.stopAll();
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
process.stdout.write(
  `${JSON.stringify({
    benchmark: 'system_footprint',
    services: SERVICE_NAMES.length,
    startup_all_parallel_ms: startupAllMs,
    rss_idle_mb: idleRss,
    rss_after_load_mb: loadedRss,
    inquiries: INQUIRIES,
    unfinished: pending.size,
    post_accept_p50_ms: pct(accepted, 50),
    post_accept_p99_ms: pct(accepted, 99),
    intake_accept_per_s: Math.round((INQUIRIES / postMs) * 1000),
    pipeline_latency_p50_ms: pct(latencies, 50),
    pipeline_latency_p99_ms: pct(latencies, 99),
    pipeline_inquiries_per_s: Math.round((INQUIRIES / allDoneMs) * 1000),
  })}\n`,
);
process.exit(pending.size === 0 ? 0 : 1);
