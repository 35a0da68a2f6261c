import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { inquiryReceivedEvent, inquiryReceivedExample, Topics } from '@switchboard/contracts';
import { EventProbe, grpcClient, http, startAppUnderTest, testNamespace } from '@switchboard/testing';
import { loadTriageConfig, type TriageConfig } from '../src/config.js';
import { createTriageApp } from '../src/triage.app.js';

describe('triage against real PostgreSQL, Kafka and Redis', () => {
  const namespace = testNamespace('triage');
  let config: TriageConfig;
  let app: INestApplication;
  let probe: EventProbe;
  let base: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.InquiryTriaged]);
    ({ app, config, base } = await startAppUnderTest(namespace, loadTriageConfig, createTriageApp));
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  it('classifies every received inquiry on all six fields and emits triaged once', async () => {
    const ticketId = randomUUID();
    const data = {
      ...inquiryReceivedExample,
      ticketId,
      subject: 'My API key leaked into the log',
      body: 'The OpenAI api key is printed in plain text in the debug log. This is a security problem!',
      customer: { id: 'c-1', serviceLevel: 'enterprise' as const },
    };
    const sent = await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, data);
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, data, sent.id);
    const triaged = await probe.waitForEvent(Topics.InquiryTriaged, ticketId);
    expect(triaged.envelope.causationId).toBe(sent.id);
    expect(triaged.envelope.data).toMatchObject({
      ticketId,
      urgency: { label: 'critical' },
      component: { label: 'llm-provider' },
      serviceLevel: 'enterprise',
      modelVersion: 'rules-1',
      guidance: { pathway: expect.any(String), expertise: expect.arrayContaining(['llm-provider', 'incident-response']) },
    });
    for (const field of ['urgency', 'category', 'complexity', 'userType', 'component', 'sentiment']) {
      const value = (triaged.envelope.data as Record<string, { confidence: number }>)[field];
      expect(value.confidence).toBeGreaterThan(0);
      expect(value.confidence).toBeLessThanOrEqual(1);
    }
    const stored = await http(`${base}/v1/triage/${ticketId}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ ticketId, modelVersion: 'rules-1' });
    expect(probe.of(Topics.InquiryTriaged, ticketId)).toHaveLength(1);
  });

  it('classifies text on demand over REST and gRPC without storing anything', async () => {
    const res = await http(`${base}/v1/triage/classify`, {
      body: { subject: 'idea', body: 'It would be great to have a dark theme' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ category: { label: 'feature' }, urgency: { label: 'low' } });
    const bad = await http(`${base}/v1/triage/classify`, { body: { subject: 3 } });
    expect([bad.status, bad.body.code]).toEqual([422, 'REQUEST.VALIDATION_FAILED']);
    const client = grpcClient('triage.proto', 'switchboard.triage.v1', 'TriageService', config.grpc.port);
    try {
      const viaGrpc = await client.Classify({ subject: 'crash', body: 'the app crashes on launch with a traceback' });
      expect(viaGrpc).toMatchObject({ urgency: { label: 'high' }, category: { label: 'bug' } });
      await expect(client.GetTriage({ ticketId: randomUUID() })).rejects.toMatchObject({ code: 5 });
    } finally {
      client.close();
    }
  });
});
