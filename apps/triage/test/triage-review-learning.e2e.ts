import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  customerRepliedEvent,
  inquiryReceivedEvent,
  inquiryReceivedExample,
  type InquiryTriaged,
  ticketResolvedEvent,
  Topics,
  type TriageCorrected,
  type TriageReviewRequested,
} from '@switchboard/contracts';
import {
  EventProbe,
  grpcClient,
  http,
  REPO_ROOT,
  schemaOf,
  serviceEnv,
  ServiceProcess,
  TEST_DATABASE_URL,
  testNamespace,
  waitFor,
} from '@switchboard/testing';
import pg from 'pg';

interface Review {
  id: string;
  ticketId: string;
  status: string;
  holdsTriage: boolean;
  labels: Record<string, string>;
  fields: { field: string }[];
}

interface Accuracy {
  modelVersion: string;
  active: boolean;
  holdout: {
    examples: number;
    fields: Record<string, { accuracy: number; macroF1: number; interval95?: { low: number; high: number } }>;
  } | null;
  additionalHoldouts: { name: string; examples: number; fields: Record<string, { accuracy: number; interval95?: unknown }> }[];
  reviewed: {
    reviews: number;
    fields: Record<string, { reviewed: number; corrected: number; accuracy: number; interval95: { low: number; high: number } }>;
  };
}

interface ModelVersion {
  id: string;
  status: string;
  modelVersion: string;
  trainingExamples: number;
  learntExamples: number;
  holdout: Record<string, { accuracy: number; macroF1: number }>;
  additionalHoldouts: { name: string; examples: number; fields: Record<string, { accuracy: number }> }[];
  active: boolean;
}

/**
 * The triage service as production runs it (built, its own process, the shipped model), with an
 * urgency and component thresholds so high that nearly every inquiry is reviewed. Retraining uses a sixth of the shipped
 * set so the test stays short; the service trains it in a worker thread.
 */
describe('triage review queue, corrections, sentiment and model versions (built service)', () => {
  const namespace = testNamespace('triage-learn');
  let probe: EventProbe;
  let triage: ServiceProcess;
  let base: string;
  let grpcPort: string;
  let dataDir: string;
  let settings: Record<string, string>;
  let replica: ServiceProcess | undefined;

  const inquiry = (subject: string, body: string) => {
    const ticketId = randomUUID();
    return {
      ticketId,
      send: () =>
        probe.publish(Topics.InquiryReceived, inquiryReceivedEvent.type, ticketId, {
          ...inquiryReceivedExample,
          ticketId,
          subject,
          body,
          customer: { id: 'c-9', serviceLevel: 'premium' as const, userType: 'developer' },
        }),
    };
  };
  const data = <T>(topic: (typeof Topics)[keyof typeof Topics], ticketId: string) =>
    probe.waitForEvent(topic, ticketId, 30_000).then((m) => m.envelope.data as T);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'triage-e2e-'));
    const shipped = resolve(REPO_ROOT, 'apps/triage/data/train');
    const subset = readdirSync(shipped)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(shipped, f), 'utf8').split('\n').filter(Boolean))
      .filter((_, i) => i % 6 === 0);
    writeFileSync(join(dataDir, 'subset.jsonl'), subset.join('\n'));
    probe = await new EventProbe(namespace).start([
      Topics.InquiryTriaged,
      Topics.TriageReviewRequested,
      Topics.TriageCorrected,
      Topics.SentimentAssessed,
    ]);
    settings = {
      TRIAGE_REVIEW_THRESHOLDS: 'urgency=0.99,component=0.99',
      TRIAGE_REVIEW_HOLDS: 'urgent',
      TRIAGE_TRAINING_DIR: dataDir,
      // the retraining below learns its fields on two worker threads (the default is one)
      TRIAGE_TRAINING_THREADS: '2',
      TRIAGE_MODEL_POLL_MS: '300',
    };
    const env = await serviceEnv(namespace, settings);
    triage = new ServiceProcess('triage', env);
    await triage.start();
    base = triage.httpUrl;
    grpcPort = env.GRPC_PORT ?? '';
  });

  afterAll(async () => {
    await replica?.stop();
    await triage?.stop();
    await probe?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const learnt: string[] = [];

  it('withholds an urgent uncertain triage until a reviewer corrects it, then emits it with the corrected labels', async () => {
    const leak = inquiry(
      'API key leaked',
      'Our OpenAI api key is printed in plain text in the debug log for every user. Security problem!',
    );
    await leak.send();
    const requested = await data<TriageReviewRequested>(Topics.TriageReviewRequested, leak.ticketId);
    expect(requested.holdsTriage).toBe(true);
    expect(requested.fields).toContainEqual(expect.objectContaining({ field: 'urgency', threshold: 0.99 }));
    expect(requested.modelVersion).toMatch(/^model-tfidf-/);

    const pending = await http<Review[]>(`${base}/v1/triage/reviews?status=pending&holdsTriage=true&field=urgency`);
    expect(pending.status).toBe(200);
    const review = pending.body.find((r) => r.ticketId === leak.ticketId);
    expect(review).toMatchObject({ id: requested.reviewId, status: 'pending', holdsTriage: true });
    expect(review?.labels.userType).toBe('developer'); // from the customer profile
    await new Promise((r) => setTimeout(r, 1000));
    expect(probe.of(Topics.InquiryTriaged, leak.ticketId)).toHaveLength(0);

    const to = review?.labels.urgency === 'critical' ? 'high' : 'critical';
    const bad = await http(`${base}/v1/triage/reviews/${requested.reviewId}/correct`, {
      body: { reviewer: 'lead-ana', labels: { urgency: 'apocalyptic' } },
    });
    expect([bad.status, bad.body.code]).toEqual([422, 'TRIAGE.UNKNOWN_LABEL']);
    const corrected = await http<Review>(`${base}/v1/triage/reviews/${requested.reviewId}/correct`, {
      body: { reviewer: 'lead-ana', labels: { urgency: to } },
    });
    expect(corrected.body).toMatchObject({ status: 'corrected', labels: { urgency: to } });

    const triaged = await data<InquiryTriaged>(Topics.InquiryTriaged, leak.ticketId);
    expect(triaged).toMatchObject({
      urgency: { label: to, confidence: 1 },
      reviewed: { reviewer: 'lead-ana', outcome: 'corrected' },
    });
    const correction = await data<TriageCorrected>(Topics.TriageCorrected, leak.ticketId);
    expect(correction).toMatchObject({
      reviewer: 'lead-ana',
      supersedesTriaged: false,
      changes: [{ field: 'urgency', from: review?.labels.urgency, to }],
    });
    const again = await http(`${base}/v1/triage/reviews/${requested.reviewId}/accept`, { body: { reviewer: 'lead-ana' } });
    expect([again.status, again.body.code]).toEqual([409, 'TRIAGE.REVIEW_DECIDED']);
    const stored = await http<{ fields: Record<string, { label: string }> }>(`${base}/v1/triage/${leak.ticketId}`);
    expect(stored.body.fields.urgency.label).toBe(to);
    learnt.push(leak.ticketId);
  });

  it('lets a low-stakes uncertain triage flow on and emits a correction later (gRPC)', async () => {
    const praise = inquiry('Thanks!', 'Just wanted to say thank you, I love the new colour themes. Great work everyone.');
    await praise.send();
    const requested = await data<TriageReviewRequested>(Topics.TriageReviewRequested, praise.ticketId);
    expect(requested.holdsTriage).toBe(false);
    const triaged = await data<InquiryTriaged>(Topics.InquiryTriaged, praise.ticketId);
    expect(triaged.reviewed).toBeUndefined();

    const client = grpcClient('triage.proto', 'switchboard.triage.v1', 'TriageService', grpcPort);
    try {
      const listed = (await client.ListReviews({ status: 'pending', field: 'component' })) as { reviews: Review[] };
      expect(listed.reviews.map((r) => r.ticketId)).toContain(praise.ticketId);
      const got = (await client.GetReview({ id: requested.reviewId })) as unknown as Review;
      expect(got).toMatchObject({ ticketId: praise.ticketId, status: 'pending', holdsTriage: false });
      const to = got.labels.component === 'terminal-interface' ? 'configuration' : 'terminal-interface';
      const corrected = (await client.CorrectReview({
        id: requested.reviewId,
        reviewer: 'lead-bo',
        labels: { component: to },
      })) as unknown as Review;
      expect(corrected).toMatchObject({ status: 'corrected', reviewer: 'lead-bo' });
      const correction = await data<TriageCorrected>(Topics.TriageCorrected, praise.ticketId);
      expect(correction).toMatchObject({
        supersedesTriaged: true,
        changes: [{ field: 'component', to }],
        labels: { component: to },
      });
      await expect(client.AcceptReview({ id: randomUUID(), reviewer: 'x' })).rejects.toMatchObject({ code: 5 });
    } finally {
      client.close();
    }
    expect(probe.of(Topics.InquiryTriaged, praise.ticketId)).toHaveLength(1);
    learnt.push(praise.ticketId);
  });

  it('publishes the accuracy of the model answering: its holdout scores from the build and the share of reviewed triages kept', async () => {
    const lines = (file: string) =>
      readFileSync(resolve(REPO_ROOT, 'apps/triage/data/holdout', file), 'utf8')
        .split('\n')
        .filter(Boolean).length;
    const holdoutSize = lines('holdout.jsonl');
    const published = await http<Accuracy>(`${base}/v1/triage/accuracy`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ modelVersion: expect.stringMatching(/^model-tfidf-/), active: true });
    expect(published.body.holdout?.examples).toBe(holdoutSize);
    for (const field of ['urgency', 'category', 'component']) {
      expect(published.body.holdout?.fields[field].accuracy).toBeGreaterThan(0.5);
      expect(published.body.holdout?.fields[field].accuracy).toBeLessThanOrEqual(1);
    }
    // the two reviews decided above: urgency corrected on one, component on the other, category kept on both
    expect(published.body.reviewed.reviews).toBe(2);
    expect(published.body.reviewed.fields.urgency).toMatchObject({ reviewed: 2, corrected: 1, accuracy: 0.5 });
    expect(published.body.reviewed.fields.component).toMatchObject({ reviewed: 2, corrected: 1, accuracy: 0.5 });
    expect(published.body.reviewed.fields.category).toMatchObject({ reviewed: 2, corrected: 0, accuracy: 1 });
    // two reviews prove little, and the published interval says so
    expect(published.body.reviewed.fields.urgency.interval95.low).toBeLessThan(0.2);
    expect(published.body.reviewed.fields.urgency.interval95.high).toBeGreaterThan(0.8);
    const urgency = published.body.holdout?.fields.urgency;
    expect(urgency?.interval95?.low).toBeLessThan(urgency?.accuracy ?? 0);
    expect(urgency?.interval95?.high).toBeGreaterThan(urgency?.accuracy ?? 1);
    // the second holdout, by other writers, is published beside the first
    expect(published.body.additionalHoldouts).toEqual([
      expect.objectContaining({ name: 'holdout-b', examples: lines('holdout-b.jsonl') }),
    ]);
    for (const field of ['urgency', 'category', 'component']) {
      expect(published.body.additionalHoldouts[0].fields[field]).toMatchObject({
        accuracy: expect.any(Number),
        interval95: expect.any(Object),
      });
      expect(published.body.additionalHoldouts[0].fields[field].accuracy).toBeGreaterThan(0.5);
    }

    const unknown = await http(`${base}/v1/triage/accuracy?modelVersion=model-none`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'TRIAGE.MODEL_VERSION_NOT_FOUND']);
    const invalid = await http(`${base}/v1/triage/accuracy?version=1`);
    expect([invalid.status, invalid.body.code]).toEqual([422, 'REQUEST.VALIDATION_FAILED']);

    const client = grpcClient('triage.proto', 'switchboard.triage.v1', 'TriageService', grpcPort);
    try {
      const overGrpc = (await client.GetAccuracy({})) as unknown as Accuracy;
      expect(overGrpc).toMatchObject({
        modelVersion: published.body.modelVersion,
        active: true,
        holdout: { examples: holdoutSize },
        additionalHoldouts: [{ name: 'holdout-b', examples: lines('holdout-b.jsonl') }],
        reviewed: { reviews: 2, fields: { urgency: { reviewed: 2, corrected: 1, accuracy: 0.5 } } },
      });
      await expect(client.GetAccuracy({ modelVersion: 'model-none' })).rejects.toMatchObject({ code: 5 });
    } finally {
      client.close();
    }
  });

  it('assesses the sentiment of every customer reply with the active model', async () => {
    const ticketId = randomUUID();
    const messageId = randomUUID();
    await probe.publish(Topics.CustomerReplied, customerRepliedEvent.type, ticketId, {
      ticketId,
      messageId,
      channel: 'email',
      body: 'Still broken after the reinstall. This is really frustrating and unacceptable, nothing works!!',
      repliedAt: new Date().toISOString(),
    });
    const assessed = await data<{ messageId: string; sentiment: string; confidence: number; modelVersion: string }>(
      Topics.SentimentAssessed,
      ticketId,
    );
    expect(assessed).toMatchObject({ messageId, sentiment: 'negative', modelVersion: expect.stringMatching(/^model-tfidf-/) });
  });

  it('retrains on the shipped set plus corrections and resolved tickets, shadows, then activates the new version', async () => {
    // a resolved ticket's text and labels become a training example too
    const resolved = inquiry('History gone', 'After the update my conversation history is empty. Where did it go?');
    await resolved.send();
    await data<TriageReviewRequested>(Topics.TriageReviewRequested, resolved.ticketId);
    await probe.publish(Topics.TicketResolved, ticketResolvedEvent.type, resolved.ticketId, {
      ticketId: resolved.ticketId,
      resolvedBy: 'agent-1',
      resolvedAt: new Date().toISOString(),
    });
    learnt.push(resolved.ticketId);

    const db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    try {
      const examples = await waitFor(
        async () => {
          const { rows } = await db.query<{ ticket_id: string; source: string }>(
            `SELECT ticket_id, source FROM "${schemaOf('triage', namespace)}".training_examples ORDER BY source`,
          );
          return rows.length === learnt.length && rows;
        },
        { what: 'the corrections and the resolved ticket to be learnt' },
      );
      expect(examples.map((r) => r.source)).toEqual(['correction', 'correction', 'resolved']);
    } finally {
      await db.end();
    }

    const retrain = await http<ModelVersion>(`${base}/v1/triage/admin/retrain`, { method: 'POST' });
    expect(retrain.status).toBe(202);
    const started = retrain.body;
    expect(started.status).toBe('training');
    // the service keeps answering while the worker thread trains
    const health = await http(`${base}/health/ready`);
    expect(health.status).toBe(200);
    // Training shares two cores with every other process: with a benchmark running alongside it
    // took longer than the 90 s this wait used to allow, hence this wait and the test's own timeout.
    const version = await waitFor(
      async () => {
        const res = await http<ModelVersion>(`${base}/v1/triage/admin/models/${started.id}`);
        if (res.body.status === 'failed') throw new Error(JSON.stringify(res.body));
        return res.body.status === 'ready' && res.body;
      },
      { timeoutMs: 200_000, intervalMs: 500, what: 'the new version to be trained' },
    );
    expect(version.trainingExamples).toBeGreaterThan(250);
    expect(version.learntExamples).toBe(learnt.length);
    for (const field of ['urgency', 'category', 'component']) {
      expect(version.holdout[field].accuracy).toBeGreaterThan(0.3);
      expect(version.holdout[field].macroF1).toBeGreaterThan(0);
      expect(version.additionalHoldouts[0].fields[field].accuracy).toBeGreaterThan(0.3);
    }
    expect(version.additionalHoldouts.map((h) => h.name)).toEqual(['holdout-b']);
    const listed = await http<ModelVersion[]>(`${base}/v1/triage/admin/models`);
    expect(listed.body.map((v) => v.id)).toContain(version.id);
    // a retrained version publishes both holdouts' scores from its row, with intervals
    const scored = await http<Accuracy>(`${base}/v1/triage/accuracy?modelVersion=${version.modelVersion}`);
    expect(scored.body).toMatchObject({ modelVersion: version.modelVersion, active: false });
    expect(scored.body.additionalHoldouts[0]).toMatchObject({
      name: 'holdout-b',
      examples: version.additionalHoldouts[0].examples,
      fields: { urgency: { accuracy: version.additionalHoldouts[0].fields.urgency.accuracy, interval95: expect.any(Object) } },
    });

    // shadow: classifies live traffic alongside, only agreement is recorded
    const shadow = await http(`${base}/v1/triage/admin/shadow`, { method: 'PUT', body: { versionId: version.id } });
    expect(shadow.status).toBe(200);
    const shadowed = inquiry('Plugins fail', 'None of my plugins load since the upgrade, ModuleNotFoundError in the log.');
    await shadowed.send();
    const shadowRequest = await data<TriageReviewRequested>(Topics.TriageReviewRequested, shadowed.ticketId);
    expect(shadowRequest.modelVersion).not.toBe(version.modelVersion);
    const report = await waitFor(
      async () => {
        const res = await http<{ compared: number; agreement: Record<string, number>; shadowModelVersion: string }>(
          `${base}/v1/triage/admin/shadow`,
        );
        return res.body.compared >= 1 && res.body;
      },
      { what: 'a shadow comparison' },
    );
    expect(report.shadowModelVersion).toBe(version.modelVersion);
    for (const field of ['urgency', 'category', 'complexity', 'userType', 'component', 'sentiment']) {
      expect([0, 1]).toContain(report.agreement[field]);
    }

    // a second instance, started before the switch, must pick the new version up without a restart
    replica = new ServiceProcess('triage', await serviceEnv(namespace, settings));
    await replica.start();
    const replicaUrl = replica.httpUrl;
    const classifyOnReplica = () =>
      http<{ modelVersion: string }>(`${replicaUrl}/v1/triage/classify`, {
        body: { subject: 'hi', body: 'how do I set a theme?' },
      });
    expect((await classifyOnReplica()).body.modelVersion).not.toBe(version.modelVersion);

    const client = grpcClient('triage.proto', 'switchboard.triage.v1', 'TriageService', grpcPort);
    try {
      const activated = await client.ActivateModelVersion({ id: version.id });
      expect(activated).toMatchObject({ id: version.id, active: true, modelVersion: version.modelVersion });
      const versions = (await client.ListModelVersions({})) as { versions: { id: string; active: boolean }[] };
      expect(versions.versions.find((v) => v.id === version.id)?.active).toBe(true);
    } finally {
      client.close();
    }

    await waitFor(async () => (await classifyOnReplica()).body.modelVersion === version.modelVersion, {
      what: 'the second instance to switch to the new version',
    });
    // a retrained version publishes the scores it was stored with
    const published = await http<Accuracy>(`${base}/v1/triage/accuracy`);
    expect(published.body).toMatchObject({ modelVersion: version.modelVersion, active: true });
    expect(published.body.holdout?.fields.urgency).toMatchObject(version.holdout.urgency);
    expect(published.body.holdout?.examples).toBeGreaterThan(0);

    const next = inquiry('Question', 'How do I change the colour theme of the input box?');
    await next.send();
    const request = await data<TriageReviewRequested>(Topics.TriageReviewRequested, next.ticketId);
    expect(request.modelVersion).toBe(version.modelVersion);
    if (request.holdsTriage) {
      await http(`${base}/v1/triage/reviews/${request.reviewId}/accept`, { body: { reviewer: 'lead-ana' } });
    }
    const triaged = await data<InquiryTriaged>(Topics.InquiryTriaged, next.ticketId);
    expect(triaged.modelVersion).toBe(version.modelVersion);

    const back = await http<{ modelVersion: string }>(`${base}/v1/triage/admin/models/shipped/activate`, { method: 'POST' });
    expect(back.status).toBe(200);
    expect(back.body.modelVersion).toMatch(/^model-tfidf-/);
    expect(back.body.modelVersion).not.toBe(version.modelVersion);
  }, 300_000);
});
