// Offline evaluation of the knowledge retrieval core: builds the same pipeline the service uses over
// a corpus (in a scratch PostgreSQL schema, through the service's migrations and code; dropped at
// the end), runs labelled questions and prints ranking quality. The last line is JSON.
//   node dist/tools/eval/eval-knowledge.js --corpus FILE|DIR --queries FILE [--fit-calibration DEV ...]
//     [--pseudo titles|titles-typos] [--param path=value ...] [--latency-docs 10000]
//     [--engine postgres|memory]   (memory: the former all-in-memory BM25 + LSA retriever)
//     [--show-misses]              (error analysis: print wrong top hits; dev sets only)
// The database is KNOWLEDGE_EVAL_DATABASE_URL, else DATABASE_URL, else the local default.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDataSource, migrateDatabase, type ServiceConfig } from '@switchboard/service-kit';
import type { DataSource } from 'typeorm';
import { parseArticleMarkdown } from '../../apps/knowledge/src/articles/article-markdown.js';
import { ArticleRepository } from '../../apps/knowledge/src/articles/article.repository.js';
import { KNOWLEDGE_MIGRATIONS } from '../../apps/knowledge/src/migrations/index.js';
import { fitRetrieverCalibration } from '../../apps/knowledge/src/retrieval/calibration-fitting.js';
import { HybridRetriever, type HybridRetrieverOptions } from '../../apps/knowledge/src/retrieval/hybrid-retriever.js';
import type { KnowledgeDocument } from '../../apps/knowledge/src/retrieval/knowledge-document.js';
import type { LabelledQuery } from '../../apps/knowledge/src/retrieval/labelled-query.js';
import {
  originalId,
  queriesWithTypos,
  scaledCorpus,
  titlesAsQueries,
} from '../../apps/knowledge/src/retrieval/pseudo-queries.js';
import { PostgresHybridRetriever, type PostgresRetrieverOptions } from '../../apps/knowledge/src/retrieval/postgres-retriever.js';
import { RETRIEVAL_DEFAULTS, SQL_RETRIEVAL_DEFAULTS } from '../../apps/knowledge/src/retrieval/retrieval-defaults.js';
import { type EvaluableRetriever, evaluateRetriever } from '../../apps/knowledge/src/retrieval/retrieval-evaluation.js';
import { buildSemanticIndex } from '../../apps/knowledge/src/retrieval/semantic-model-builder.js';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    queries: { type: 'string' },
    pseudo: { type: 'string' },
    param: { type: 'string', multiple: true, default: [] },
    'fit-calibration': { type: 'string', multiple: true, default: [] },
    'latency-docs': { type: 'string' },
    engine: { type: 'string', default: 'postgres' },
    'show-misses': { type: 'boolean', default: false },
  },
});

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

/** A JSONL file of {id, title, body, tags?}, or a folder of Markdown articles with YAML front matter. */
function loadCorpus(path: string): KnowledgeDocument[] {
  if (!statSync(path).isDirectory()) return readJsonl<KnowledgeDocument>(path);
  return readdirSync(path)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const article = parseArticleMarkdown(readFileSync(join(path, f), 'utf8'));
      return { id: article.id, title: article.title, body: article.body, tags: article.tags };
    });
}

/** `--param lsa.dimensions=64`: a dotted path into the options, the value read as JSON when it parses. */
function withOverrides<T extends HybridRetrieverOptions>(base: T, overrides: readonly string[]): T {
  const options = structuredClone(base) as unknown as Record<string, unknown>;
  for (const override of overrides) {
    const [path, raw] = override.split(/=(.*)/s);
    const keys = path.split('.');
    let target = options;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a bare word such as reciprocal-rank stays a string
    }
    target[keys[keys.length - 1]] = value;
  }
  return options as unknown as T;
}

interface Calibratable extends EvaluableRetriever {
  options: HybridRetrieverOptions;
  withCalibration(calibration: HybridRetrieverOptions['calibration'], threshold: number): Calibratable;
}

const EVAL_DATABASE_URL =
  process.env.KNOWLEDGE_EVAL_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/switchboard';

/**
 * The service's pipeline over the corpus: a scratch schema built by the service's migrations, the
 * articles stored as published (the trigger indexes their words), the embedding model trained in
 * the worker and the vectors stored, then the same retriever the service searches with.
 */
async function buildPostgresRetriever(
  documents: readonly KnowledgeDocument[],
  options: PostgresRetrieverOptions,
  dataSource: DataSource,
  schema: string,
): Promise<PostgresHybridRetriever> {
  await migrateDatabase(dataSource, schema);
  for (let start = 0; start < documents.length; start += 500) {
    const part = documents.slice(start, start + 500);
    await dataSource.query(
      `INSERT INTO "${schema}".articles (id, title, body, component, product, tags, status)
       SELECT id, title, body, 'other', 'eval', ARRAY(SELECT jsonb_array_elements_text(tags)), 'published'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS t(id, title, body, tags)`,
      [part.map((d) => d.id), part.map((d) => d.title), part.map((d) => d.body), part.map((d) => JSON.stringify(d.tags ?? []))],
    );
  }
  const repo = new ArticleRepository(dataSource, { database: { schema } } as ServiceConfig);
  const articles = await repo.allPublished();
  const { index, trained } = await buildSemanticIndex(articles, options);
  await repo.saveEmbeddings(
    trained.modelId,
    articles.map((a) => a.docNo),
    trained.vectors,
    trained.dimensions,
  );
  await repo.refreshSearchStatistics();
  return new PostgresHybridRetriever(dataSource, schema, () => index, options);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round = (x: number | null) => (x === null ? null : round3(x));

async function main(): Promise<void> {
  if (!args.corpus || (!args.queries && !args.pseudo)) {
    throw new Error('usage: eval-knowledge --corpus FILE|DIR (--queries FILE | --pseudo titles|titles-typos)');
  }
  let documents = loadCorpus(args.corpus);
  let queries: LabelledQuery[] = args.queries ? readJsonl<LabelledQuery>(args.queries) : [];
  if (args.pseudo) {
    // hyper-parameter validation without real questions: titles ask, bodies answer
    const pseudo = titlesAsQueries(documents);
    documents = pseudo.documents;
    queries = args.pseudo === 'titles-typos' ? queriesWithTypos(pseudo.queries) : pseudo.queries;
  }
  const latencyDocs = args['latency-docs'] ? Number(args['latency-docs']) : undefined;
  if (latencyDocs) documents = scaledCorpus(documents, latencyDocs);
  const engine = args.engine === 'memory' ? 'memory' : 'postgres';
  const schema = `knowledge_eval_${process.pid}_${Date.now().toString(36)}`;
  const dataSource =
    engine === 'postgres'
      ? createDataSource({ url: EVAL_DATABASE_URL, schema, entities: [], migrations: KNOWLEDGE_MIGRATIONS, poolSize: 2 })
      : undefined;
  try {
    await evaluate(engine, documents, queries, latencyDocs, dataSource, schema);
  } finally {
    if (dataSource?.isInitialized) {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dataSource.destroy();
    }
  }
}

async function evaluate(
  engine: 'memory' | 'postgres',
  documents: KnowledgeDocument[],
  queries: LabelledQuery[],
  latencyDocs: number | undefined,
  dataSource: DataSource | undefined,
  schema: string,
): Promise<void> {
  const buildStart = performance.now();
  let retriever: Calibratable =
    engine === 'memory' || !dataSource
      ? await HybridRetriever.build(documents, withOverrides(RETRIEVAL_DEFAULTS, args.param))
      : await buildPostgresRetriever(documents, withOverrides(SQL_RETRIEVAL_DEFAULTS, args.param), dataSource, schema);
  const buildMs = performance.now() - buildStart;
  console.log(`engine: ${engine}`);
  if (args['fit-calibration'].length > 0) {
    const dev = args['fit-calibration'].flatMap((file) => readJsonl<LabelledQuery>(file));
    const fitted = await fitRetrieverCalibration(retriever, dev);
    retriever = retriever.withCalibration(fitted.calibration, fitted.noAnswerThreshold);
    console.log(`fitted calibration: ${JSON.stringify(fitted)}`);
  }

  const evaluation = await evaluateRetriever(retriever, queries, latencyDocs ? originalId : undefined);
  const m = evaluation.metrics;
  console.log(`corpus: ${documents.length} articles (built in ${buildMs.toFixed(0)} ms)`);
  console.log(`queries: ${evaluation.answerable} answerable, ${evaluation.unanswerable} unanswerable`);
  console.log(`recall@1 ${m.hitAt1.toFixed(3)}  recall@3 ${m.hitAt3.toFixed(3)}  MRR ${m.reciprocalRank.toFixed(3)}`);
  console.log(`MAP ${m.averagePrecision.toFixed(3)}  NDCG@3 ${m.ndcgAt3.toFixed(3)}`);
  const threshold = retriever.options.noAnswerThreshold;
  console.log(
    `threshold ${threshold.toFixed(3)}: rejects ${fmt(evaluation.rejectedUnanswerable)} of unanswerable, ` +
      `${fmt(evaluation.rejectedAnswerable)} of answerable queries`,
  );

  if (args['show-misses']) await printMisses(retriever, queries);

  const summary: Record<string, number | null> = {
    recall_at_1: round(m.hitAt1),
    recall_at_3: round(m.hitAt3),
    mrr: round(m.reciprocalRank),
    map: round(m.averagePrecision),
    ndcg_at_3: round(m.ndcgAt3),
    rejected_unanswerable: round(evaluation.rejectedUnanswerable),
  };
  if (latencyDocs)
    Object.assign(summary, await measureLatency(retriever, queries), {
      documents: documents.length,
      build_ms: Math.round(buildMs),
    });
  console.log(JSON.stringify(summary));
}

/** Error analysis on dev sets only: answerable queries whose best hit is wrong, and where the right one landed. */
async function printMisses(retriever: EvaluableRetriever, queries: readonly LabelledQuery[]): Promise<void> {
  for (const q of queries) {
    const { hits, noGoodAnswer } = await retriever.search(q.query, { limit: retriever.size });
    const top = hits
      .slice(0, 3)
      .map((h) => `${h.id} ${h.score.toFixed(2)}`)
      .join(', ');
    if (q.relevant.length === 0) {
      if (!noGoodAnswer) console.log(`ACCEPTED unanswerable  ${JSON.stringify(q.query)} -> ${top}`);
      continue;
    }
    const rank = hits.findIndex((h) => q.relevant.includes(h.id)) + 1;
    if (rank !== 1) console.log(`MISS rank ${rank} ${q.relevant[0]}  ${JSON.stringify(q.query)} -> ${top}`);
  }
}

/** Wall time of one search as the service runs it (top 5), after a warm-up pass. */
async function measureLatency(retriever: EvaluableRetriever, queries: readonly LabelledQuery[]): Promise<Record<string, number>> {
  for (const q of queries.slice(0, 20)) await retriever.search(q.query, { limit: 5 });
  const times: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    await retriever.search(q.query, { limit: 5 });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `latency over ${times.length} queries: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`,
  );
  return {
    latency_p50_ms: round3(percentile(times, 50)),
    latency_p95_ms: round3(percentile(times, 95)),
    latency_p99_ms: round3(percentile(times, 99)),
  };
}

const fmt = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (/database .* does not exist|ECONNREFUSED/.test(String(error))) {
    console.error(`the evaluation builds the pipeline in PostgreSQL (${EVAL_DATABASE_URL}): set KNOWLEDGE_EVAL_DATABASE_URL`);
  }
  process.exitCode = 1;
});
