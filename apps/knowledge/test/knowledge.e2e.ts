import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { inquiryReceivedEvent, inquiryReceivedExample, Topics } from '@switchboard/contracts';
import { startServiceApp } from '@switchboard/service-kit';
import { EventProbe, grpcClient, http, serviceEnv, testNamespace } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { type KnowledgeConfig, loadKnowledgeConfig } from '../src/config.js';
import { createKnowledgeApp } from '../src/knowledge.app.js';

interface SearchBody {
  hits: { articleId: string; score: number; snippet: string; component: string }[];
  noGoodAnswer: boolean;
}

describe('knowledge against real PostgreSQL, Kafka and Redis', () => {
  const namespace = testNamespace('knowledge');
  let config: KnowledgeConfig;
  let app: INestApplication;
  let probe: EventProbe;
  let base: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.KnowledgeSuggested]);
    config = loadKnowledgeConfig(await serviceEnv(namespace));
    app = await createKnowledgeApp(config);
    await startServiceApp(app, config);
    base = `http://127.0.0.1:${config.http.port}`;
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  it('seeds the shipped Chat App articles on a fresh database', async () => {
    const [{ n }] = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${config.database.schema}.articles`);
    expect(n).toBeGreaterThanOrEqual(40);
  });

  it('searches with BM25 fused with embeddings, highlighted snippets and a calibrated score', async () => {
    const res = await http<SearchBody>(`${base}/v1/articles/search?q=${encodeURIComponent('add an MCP server')}&limit=3`);
    expect(res.status).toBe(200);
    expect(res.body.hits.map((h) => h.articleId)).toContain('kb-add-mcp-server');
    expect(res.body.hits.every((h, i) => i === 0 || h.score <= res.body.hits[i - 1].score)).toBe(true);
    expect(res.body.hits[0].snippet).toContain('<mark>');
    for (const h of res.body.hits) expect(h.score).toBeGreaterThanOrEqual(0);
    for (const h of res.body.hits) expect(h.score).toBeLessThanOrEqual(1);
    expect(res.body.noGoodAnswer).toBe(false);
    const none = await http<SearchBody>(
      `${base}/v1/articles/search?q=${encodeURIComponent('how do I cancel my invoice and get a refund')}`,
    );
    expect(none.body.noGoodAnswer).toBe(true);
    const filtered = await http<SearchBody>(
      `${base}/v1/articles/search?q=${encodeURIComponent('plugin hook order')}&component=event-bus`,
    );
    expect(filtered.body.hits.length).toBeGreaterThan(0);
    expect(filtered.body.hits.every((h) => h.component === 'event-bus')).toBe(true);
    const bad = await http(`${base}/v1/articles/search?limit=900`);
    expect([bad.status, bad.body.code]).toEqual([422, 'KNOWLEDGE.INVALID_QUERY']);
  });

  it('suggests articles for a new inquiry as an event', async () => {
    const ticketId = randomUUID();
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, {
      ...inquiryReceivedExample,
      ticketId,
      subject: 'plugin is not loading',
      body: 'I copied my plugin into the plugins folder but it never loads and its slash command is missing',
    });
    const suggested = await probe.waitForEvent(Topics.KnowledgeSuggested, ticketId);
    const data = suggested.envelope.data as { suggestions: { articleId: string; score: number }[] };
    expect(data.suggestions.length).toBeGreaterThan(0);
    expect(data.suggestions.map((s) => s.articleId)).toContain('kb-plugin-not-loading');
  });

  it('serves search over gRPC', async () => {
    const client = grpcClient('knowledge.proto', 'switchboard.knowledge.v1', 'KnowledgeService', config.grpc.port);
    try {
      const res = await client.SearchArticles({ query: 'where are conversations stored', limit: 2 });
      expect((res.hits as unknown[]).length).toBeGreaterThan(0);
      await expect(client.SearchArticles({ query: '' })).rejects.toMatchObject({ code: 3 });
    } finally {
      client.close();
    }
  });
});
