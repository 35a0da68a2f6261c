import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { verifyWebhookSignature, WEBHOOK_HEADERS } from '@switchboard/contracts';
import {
  freePort,
  http,
  percentile,
  SAMPLE_INQUIRIES,
  ServiceProcess,
  serviceEnv,
  testNamespace,
  waitFor,
} from '@switchboard/testing';

// `npm run bench:webhooks`: intake delivers inquiry-received webhooks to a local receiver that
// verifies each signature. Prints end-to-end latency (inquiry accepted → webhook received) and throughput.
const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const port = await freePort();
let secret = '';
const receivedAt = new Map<string, number>();
let invalid = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    const check = verifyWebhookSignature({ body: raw, header: req.headers[WEBHOOK_HEADERS.signature] as string, secret });
    if (!check.ok) invalid += 1;
    const ticketId = (JSON.parse(raw) as { subject: string }).subject;
    if (!receivedAt.has(ticketId)) receivedAt.set(ticketId, performance.now());
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

const intake = new ServiceProcess(
  'intake',
  await serviceEnv(testNamespace('bench-webhooks'), { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', LOG_LEVEL: 'error' }),
);
await intake.start();
try {
  const subscription = await http<{ secret: string }>(`${intake.httpUrl}/v1/webhooks/subscriptions`, {
    body: { url: `http://127.0.0.1:${port}/hook`, eventTypes: ['support.inquiry.received.v1'] },
  });
  secret = subscription.body.secret;
  const acceptedAt = new Map<string, number>();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < INQUIRIES) {
        const i = next++;
        const res = await http<{ ticketId: string }>(`${intake.httpUrl}/v1/inquiries`, {
          body: SAMPLE_INQUIRIES[i % SAMPLE_INQUIRIES.length],
          headers: { 'idempotency-key': randomUUID() },
        });
        acceptedAt.set(res.body.ticketId, performance.now());
      }
    }),
  );
  await waitFor(async () => receivedAt.size >= INQUIRIES, { timeoutMs: 300_000, intervalMs: 50, what: 'every webhook' });
  const elapsed = (Math.max(...receivedAt.values()) - started) / 1000;
  const latencies = [...acceptedAt].map(([id, at]) => (receivedAt.get(id) ?? Number.NaN) - at).sort((a, b) => a - b);
  const pct = (p: number) => Math.round(percentile(latencies, p) ?? 0);
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'webhook-delivery',
        inquiries: INQUIRIES,
        concurrency: CONCURRENCY,
        delivered: receivedAt.size,
        invalidSignatures: invalid,
        deliveriesPerSecond: Math.round((receivedAt.size / elapsed) * 10) / 10,
        latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: Math.round(latencies.at(-1) ?? 0) },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await intake.stop();
  server.close();
}
