import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  inquiryReceivedEvent,
  inquiryReceivedExample,
  inquiryTriagedEvent,
  inquiryTriagedExample,
  ticketResolvedEvent,
  ticketResolvedExample,
  Topics,
} from '@switchboard/contracts';
import { EventProbe, grpcClient, http, startAppUnderTest, testNamespace, waitFor } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { type KnowledgeConfig, loadKnowledgeConfig } from '../src/config.js';
import { createKnowledgeApp } from '../src/knowledge.app.js';
import { KnowledgeIndex } from '../src/articles/knowledge-index.js';
import { hybridSearchSql } from '../src/retrieval/postgres-hybrid-search.js';

interface SearchBody {
  hits: { articleId: string; score: number; snippet: string; component: string; lexical: number; semantic: number }[];
  noGoodAnswer: boolean;
}

describe('knowledge against real PostgreSQL, Kafka and Redis', () => {
  const namespace = testNamespace('knowledge');
  let config: KnowledgeConfig;
  let app: INestApplication;
  let probe: EventProbe;
  let base: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([
      Topics.KnowledgeSuggested,
      Topics.SelfServiceResolved,
      Topics.SelfServiceFailed,
    ]);
    ({ app, config, base } = await startAppUnderTest(namespace, loadKnowledgeConfig, createKnowledgeApp));
  });

  const stats = async (id: string) =>
    (
      await http<{ articleId: string; suggested: number; helpful: number; selfServed: number; successRate: number }[]>(
        `${base}/v1/articles/stats/success`,
      )
    ).body.find((s) => s.articleId === id);

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
    const tagged = await http<SearchBody>(
      `${base}/v1/articles/search?q=${encodeURIComponent('add a server')}&tags=mcp&product=chat-app`,
    );
    expect(tagged.body.hits.map((h) => h.articleId)).toContain('kb-add-mcp-server');
    const noProduct = await http<SearchBody>(
      `${base}/v1/articles/search?q=${encodeURIComponent('add a server')}&product=other-app`,
    );
    expect(noProduct.body.hits).toEqual([]);
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

  it('asks again within the component once triage names it', async () => {
    const ticketId = randomUUID();
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, {
      ...inquiryReceivedExample,
      ticketId,
      // plugin-system and event-bus articles both fit until triage names the component
      subject: 'plugin and hooks',
      body: "I'm writing my first plugin and want my hook to run before the other plugins' hooks",
    });
    const first = await probe.waitForEvent(Topics.KnowledgeSuggested, ticketId);
    await probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, ticketId, {
      ...inquiryTriagedExample,
      ticketId,
      component: { label: 'event-bus', confidence: 0.9 },
    });
    const second = await waitFor(async () => probe.of(Topics.KnowledgeSuggested, ticketId)[1], { what: 'refined suggestions' });
    const ids = (second.envelope.data as { suggestions: { articleId: string }[] }).suggestions.map((x) => x.articleId);
    expect(ids).not.toEqual(
      (first.envelope.data as { suggestions: { articleId: string }[] }).suggestions.map((x) => x.articleId),
    );
    for (const id of ids) expect((await http(`${base}/v1/articles/${id}`)).body).toMatchObject({ component: 'event-bus' });
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

  describe('guided self-service', () => {
    const knownTicket = async () => {
      const ticketId = randomUUID();
      await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, { ...inquiryReceivedExample, ticketId });
      await probe.waitForEvent(Topics.KnowledgeSuggested, ticketId);
      return ticketId;
    };
    const start = (ticketId: string, articleId = 'kb-plugin-not-loading') =>
      http<{ sessionId: string; step: { number: number; text: string } | null; totalSteps: number; state: string }>(
        `${base}/v1/self-service/sessions`,
        { body: { ticketId, articleId } },
      );
    const answer = (sessionId: string, worked: boolean, note?: string) =>
      http<{ step: { number: number } | null; state: string }>(`${base}/v1/self-service/sessions/${sessionId}/checkpoints`, {
        body: { worked, note },
      });

    it('walks the steps and resolves the ticket as self-served when one works', async () => {
      const ticketId = await knownTicket();
      const session = await start(ticketId);
      expect(session.status).toBe(201);
      expect(session.body).toMatchObject({
        state: 'active',
        totalSteps: 5,
        step: { number: 1, text: expect.stringContaining('_plugin.py') },
      });
      expect((await start(ticketId)).body).toMatchObject({ code: 'KNOWLEDGE.SESSION_ACTIVE' });
      expect((await answer(session.body.sessionId, false, 'name is fine')).body).toMatchObject({
        state: 'active',
        step: { number: 2 },
      });
      expect((await answer(session.body.sessionId, true)).body).toMatchObject({ state: 'resolved', step: null });
      const resolved = await probe.waitForEvent(Topics.SelfServiceResolved, ticketId);
      expect(resolved.envelope.data).toMatchObject({ articleId: 'kb-plugin-not-loading', resolvedAtStep: 2 });
      expect((await answer(session.body.sessionId, true)).body).toMatchObject({ code: 'KNOWLEDGE.SESSION_ENDED' });
    });

    it('hands the ticket to people with every step tried when none works', async () => {
      const ticketId = await knownTicket();
      const { sessionId, totalSteps } = (await start(ticketId)).body;
      for (let i = 0; i < totalSteps; i += 1) await answer(sessionId, false, `try ${i + 1}`);
      const failed = await probe.waitForEvent(Topics.SelfServiceFailed, ticketId);
      const tried = (failed.envelope.data as { stepsTried: { step: number; note: string }[] }).stepsTried;
      expect(tried.map((t) => t.step)).toEqual([1, 2, 3, 4, 5]);
      expect(tried[4].note).toBe('try 5');
    });

    it('rejects unknown tickets, articles and sessions and malformed answers', async () => {
      const ticketId = await knownTicket();
      const results = await Promise.all([
        start(randomUUID()),
        start(ticketId, 'kb-nope'),
        http(`${base}/v1/self-service/sessions/${randomUUID()}/checkpoints`, { body: { worked: true } }),
        http(`${base}/v1/self-service/sessions/not-a-session`),
        http(`${base}/v1/self-service/sessions`, { body: { ticketId } }),
      ]);
      expect(results.map((r) => [r.status, (r.body as { code: string }).code])).toEqual([
        [404, 'KNOWLEDGE.TICKET_NOT_FOUND'],
        [404, 'KNOWLEDGE.ARTICLE_NOT_FOUND'],
        [404, 'KNOWLEDGE.SESSION_NOT_FOUND'],
        [404, 'KNOWLEDGE.SESSION_NOT_FOUND'],
        [422, 'REQUEST.VALIDATION_FAILED'],
      ]);
      const client = grpcClient('knowledge.proto', 'switchboard.knowledge.v1', 'KnowledgeService', config.grpc.port);
      try {
        const session = await client.StartSelfService({ ticketId, articleId: 'kb-add-mcp-server' });
        expect(session).toMatchObject({ state: 'active', stepNumber: 1 });
        expect(await client.RecordCheckpoint({ sessionId: session.sessionId, worked: true })).toMatchObject({
          state: 'resolved',
        });
      } finally {
        client.close();
      }
    });
  });

  describe('outcomes and knowledge capture', () => {
    it('records feedback and self-service outcomes per article and exposes the success rate', async () => {
      const before = (await stats('kb-colors-wrong-or-missing'))?.helpful ?? 0;
      const res = await http(`${base}/v1/articles/kb-colors-wrong-or-missing/feedback`, { body: { helpful: true } });
      expect(res.status).toBe(202);
      expect((await stats('kb-colors-wrong-or-missing'))?.helpful).toBe(before + 1);
      expect((await stats('kb-plugin-not-loading'))?.selfServed).toBeGreaterThanOrEqual(1);
      expect((await stats('kb-plugin-not-loading'))?.suggested).toBeGreaterThanOrEqual(1);
      const bad = await Promise.all([
        http(`${base}/v1/articles/kb-nope/feedback`, { body: { helpful: true } }),
        http(`${base}/v1/articles/kb-colors-wrong-or-missing/feedback`, { body: { helpful: 'yes' } }),
      ]);
      expect(bad.map((b) => [b.status, (b.body as { code: string }).code])).toEqual([
        [404, 'KNOWLEDGE.ARTICLE_NOT_FOUND'],
        [422, 'REQUEST.VALIDATION_FAILED'],
      ]);
    });

    it('drafts an article from a resolution note when no article answered, and reports the gap', async () => {
      const ticketId = randomUUID();
      const subject = 'Invoice shows the wrong VAT number for our company';
      await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, {
        ...inquiryReceivedExample,
        ticketId,
        subject,
        body: 'Our invoice lists the VAT number of another company, please correct the billing record.',
      });
      const suggested = await probe.waitForEvent(Topics.KnowledgeSuggested, ticketId);
      expect((suggested.envelope.data as { suggestions: unknown[] }).suggestions).toEqual([]);
      await probe.publish(Topics.TicketResolved, ticketResolvedEvent.type, ticketId, {
        ...ticketResolvedExample,
        ticketId,
        resolutionNote:
          'Billing records are corrected by finance: open the billing portal, edit the VAT field, and re-issue the invoice.',
      });
      const draft = await waitFor(async () => {
        const drafts = await http<{ id: string; title: string; sourceTicketId: string }[]>(`${base}/v1/articles?status=draft`);
        return drafts.body.find((d) => d.sourceTicketId === ticketId);
      });
      expect(draft).toMatchObject({ title: subject });
      const published = await http<{ id: string }[]>(`${base}/v1/articles`);
      expect(published.body.map((a) => a.id)).not.toContain(draft.id);
      const gaps = await http<{ size: number; examples: string[] }[]>(`${base}/v1/knowledge/content-gaps`);
      expect(gaps.body.some((g) => g.examples.includes(subject))).toBe(true);
    });
  });

  describe('search inside PostgreSQL', () => {
    const find = async (q: string, extra = '') =>
      (await http<SearchBody>(`${base}/v1/articles/search?q=${encodeURIComponent(q)}&limit=5${extra}`)).body;

    it('finds an article by a word only its own text has, as soon as it is published', async () => {
      const created = await http(`${base}/v1/articles`, {
        body: {
          id: 'kb-quuxinator-bridge',
          title: 'Pairing the quuxinator bridge',
          body: 'Run `kollab bridge pair` and confirm the quuxinator code on the device.',
          component: 'configuration',
          status: 'published',
        },
      });
      expect(created.status).toBe(201);
      const found = await find('quuxinator');
      expect(found.hits[0]).toMatchObject({ articleId: 'kb-quuxinator-bridge' });
      expect(found.hits[0].lexical).toBeGreaterThan(0.5);
      expect(found.hits[0].snippet).toContain('<mark>quuxinator</mark>');
    });

    it('applies a websearch match ("phrase", -word) as a constraint answered by the GIN index', async () => {
      // the article of the previous test; "server" alone matches many others
      expect((await find('server')).hits.length).toBeGreaterThan(1);
      const phrase = await find('server', `&match=${encodeURIComponent('"quuxinator bridge"')}`);
      expect(phrase.hits.map((h) => h.articleId)).toEqual(['kb-quuxinator-bridge']);
      // the question's own words never constrain: a CLI flag like -p stays an optional word
      expect((await find('add an MCP server -mcp')).hits[0].articleId).toBe('kb-add-mcp-server');
      const excluded = await find('add an MCP server', '&match=-mcp');
      expect(excluded.hits.map((h) => h.articleId)).not.toContain('kb-add-mcp-server');
      expect(excluded.hits.length).toBeGreaterThan(0);
      const plan = await app.get(DataSource).transaction(async (m) => {
        await m.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN ${hybridSearchSql(config.database.schema)}`, [
          'server "quuxinator bridge"',
          [],
          [],
          [],
          '',
          5,
          5,
          null,
          null,
          [],
          [],
          [],
          1.2,
          0.75,
          0.5,
          0.05,
          '"quuxinator bridge"',
          false,
          50,
          100,
          1000,
        ]);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('articles_search_idx');
      expect(plan).toContain('article_terms_pkey');
    });

    it('keeps answering HTTP while the embedding model retrains in a worker thread', async () => {
      const index = app.get(KnowledgeIndex);
      const retrained = index.retrain();
      const times: number[] = [];
      let searchedMeanwhile = false;
      while (index.retraining) {
        const started = performance.now();
        expect((await http(`${base}/health/live`)).status).toBe(200);
        times.push(performance.now() - started);
        if (!searchedMeanwhile) searchedMeanwhile = (await find('add an MCP server')).hits.length > 0;
        await new Promise((r) => setTimeout(r, 20));
      }
      await retrained;
      expect(times.length).toBeGreaterThanOrEqual(3);
      // training on the event loop would stall it for the whole fit (over a second even for these 45 articles)
      expect(Math.max(...times)).toBeLessThan(500);
      expect(searchedMeanwhile).toBe(true);
      expect((await find('add an MCP server')).hits[0].articleId).toBe('kb-add-mcp-server');
    });
  });

  describe('authoring', () => {
    const search = async (q: string) =>
      (await http<SearchBody>(`${base}/v1/articles/search?q=${encodeURIComponent(q)}&limit=3`)).body.hits.map((h) => h.articleId);

    it('creates drafts, publishes them as new versions, and archives them out of search', async () => {
      const created = await http(`${base}/v1/articles`, {
        body: {
          title: 'Pairing a hardware security key',
          body: '## Steps\n\n1. Plug in the yubikey token.\n2. Run `kollab keys pair`.',
          component: 'configuration',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: 'kb-pairing-a-hardware-security-key', status: 'draft', version: 1 });
      expect(await search('yubikey hardware security key pairing')).not.toContain('kb-pairing-a-hardware-security-key');
      const published = await http(`${base}/v1/articles/kb-pairing-a-hardware-security-key`, {
        method: 'PATCH',
        body: { status: 'published' },
      });
      expect(published.body).toMatchObject({ status: 'published', version: 2 });
      expect(await search('yubikey hardware security key pairing')).toContain('kb-pairing-a-hardware-security-key');
      const versions = await http<{ version: number; status: string }[]>(
        `${base}/v1/articles/kb-pairing-a-hardware-security-key/versions`,
      );
      expect(versions.body.map((v) => `${v.version}:${v.status}`)).toEqual(['1:draft', '2:published']);
      expect(
        (
          await http(`${base}/v1/articles`, {
            body: { id: 'kb-pairing-a-hardware-security-key', title: 'x', body: 'y', component: 'other' },
          })
        ).body,
      ).toMatchObject({
        code: 'KNOWLEDGE.ARTICLE_EXISTS',
      });
      await http(`${base}/v1/articles/kb-pairing-a-hardware-security-key`, { method: 'DELETE' });
      expect(await search('yubikey hardware security key pairing')).not.toContain('kb-pairing-a-hardware-security-key');
    });

    it('imports JSONL and Markdown in bulk, all or nothing', async () => {
      const jsonl = [
        JSON.stringify({
          id: 'kb-import-one',
          title: 'Exporting a theme palette',
          body: 'Use `kollab theme export` to write the palette file.',
          component: 'terminal-interface',
        }),
        JSON.stringify({
          id: 'kb-import-two',
          title: 'Muting notification bells',
          body: 'Set `bell = false` in the terminal section.',
          component: 'terminal-interface',
        }),
      ].join('\n');
      const imported = await http(`${base}/v1/articles/import`, { body: { jsonl } });
      expect(imported.body).toEqual({ imported: 2, ids: ['kb-import-one', 'kb-import-two'] });
      expect(await search('export the theme palette file')).toContain('kb-import-one');
      const md =
        '---\nid: kb-import-three\ntitle: Resetting the splash screen\ncomponent: terminal-interface\nproduct: chat-app\ntags: [splash]\n---\nRun `kollab splash --reset`.';
      expect((await http(`${base}/v1/articles/import`, { body: { markdown: [md] } })).body).toMatchObject({ imported: 1 });
      const broken = await http(`${base}/v1/articles/import`, {
        body: { jsonl: `${JSON.stringify({ id: 'kb-import-four', title: 'ok', body: 'fine' })}\n{not json` },
      });
      expect([broken.status, broken.body.code, broken.body.where]).toEqual([422, 'KNOWLEDGE.IMPORT_INVALID', 'jsonl line 2']);
      expect((await http(`${base}/v1/articles/kb-import-four`)).status).toBe(404);
    });
  });
});
