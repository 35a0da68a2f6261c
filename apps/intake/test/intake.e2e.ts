import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  type InquiryReceived,
  inquiryTriagedEvent,
  inquiryTriagedExample,
  knowledgeSuggestedEvent,
  slaClockStartedEvent,
  slaClockStartedExample,
  ticketRoutedEvent,
  ticketRoutedExample,
  Topics,
} from '@switchboard/contracts';
import { EventProbe, grpcClient, http, SAMPLE_INQUIRIES, startAppUnderTest, testNamespace, waitFor } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { type IntakeConfig, loadIntakeConfig } from '../src/config.js';
import { createIntakeApp } from '../src/intake.app.js';

describe('intake against real PostgreSQL, Kafka and Redis', () => {
  const namespace = testNamespace('intake');
  let config: IntakeConfig;
  let app: INestApplication;
  let probe: EventProbe;
  let base: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.InquiryReceived, Topics.TicketResponded, Topics.TicketResolved]);
    ({ app, config, base } = await startAppUnderTest(namespace, loadIntakeConfig, createIntakeApp));
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  const inquiry = { ...SAMPLE_INQUIRIES[0], environment: { os: 'Ubuntu 24.04', python: '3.12.3', appVersion: '0.4.2' } };
  const submit = (key: string | undefined, body: unknown = inquiry) =>
    http<{ ticketId: string }>(`${base}/v1/inquiries`, { body, headers: key ? { 'idempotency-key': key } : {} });
  const ticketCount = async () =>
    (await app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${config.database.schema}.tickets`))[0].n;

  it('answers liveness and readiness with every dependency up', async () => {
    expect((await http(`${base}/health/live`)).status).toBe(200);
    const ready = await http<{ checks: { name: string; status: string }[] }>(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body.checks.map((c) => `${c.name}:${c.status}`).sort()).toEqual([
      'api-keys:up',
      'database:up',
      'kafka:up',
      'redis:up',
    ]);
  });

  it('accepts an inquiry, persists the ticket and emits inquiry received keyed by ticket id', async () => {
    const res = await submit(randomUUID());
    expect(res.status).toBe(202);
    const { ticketId } = res.body;
    const event = await probe.waitForEvent(Topics.InquiryReceived, ticketId);
    expect(event.key).toBe(ticketId);
    expect(event.envelope.data).toMatchObject({
      ticketId,
      channel: 'email',
      customer: { id: 'cust-ana', serviceLevel: 'premium' },
    });
    const ticket = await http<{ status: string; timeline: { type: string }[] }>(`${base}/v1/tickets/${ticketId}`);
    expect(ticket.body.status).toBe('new');
    expect(ticket.body.timeline.map((t) => t.type)).toEqual(['received']);
  });

  it('passes the profile the caller sends (language, user type) on in inquiry received, over REST and gRPC', async () => {
    const profiled = { ...inquiry, customer: { ...inquiry.customer, language: 'pt-BR', userType: 'developer' } };
    const { ticketId } = (await submit(randomUUID(), profiled)).body;
    const event = await probe.waitForEvent(Topics.InquiryReceived, ticketId);
    expect((event.envelope.data as InquiryReceived).customer).toEqual({
      ...inquiry.customer,
      language: 'pt-BR',
      userType: 'developer',
    });
    const tooLong = await submit(randomUUID(), { ...inquiry, customer: { ...inquiry.customer, userType: 'x'.repeat(65) } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    const client = grpcClient('intake.proto', 'switchboard.intake.v1', 'IntakeService', config.grpc.port);
    try {
      const created = await client.SubmitInquiry({
        idempotencyKey: randomUUID(),
        channel: 'chat',
        subject: 'profile over gRPC',
        body: 'sent with a user type',
        customer: { id: 'cust-grpc-profile', userType: 'new_user', language: 'de' },
      });
      const sent = await probe.waitForEvent(Topics.InquiryReceived, created.ticketId as string);
      expect((sent.envelope.data as InquiryReceived).customer).toEqual({
        id: 'cust-grpc-profile',
        serviceLevel: 'standard',
        language: 'de',
        userType: 'new_user',
      });
    } finally {
      client.close();
    }
  });

  it('returns the same ticket for a repeated Idempotency-Key and emits nothing new', async () => {
    const key = randomUUID();
    const first = await submit(key);
    const again = await Promise.all([submit(key), submit(key), submit(key)]);
    expect(again.map((r) => [r.status, r.body.ticketId])).toEqual(Array(3).fill([202, first.body.ticketId]));
    await probe.waitForEvent(Topics.InquiryReceived, first.body.ticketId);
    const marker = await submit(randomUUID());
    await probe.waitForEvent(Topics.InquiryReceived, marker.body.ticketId);
    expect(probe.of(Topics.InquiryReceived, first.body.ticketId)).toHaveLength(1);
  });

  it('rejects a reused Idempotency-Key with a different body', async () => {
    const key = randomUUID();
    await submit(key);
    const res = await submit(key, { ...inquiry, subject: 'something else' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'INTAKE.IDEMPOTENCY_KEY_REUSED' });
  });

  describe('bad input gets problem+json, persists nothing and emits nothing', () => {
    const big = 'x'.repeat(300 * 1024);
    it.each([
      [
        'malformed JSON',
        { rawBody: '{"channel": "api",', headers: { 'content-type': 'application/json', 'idempotency-key': 'k-a' } },
        400,
        'REQUEST.MALFORMED_JSON',
      ],
      [
        'wrong types',
        { body: { ...inquiry, subject: 42 }, headers: { 'idempotency-key': 'k-b' } },
        422,
        'REQUEST.VALIDATION_FAILED',
      ],
      ['missing fields', { body: { channel: 'api' }, headers: { 'idempotency-key': 'k-c' } }, 422, 'REQUEST.VALIDATION_FAILED'],
      [
        'unknown channel',
        { body: { ...inquiry, channel: 'fax' }, headers: { 'idempotency-key': 'k-d' } },
        422,
        'REQUEST.VALIDATION_FAILED',
      ],
      [
        'unknown fields',
        { body: { ...inquiry, priority: 'now' }, headers: { 'idempotency-key': 'k-e' } },
        422,
        'REQUEST.VALIDATION_FAILED',
      ],
      [
        'a body over 256 KB',
        { body: { ...inquiry, body: big }, headers: { 'idempotency-key': 'k-f' } },
        413,
        'REQUEST.BODY_TOO_LARGE',
      ],
      ['no Idempotency-Key', { body: inquiry }, 400, 'INTAKE.IDEMPOTENCY_KEY_REQUIRED'],
      [
        'a non-JSON content type',
        { rawBody: 'hello', headers: { 'content-type': 'text/plain', 'idempotency-key': 'k-g' } },
        415,
        'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      ],
    ])('%s', async (_, init, status, code) => {
      const before = await ticketCount();
      const res = await http(`${base}/v1/inquiries`, { method: 'POST', ...init });
      expect(res.status).toBe(status);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: code, correlationId: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
      expect(await ticketCount()).toBe(before);
    });

    it('unknown routes and unknown tickets', async () => {
      const route = await http(`${base}/v1/nope`);
      expect([route.status, route.body.code]).toEqual([404, 'HTTP.ROUTE_NOT_FOUND']);
      const ticket = await http(`${base}/v1/tickets/${randomUUID()}`);
      expect([ticket.status, ticket.body.code]).toEqual([404, 'INTAKE.TICKET_NOT_FOUND']);
      const malformedId = await http(`${base}/v1/tickets/not-an-id`);
      expect(malformedId.status).toBe(404);
    });

    it('emitted nothing for any rejected request', async () => {
      const marker = await submit(randomUUID());
      await probe.waitForEvent(Topics.InquiryReceived, marker.body.ticketId);
      const subjects = new Set(probe.of(Topics.InquiryReceived).map((m) => m.envelope.subject));
      const ids = await app.get(DataSource).query(`SELECT id FROM ${config.database.schema}.tickets`);
      expect(subjects.size).toBe(ids.length);
    });
  });

  it('folds other services events into the ticket view', async () => {
    const { ticketId } = (await submit(randomUUID())).body;
    await probe.publish(Topics.InquiryTriaged, inquiryTriagedEvent.type, ticketId, { ...inquiryTriagedExample, ticketId });
    await probe.publish(Topics.TicketRouted, ticketRoutedEvent.type, ticketId, { ...ticketRoutedExample, ticketId });
    await probe.publish(Topics.SlaClockStarted, slaClockStartedEvent.type, ticketId, { ...slaClockStartedExample, ticketId });
    await probe.publish(Topics.KnowledgeSuggested, knowledgeSuggestedEvent.type, ticketId, {
      ticketId,
      query: 'q',
      suggestions: [{ articleId: 'kb-plugin-not-loading', title: 'Plugin not loading', score: 0.8 }],
    });
    const view = await waitFor(
      async () => {
        const t = (await http<Record<string, unknown>>(`${base}/v1/tickets/${ticketId}`)).body;
        return (t.suggestions as unknown[]).length > 0 &&
          t.routing &&
          (t.sla as { firstResponseDueAt: string | null }).firstResponseDueAt &&
          t.triage
          ? t
          : undefined;
      },
      { what: 'projection' },
    );
    expect(view).toMatchObject({
      status: 'assigned',
      triage: { urgency: 'high', category: 'bug', component: 'plugin-system', confidence: 0.5 },
      routing: { tier: 'L2', agentId: 'agent-l2-01' },
      sla: { firstResponseDueAt: slaClockStartedExample.dueAt },
      suggestions: [{ articleId: 'kb-plugin-not-loading', title: 'Plugin not loading', score: 0.8 }],
    });
  });

  it('emits responded and resolved, and refuses to act on a resolved or unknown ticket', async () => {
    const { ticketId } = (await submit(randomUUID())).body;
    const responded = await http(`${base}/v1/tickets/${ticketId}/responses`, {
      body: { authorId: 'agent-l1-01', body: 'Try reinstalling.' },
    });
    expect(responded.status).toBe(202);
    const resolved = await http(`${base}/v1/tickets/${ticketId}/resolve`, {
      body: { resolvedBy: 'agent-l1-01', resolutionNote: 'ok' },
    });
    expect(resolved.status).toBe(202);
    const r1 = await probe.waitForEvent(Topics.TicketResponded, ticketId);
    const r2 = await probe.waitForEvent(Topics.TicketResolved, ticketId);
    expect(r1.envelope.data).toMatchObject({ authorId: 'agent-l1-01' });
    expect(r2.envelope.correlationId).toBe(r1.envelope.correlationId);
    const again = await http(`${base}/v1/tickets/${ticketId}/resolve`, { body: { resolvedBy: 'x' } });
    expect([again.status, again.body.code]).toEqual([409, 'INTAKE.TICKET_RESOLVED']);
    const unknown = await http(`${base}/v1/tickets/${randomUUID()}/responses`, { body: { authorId: 'a', body: 'b' } });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'INTAKE.TICKET_NOT_FOUND']);
  });

  it('serves the same operations over gRPC with stable error codes', async () => {
    const client = grpcClient('intake.proto', 'switchboard.intake.v1', 'IntakeService', config.grpc.port);
    try {
      const key = randomUUID();
      const request = {
        idempotencyKey: key,
        channel: 'chat',
        subject: 'grpc inquiry',
        body: 'sent over gRPC',
        customer: { id: 'cust-grpc' },
        environmentJson: '{"os":"macOS 15"}',
      };
      const created = await client.SubmitInquiry(request);
      expect(created).toMatchObject({ ticketId: expect.any(String), duplicate: false });
      expect(await client.SubmitInquiry(request)).toEqual({ ticketId: created.ticketId, duplicate: true });
      const view = await client.GetTicket({ ticketId: created.ticketId });
      expect(JSON.parse(view.json as string)).toMatchObject({ id: created.ticketId, channel: 'chat', status: 'new' });
      await expect(client.SubmitInquiry({ ...request, idempotencyKey: '' })).rejects.toMatchObject({
        code: 3,
        details: expect.stringContaining('INTAKE.IDEMPOTENCY_KEY_REQUIRED'),
      });
      await expect(client.GetTicket({ ticketId: randomUUID() })).rejects.toMatchObject({
        code: 5,
        details: expect.stringContaining('INTAKE.TICKET_NOT_FOUND'),
      });
    } finally {
      client.close();
    }
  });
});
