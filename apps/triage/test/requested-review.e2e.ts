import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  inquiryReceivedEvent,
  inquiryReceivedExample,
  Topics,
  type TriageCorrected,
  type TriageReviewRequested,
} from '@switchboard/contracts';
import { EventProbe, grpcClient, http, startAppUnderTest, testNamespace } from '@switchboard/testing';
import { loadTriageConfig, type TriageConfig } from '../src/config.js';
import { createTriageApp } from '../src/triage.app.js';

interface Review {
  id: string;
  ticketId: string;
  status: string;
  holdsTriage: boolean;
  requestedBy: string | null;
  labels: Record<string, string>;
  fields: { field: string; threshold: number }[];
}

describe('a person asks for a review of a triage the model was sure of', () => {
  const namespace = testNamespace('triage-ask');
  let config: TriageConfig;
  let app: INestApplication;
  let probe: EventProbe;
  let base: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([Topics.InquiryTriaged, Topics.TriageReviewRequested, Topics.TriageCorrected]);
    // no confidence threshold: the model never queues a review itself
    ({ app, config, base } = await startAppUnderTest(namespace, loadTriageConfig, createTriageApp, {
      TRIAGE_REVIEW_THRESHOLDS: 'urgency=0,component=0,category=0',
    }));
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  const triaged = async (subject: string, body: string) => {
    const ticketId = randomUUID();
    await probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, {
      ...inquiryReceivedExample,
      ticketId,
      subject,
      body,
    });
    await probe.waitForEvent(Topics.InquiryTriaged, ticketId);
    return ticketId;
  };

  it('opens one review that does not hold the triage, and a correction of it supersedes what went out', async () => {
    const ticketId = await triaged('Dark theme please', 'It would be great to have a dark theme for the terminal UI.');
    expect(probe.of(Topics.TriageReviewRequested, ticketId)).toHaveLength(0);

    const opened = await http<Review>(`${base}/v1/triage/reviews`, {
      body: { ticketId, requestedBy: 'agent-li', fields: ['urgency', 'component'] },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ ticketId, status: 'pending', holdsTriage: false, requestedBy: 'agent-li' });
    expect(opened.body.fields.map((f) => [f.field, f.threshold])).toEqual([
      ['urgency', 1],
      ['component', 1],
    ]);
    const event = (await probe.waitForEvent(Topics.TriageReviewRequested, ticketId)).envelope.data as TriageReviewRequested;
    expect(event).toMatchObject({ reviewId: opened.body.id, holdsTriage: false, requestedBy: 'agent-li' });

    const again = await http<Review>(`${base}/v1/triage/reviews`, { body: { ticketId, requestedBy: 'agent-bo' } });
    expect([again.status, again.body.id, again.body.requestedBy]).toEqual([200, opened.body.id, 'agent-li']);

    const to = opened.body.labels.urgency === 'high' ? 'medium' : 'high';
    const corrected = await http<Review>(`${base}/v1/triage/reviews/${opened.body.id}/correct`, {
      body: { reviewer: 'agent-li', labels: { urgency: to } },
    });
    expect(corrected.body).toMatchObject({ status: 'corrected', labels: { urgency: to } });
    const correction = (await probe.waitForEvent(Topics.TriageCorrected, ticketId)).envelope.data as TriageCorrected;
    expect(correction).toMatchObject({ reviewId: opened.body.id, supersedesTriaged: true, changes: [{ field: 'urgency', to }] });
    expect(probe.of(Topics.InquiryTriaged, ticketId)).toHaveLength(1);
    expect(probe.of(Topics.TriageReviewRequested, ticketId)).toHaveLength(1);
  });

  it('refuses what it cannot review, with stable codes, and serves the same over gRPC', async () => {
    const unknownTicket = await http(`${base}/v1/triage/reviews`, { body: { ticketId: randomUUID(), requestedBy: 'agent-li' } });
    expect([unknownTicket.status, unknownTicket.body.code]).toEqual([404, 'TRIAGE.NOT_FOUND']);
    const ticketId = await triaged('Crash on launch', 'The app crashes on launch with a traceback.');
    const badField = await http(`${base}/v1/triage/reviews`, { body: { ticketId, requestedBy: 'agent-li', fields: ['mood'] } });
    expect([badField.status, badField.body.code]).toEqual([422, 'TRIAGE.UNKNOWN_FIELD']);
    const noName = await http(`${base}/v1/triage/reviews`, { body: { ticketId } });
    expect([noName.status, noName.body.code]).toEqual([422, 'REQUEST.VALIDATION_FAILED']);
    expect(probe.of(Topics.TriageReviewRequested, ticketId)).toHaveLength(0);

    const client = grpcClient('triage.proto', 'switchboard.triage.v1', 'TriageService', config.grpc.port);
    try {
      const first = await client.RequestReview({ ticketId, requestedBy: 'agent-grpc' });
      expect(first).toMatchObject({ created: true, review: { ticketId, requestedBy: 'agent-grpc', holdsTriage: false } });
      expect((first.review as Review).fields).toHaveLength(6);
      const second = await client.RequestReview({ ticketId, requestedBy: 'agent-grpc' });
      expect(second).toMatchObject({ created: false, review: { id: (first.review as Review).id } });
      await expect(client.RequestReview({ ticketId: randomUUID(), requestedBy: 'x' })).rejects.toMatchObject({
        code: 5,
        details: expect.stringContaining('TRIAGE.NOT_FOUND'),
      });
    } finally {
      client.close();
    }
  });
});
