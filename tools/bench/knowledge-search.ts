import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServiceApp } from '@switchboard/service-kit';
import { percentile, serviceEnv, TEST_API_KEY, testNamespace } from '@switchboard/testing';
import { ArticleRepository } from '../../apps/knowledge/src/articles/article.repository.js';
import { KnowledgeIndex } from '../../apps/knowledge/src/articles/knowledge-index.js';
import { ManageArticlesUseCase } from '../../apps/knowledge/src/articles/manage-articles/manage-articles.usecase.js';
import { loadKnowledgeConfig } from '../../apps/knowledge/src/config.js';
import { createKnowledgeApp } from '../../apps/knowledge/src/knowledge.app.js';
import { scaledCorpus } from '../../apps/knowledge/src/retrieval/pseudo-queries.js';

// `npm run bench:knowledge`: the knowledge service with 10,000 published articles (the shipped
// ones plus perturbed copies); times searches through its HTTP API. While the import and the index
// rebuild run, it measures how long the event loop stalls (a 20 ms timer's lateness) and how long
// /health/live takes. Prints one JSON object.
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const QUESTIONS = fileURLToPath(new URL('../../apps/knowledge/content/eval/questions.jsonl', import.meta.url));

const config = loadKnowledgeConfig(await serviceEnv(testNamespace('bench-knowledge'), { LOG_LEVEL: 'error' }));
const app = await createKnowledgeApp(config);
await startServiceApp(app, config);
const shipped = await app.get(ArticleRepository).allPublished();
const grown = scaledCorpus(shipped, ARTICLES).map((d) => ({
  ...d,
  tags: [...(d.tags ?? [])],
  component: shipped.find((s) => d.id.startsWith(s.id))?.component ?? 'other',
  product: 'chat-app',
  status: 'published' as const,
}));
const base = `http://127.0.0.1:${config.http.port}`;
const stalls = watchEventLoop();
const health = probeHealth(`${base}/health/live`);
const buildStart = performance.now();
await app.get(ManageArticlesUseCase).import(grown);
const importMs = Math.round(performance.now() - buildStart);
await app.get(KnowledgeIndex).settled();
const importAndIndexMs = Math.round(performance.now() - buildStart);
const eventLoopMaxDelayMs = stalls.stop();
const healthMs = await health.stop();

const queries = readFileSync(QUESTIONS, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { query: string }).query);
const url = (q: string) => `${base}/v1/articles/search?limit=5&q=${encodeURIComponent(q.slice(0, 2000))}`;
const auth = { headers: { authorization: `Bearer ${TEST_API_KEY}` } };
for (const q of queries.slice(0, 20)) await fetch(url(q), auth).then((r) => r.text());
const times: number[] = [];
for (const q of queries) {
  const started = performance.now();
  const res = await fetch(url(q), auth);
  await res.text();
  if (!res.ok) throw new Error(`search answered ${res.status}`);
  times.push(performance.now() - started);
}
await app.close();
times.sort((a, b) => a - b);
const pct = (p: number) => Math.round((percentile(times, p) ?? NaN) * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    benchmark: 'knowledge_search_http',
    articles: grown.length,
    queries: times.length,
    import_ms: importMs,
    import_and_index_ms: importAndIndexMs,
    event_loop_max_delay_ms: eventLoopMaxDelayMs,
    health_live_max_ms: healthMs.max,
    health_live_probes: healthMs.count,
    search_ms_p50: pct(50),
    search_ms_p95: pct(95),
    search_ms_p99: pct(99),
  })}\n`,
);

/** The longest a 20 ms timer fired late: how long the event loop was stalled at worst. */
function watchEventLoop(): { stop(): number } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 20);
    last = now;
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(worst, performance.now() - last - 20));
    },
  };
}

/** Asks the liveness endpoint every 250 ms and keeps the slowest answer. */
function probeHealth(url: string): { stop(): Promise<{ max: number; count: number }> } {
  let running = true;
  let max = 0;
  let count = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(url).then((r) => r.text());
      max = Math.max(max, performance.now() - started);
      count += 1;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { max: Math.round(max), count };
    },
  };
}
