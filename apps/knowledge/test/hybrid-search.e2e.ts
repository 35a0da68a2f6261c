import { createDataSource, migrateDatabase, type ServiceConfig } from '@switchboard/service-kit';
import { TEST_DATABASE_URL } from '@switchboard/testing';
import type { DataSource } from 'typeorm';
import { ArticleRepository } from '../src/articles/article.repository.js';
import { KNOWLEDGE_MIGRATIONS } from '../src/migrations/index.js';
import { corpusStatistics, type FusedRow, runHybridSearch } from '../src/retrieval/postgres-hybrid-search.js';

const schema = `knowledge_hybrid_search_${process.pid}`;
const TOPICS = ['proxy', 'theme', 'plugin', 'hook', 'terminal', 'login', 'export', 'install', 'keyboard', 'history'];
const SYMPTOMS = ['fails', 'hangs', 'crashes', 'ignored', 'missing'];

let db: DataSource;
let repo: ArticleRepository;

async function publish(id: string, title: string, body: string): Promise<void> {
  await db.query(
    `INSERT INTO "${schema}".articles (id, title, body, component, product, tags, status)
     VALUES ($1, $2, $3, 'other', 'chat-app', '{}', 'published')
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body`,
    [id, title, body],
  );
}

async function search(query: string, commonTermMinDf: number): Promise<FusedRow[]> {
  return runHybridSearch(db, schema, {
    query,
    semantic: { docNos: [], cosines: [] },
    queryVector: [],
    modelId: 'none',
    lexicalCandidates: 100,
    limit: 3,
    filters: {},
    priors: new Map(),
    bm25: { k1: 1.2, b: 0.75 },
    corpus: await corpusStatistics(db, schema),
    lexicalWeight: 1,
    priorWeight: 0,
    commonTermMinDf,
  });
}

async function termCount(lexeme: string): Promise<number | undefined> {
  const rows = await db.query(`SELECT df FROM "${schema}".term_frequencies WHERE lexeme = $1`, [lexeme]);
  return rows[0]?.df;
}

beforeAll(async () => {
  db = createDataSource({ url: TEST_DATABASE_URL, schema, entities: [], migrations: KNOWLEDGE_MIGRATIONS, poolSize: 2 });
  await migrateDatabase(db, schema);
  repo = new ArticleRepository(db, { database: { schema } } as ServiceConfig);
  // every article says "chat app" and "error": terms common to the whole corpus
  for (const [t, topic] of TOPICS.entries()) {
    for (const [s, symptom] of SYMPTOMS.entries()) {
      await publish(
        `kb-${topic}-${symptom}`,
        `The ${topic} ${symptom} in the chat app`,
        `When the ${topic} ${symptom}, the chat app shows an error. Step ${t * 5 + s}: check the ${topic} settings, restart, and read the error log.`,
      );
    }
  }
  await repo.refreshSearchStatistics();
});

afterAll(async () => {
  await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.destroy();
});

describe('hybrid search in PostgreSQL', () => {
  it('scores candidates the same whether a common term is read in full or probed per candidate', async () => {
    const query = 'chat app error: the proxy hangs';
    const exact = await search(query, 1_000_000);
    const probed = await search(query, 1);
    expect(exact[0].id).toBe('kb-proxy-hangs');
    expect(probed.map((r) => r.id)).toEqual(exact.map((r) => r.id));
    probed.forEach((row, i) => expect(row.lexical).toBeCloseTo(exact[i].lexical, 9));
  });

  it('keeps document frequencies current after a refresh, dropping lexemes no article has any more', async () => {
    expect(await termCount('error')).toBe(50);
    await publish('kb-webhook-retries', 'Webhook retries', 'Deliveries are retried with backoff for a day.');
    await db.query(`UPDATE "${schema}".articles SET status = 'archived' WHERE id = 'kb-proxy-hangs'`);
    await repo.refreshTermFrequencies();
    expect(await termCount('webhook')).toBe(1);
    expect(await termCount('proxi')).toBe(4);
    await db.query(`UPDATE "${schema}".articles SET status = 'archived' WHERE id = 'kb-webhook-retries'`);
    await repo.refreshTermFrequencies();
    expect(await termCount('webhook')).toBeUndefined();
  });

  it('finds an article whose words the frequency snapshot has not counted yet', async () => {
    await publish('kb-sso-saml', 'Single sign-on with SAML', 'Configure the SAML identity provider for the chat app.');
    const rows = await search('saml sso chat app', 1);
    expect(rows[0].id).toBe('kb-sso-saml');
    expect(rows[0].lexical).toBeGreaterThan(0);
  });
});
