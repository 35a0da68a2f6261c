import { randomUUID } from 'node:crypto';
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  grpcClient,
  http,
  type JsonResponse,
  ServiceProcess,
  serviceEnv,
  TEST_API_KEY,
  testNamespace,
  waitFor,
} from '@switchboard/testing';

interface IssuedKey {
  id: string;
  key: string;
  prefix: string;
  scopes: string[];
  status: string;
}

interface Problem {
  code: string;
  status: number;
}

/** Intake issues keys; routing, another process, only ever hears about them over Kafka. */
describe('API keys across services', () => {
  const namespace = testNamespace('apikeys');
  let intake: ServiceProcess;
  let routing: ServiceProcess;

  beforeAll(async () => {
    intake = new ServiceProcess('intake', await serviceEnv(namespace));
    routing = new ServiceProcess('routing', await serviceEnv(namespace));
    await Promise.all([intake.start(), routing.start()]);
  });

  afterAll(async () => {
    await Promise.all([intake?.stop(), routing?.stop()]);
  });

  const issue = async (body: Record<string, unknown>): Promise<IssuedKey> => {
    const res = await http<IssuedKey>(`${intake.httpUrl}/v1/api-keys`, { body });
    expect(res.status).toBe(201);
    return res.body;
  };
  const teams = (apiKey: string | null) => http<Problem>(`${routing.httpUrl}/v1/teams`, { apiKey });
  const accepted = (apiKey: string) => async () => (await teams(apiKey)).status === 200;

  it('answers health without a key and everything else with 401 problem+json', async () => {
    expect((await http(`${routing.httpUrl}/health/live`, { apiKey: null })).status).toBe(200);
    expect((await http(`${routing.httpUrl}/health/ready`, { apiKey: null })).status).toBe(200);
    const missing = await teams(null);
    expect(missing.status).toBe(401);
    expect(missing.contentType).toContain('application/problem+json');
    expect(missing.body.code).toBe('AUTH.KEY_MISSING');
    const unknown = await teams('sb_live_not-a-key-anyone-issued');
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('AUTH.KEY_UNKNOWN');
    const viaHeader = await http(`${routing.httpUrl}/v1/teams`, { apiKey: null, headers: { 'x-api-key': TEST_API_KEY } });
    expect(viaHeader.status).toBe(200);
  });

  it('issues a key once, stores only its hash, and the key works on another service after the event propagates', async () => {
    const key = await issue({ name: 'acme-crm', scopes: ['read', 'submit'] });
    expect(key.key).toMatch(/^sb_live_[A-Za-z0-9_-]{43}$/);
    expect(key.key.startsWith(key.prefix)).toBe(true);
    const fetched = await http<Record<string, unknown>>(`${intake.httpUrl}/v1/api-keys/${key.id}`);
    expect(fetched.body).toMatchObject({ id: key.id, name: 'acme-crm', status: 'active' });
    expect(JSON.stringify(fetched.body)).not.toContain(key.key);
    await waitFor(accepted(key.key), { what: 'routing to accept the new key' });
  });

  it('a service started later reads every existing key before it reports ready', async () => {
    const key = await issue({ name: 'before-boot', scopes: ['read'] });
    await waitFor(accepted(key.key), { what: 'routing to accept the key' });
    const escalation = new ServiceProcess('escalation', await serviceEnv(namespace));
    try {
      await escalation.start();
      expect((await http(`${escalation.httpUrl}/v1/escalations?ticketId=${randomUUID()}`, { apiKey: key.key })).status).toBe(200);
    } finally {
      await escalation.stop();
    }
  });

  it('answers 403 with a stable code when the key lacks the scope, on REST and gRPC', async () => {
    const key = await issue({ name: 'submit-only', scopes: ['submit'] });
    await waitFor(async () => (await teams(key.key)).status === 403, { what: 'routing to know the key' });
    const denied = await teams(key.key);
    expect(denied.body).toMatchObject({ code: 'AUTH.SCOPE_MISSING', status: 403 });
    const submitted = await http(`${intake.httpUrl}/v1/inquiries`, {
      apiKey: key.key,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        channel: 'api',
        subject: 'Plugins fail',
        body: 'Every plugin fails to load since the upgrade.',
        customer: { id: 'c-1' },
      },
    });
    expect(submitted.status).toBe(202);
    const admin = await http<Problem>(`${intake.httpUrl}/v1/api-keys`, { apiKey: key.key });
    expect(admin.status).toBe(403);
    const client = grpcClient('routing.proto', 'switchboard.routing.v1', 'RoutingService', routing.env.GRPC_PORT!, {
      apiKey: key.key,
    });
    await expect(client.ListTeams({})).rejects.toMatchObject({ code: GrpcStatus.PERMISSION_DENIED });
    client.close();
  });

  it('rejects gRPC calls without a key or with an unknown one, and accepts a valid key', async () => {
    const anonymous = grpcClient('routing.proto', 'switchboard.routing.v1', 'RoutingService', routing.env.GRPC_PORT!, {
      apiKey: null,
    });
    await expect(anonymous.ListTeams({})).rejects.toMatchObject({ code: GrpcStatus.UNAUTHENTICATED });
    anonymous.close();
    const wrong = grpcClient('routing.proto', 'switchboard.routing.v1', 'RoutingService', routing.env.GRPC_PORT!, {
      apiKey: 'sb_live_unknown',
    });
    await expect(wrong.ListTeams({})).rejects.toMatchObject({ code: GrpcStatus.UNAUTHENTICATED });
    wrong.close();
    const keys = grpcClient('api-keys.proto', 'switchboard.intake.v1', 'ApiKeyService', intake.env.GRPC_PORT!);
    const created = (await keys.CreateApiKey({ name: 'grpc-made', scopes: ['read'] })) as { key: string; apiKey: { id: string } };
    expect(created.key).toMatch(/^sb_live_/);
    keys.close();
    await waitFor(accepted(created.key), { what: 'routing to accept the gRPC-issued key' });
  });

  it('revokes a key everywhere', async () => {
    const key = await issue({ name: 'to-revoke', scopes: ['read'] });
    await waitFor(accepted(key.key), { what: 'routing to accept the key' });
    const revoked = await http<{ status: string }>(`${intake.httpUrl}/v1/api-keys/${key.id}`, { method: 'DELETE' });
    expect(revoked.body.status).toBe('revoked');
    for (const url of [`${routing.httpUrl}/v1/teams`, `${intake.httpUrl}/v1/api-keys/${key.id}`]) {
      const res = await waitFor(
        async () => {
          const r = await http<Problem>(url, { apiKey: key.key });
          return r.status === 401 ? r : undefined;
        },
        { what: `${url} to reject the revoked key` },
      );
      expect(res.body.code).toBe('AUTH.KEY_REVOKED');
    }
  });

  it('rotates: the new secret works at once, the old one only until its grace period ends', async () => {
    const key = await issue({ name: 'rotating', scopes: ['read'] });
    await waitFor(accepted(key.key), { what: 'routing to accept the key' });
    const rotated = await http<IssuedKey>(`${intake.httpUrl}/v1/api-keys/${key.id}/rotate`, { body: { graceSeconds: 4 } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.key).not.toBe(key.key);
    await waitFor(accepted(rotated.body.key), { what: 'routing to accept the new secret' });
    expect((await teams(key.key)).status).toBe(200);
    const expired = await waitFor(
      async () => {
        const r = await teams(key.key);
        return r.status === 401 ? r : undefined;
      },
      { what: 'the old secret to stop working', timeoutMs: 15_000 },
    );
    expect(expired.body.code).toBe('AUTH.KEY_EXPIRED');
    expect((await teams(rotated.body.key)).status).toBe(200);
  });

  it('answers 429 with Retry-After and RateLimit headers beyond the key’s limit, across services', async () => {
    const key = await issue({ name: 'limited', scopes: ['read'], rateLimit: { perSecond: null, perMinute: 5 } });
    await waitFor(accepted(key.key), { what: 'routing to accept the key' });
    const answers: JsonResponse<Problem>[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(await teams(key.key));
    for (let i = 0; i < 4; i += 1)
      answers.push(await http<Problem>(`${intake.httpUrl}/v1/tickets/${randomUUID()}`, { apiKey: key.key }));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    const first = limited[0]!;
    expect(first.body.code).toBe('RATE_LIMIT.EXCEEDED');
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(first.headers.get('ratelimit-limit')).toBe('5');
    expect(first.headers.get('ratelimit-remaining')).toBe('0');
    expect(answers.find((a) => a.status !== 429)?.headers.get('ratelimit-policy')).toBe('50;w=1, 5;w=60');
  });

  it('serves its OpenAPI document and Swagger UI at /docs, offline, to callers with a key', async () => {
    expect((await http(`${routing.httpUrl}/docs/openapi.json`, { apiKey: null })).status).toBe(401);
    const doc = await http<{ openapi: string; paths: Record<string, unknown> }>(`${intake.httpUrl}/docs/openapi.json`);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/inquiries', '/v1/api-keys/{id}/rotate']));
    const page = await http<string>(`${routing.httpUrl}/docs`);
    expect(page.contentType).toContain('text/html');
    expect(page.body).toContain('/docs/assets/swagger-ui-bundle.js');
    const bundle = await http<string>(`${routing.httpUrl}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
  });

  it('keeps an audit entry for every admin action, with who, what, when and the outcome', async () => {
    const key = await issue({ name: 'audited', scopes: ['admin'] });
    await waitFor(async () => (await http(`${intake.httpUrl}/v1/api-keys`, { apiKey: key.key })).status === 200, {
      what: 'intake to know the admin key',
    });
    const team = await http<{ id: string }>(`${routing.httpUrl}/v1/teams`, {
      apiKey: key.key,
      body: { id: `audit-${Date.now()}`, name: 'Audited team' },
    });
    expect(team.status).toBe(201);
    await http(`${intake.httpUrl}/v1/api-keys/not-a-key/rotate`, { apiKey: key.key, body: {} });
    const intakeAudit = await http<{ entries: Record<string, unknown>[] }>(`${intake.httpUrl}/v1/audit?keyId=${key.id}`);
    expect(intakeAudit.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'GET', route: '/v1/api-keys', status: 200, keyId: key.id }),
        expect.objectContaining({ method: 'POST', route: '/v1/api-keys/:id/rotate', resourceId: 'not-a-key', status: 404 }),
      ]),
    );
    const routingAudit = await http<{ entries: Record<string, unknown>[] }>(`${routing.httpUrl}/v1/audit?keyId=${key.id}`);
    expect(routingAudit.body.entries[0]).toMatchObject({
      method: 'POST',
      route: '/v1/teams',
      resourceId: team.body.id,
      status: 201,
      keyId: key.id,
    });
    expect(Date.parse(routingAudit.body.entries[0]!.at as string)).toBeGreaterThan(Date.now() - 60_000);
    const notAudited = await http<{ entries: unknown[] }>(`${intake.httpUrl}/v1/audit?route=/v1/audit`);
    expect(notAudited.body.entries).toEqual([]);
  });
});
