import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Topics } from '@switchboard/contracts';
import { EventProbe, grpcClient, http, startAppUnderTest, TEST_API_KEY, testNamespace } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { signGithubPayload } from '../src/channels/github/github-signature.js';
import { type IntakeConfig, loadIntakeConfig } from '../src/config.js';
import { createIntakeApp } from '../src/intake.app.js';
import { makeZip, SUPPORT_BUNDLE_FILES } from './fixtures/archives.js';
import { gmailStyleReply, multipartAlternativeWithAttachment, plainEmail } from './fixtures/emails.js';

const SECRET = 'webhook-secret-for-tests';

interface Ingested {
  ticketId: string;
  outcome: string;
  messageId: string | null;
  redactions: Record<string, number>;
}

interface View {
  id: string;
  status: string;
  channel: string;
  subject: string;
  lifecycle: { status: string; reopenCount: number; mergedInto: string | null };
  environment: Record<string, unknown> | null;
  redactions: { ticket: Record<string, number>; messages: { messageId: string; counts: Record<string, number> }[] };
  messages: { id: string; channel: string; body: string; attachments: Record<string, unknown>[] }[];
  timeline: ({ type: string } & Record<string, unknown>)[];
}

describe('intake channels, dedupe, bundles and lifecycle against real PostgreSQL, Kafka and Redis', () => {
  const namespace = testNamespace('intake-channels');
  let config: IntakeConfig;
  let app: INestApplication;
  let probe: EventProbe;
  let base: string;

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([
      Topics.InquiryReceived,
      Topics.CustomerReplied,
      Topics.TicketStatusChanged,
      Topics.TicketMerged,
      Topics.TicketResolved,
    ]);
    ({ app, config, base } = await startAppUnderTest(namespace, loadIntakeConfig, createIntakeApp, {
      INTAKE_GITHUB_WEBHOOK_SECRET: SECRET,
      INTAKE_BUNDLE_MAX_BYTES: '1048576',
    }));
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
  });

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    app.get(DataSource).query(query.replaceAll('$schema', `"${config.database.schema}"`), params);
  const count = async (table: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM $schema.${table}`))[0]?.n;
  const view = async (id: string) => (await http<View>(`${base}/v1/tickets/${id}`)).body;
  const email = (raw: Buffer) =>
    http<Ingested>(`${base}/v1/channels/email`, { method: 'POST', rawBody: raw, headers: { 'content-type': 'message/rfc822' } });
  const github = (
    event: string,
    payload: unknown,
    delivery: string = randomUUID(),
    sign: (body: string) => string | undefined = (b) => signGithubPayload(SECRET, b),
  ) => {
    const body = JSON.stringify(payload);
    const signature = sign(body);
    return http<Ingested>(`${base}/v1/channels/github`, {
      method: 'POST',
      rawBody: body,
      headers: {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': delivery,
        ...(signature ? { 'x-hub-signature-256': signature } : {}),
      },
    });
  };
  const chat = (body: unknown) => http<Ingested>(`${base}/v1/channels/chat`, { body });
  const forum = (body: unknown) => http<Ingested>(`${base}/v1/channels/forum`, { body });
  const issue = (repo: string, number: number, login: string, extra: Record<string, unknown> = {}) => ({
    number,
    title: 'Plugins stopped loading after upgrade',
    body: 'Since the upgrade none of my plugins load.\n\nOS: Ubuntu 24.04\nPython version: 3.12.3\nKollab version: 0.4.2',
    user: { login },
    html_url: `https://github.com/${repo}/issues/${number}`,
    ...extra,
  });
  const issuesEvent = (action: string, repo: string, number: number, login: string, extra: Record<string, unknown> = {}) => ({
    action,
    issue: issue(repo, number, login, extra),
    repository: { full_name: repo },
    sender: { login },
  });
  const expectProblem = (res: { status: number; contentType: string; body: unknown }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status, code });
  };

  describe('e-mail', () => {
    it('opens a ticket from a raw MIME message: stripped text, environment, attachment metadata, redaction', async () => {
      const res = await email(
        multipartAlternativeWithAttachment(`${randomUUID()}@mail.example.org`, `ana-${randomUUID()}@example.org`),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ outcome: 'created', redactions: { openai_key: 1, home_path: 1 } });
      const ticket = await view(res.body.ticketId);
      expect(ticket).toMatchObject({
        channel: 'email',
        subject: 'Plugins stopped loading after upgrade',
        lifecycle: { status: 'open', reopenCount: 0, mergedInto: null },
        environment: { os: 'Ubuntu 24.04', pythonVersion: '3.12.3', appVersion: '0.4.2', terminal: 'GNOME Terminal' },
        redactions: { ticket: { openai_key: 1, home_path: 1 } },
      });
      expect(ticket.messages[0]?.attachments).toEqual([
        { filename: 'kollab.log', contentType: 'text/plain', size: 64, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]);
      expect(ticket.messages[0]?.body).not.toMatch(/Best regards|sk-proj|\/home\/ana/);
      const received = await probe.waitForEvent(Topics.InquiryReceived, res.body.ticketId);
      expect(JSON.stringify(received.envelope.data)).not.toMatch(/sk-proj|\/home\/ana/);
      expect(received.envelope.data).toMatchObject({ body: expect.stringContaining('[REDACTED:openai_key]') });
    });

    it('threads a reply onto its ticket by In-Reply-To/References and emits customer replied', async () => {
      const from = `ana-${randomUUID()}@example.org`;
      const rootId = `${randomUUID()}@mail.example.org`;
      const agentReplyId = `agent-${randomUUID()}@support.kollab.example`;
      const first = await email(multipartAlternativeWithAttachment(rootId, from));
      // The reply names the root only in References (In-Reply-To is an agent reply intake never saw).
      const reply = await email(
        plainEmail({
          messageId: `${randomUUID()}@mail.example.org`,
          from,
          subject: 'Re: Plugins stopped loading after upgrade',
          body: 'Still broken.\n\nOn Fri, Nov 27, 2026 at 10:00 AM Support <s@kollab.example> wrote:\n> did you reinstall?',
          inReplyTo: agentReplyId,
          references: [rootId, agentReplyId],
        }),
      );
      expect([reply.status, reply.body.outcome, reply.body.ticketId]).toEqual([200, 'replied', first.body.ticketId]);
      const second = await email(gmailStyleReply(`unknown-${randomUUID()}@m`, `${randomUUID()}@m`, from));
      expect(second.body.outcome).toBe('created'); // an unknown thread is a new inquiry
      const replied = await probe.waitForEvent(Topics.CustomerReplied, first.body.ticketId);
      expect(replied.envelope.data).toMatchObject({ channel: 'email', body: 'Still broken.', messageId: reply.body.messageId });
      const ticket = await view(first.body.ticketId);
      expect(ticket.messages.map((m) => m.body)).toEqual([expect.stringContaining('none of my plugins load'), 'Still broken.']);
      expect(ticket.timeline.map((t) => t.type)).toEqual(['received', 'customer_replied']);
    });

    it('turns the same message posted five times at once into one ticket (one 201, four 200)', async () => {
      const raw = multipartAlternativeWithAttachment(`${randomUUID()}@mail.example.org`, `ana-${randomUUID()}@example.org`);
      const before = await count('tickets');
      const results = await Promise.all(Array.from({ length: 5 }, () => email(raw)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.ticketId)).size).toBe(1);
      expect(results.filter((r) => r.body.outcome === 'duplicate')).toHaveLength(4);
      expect(await count('tickets')).toBe(before + 1);
      const ticketId = results[0]?.body.ticketId ?? '';
      await probe.waitForEvent(Topics.InquiryReceived, ticketId);
      expect(probe.of(Topics.InquiryReceived, ticketId)).toHaveLength(1);
    });

    it('refuses what is not an e-mail with problem+json and writes nothing', async () => {
      const before = [await count('tickets'), await count('message_keys'), await count('ticket_messages')];
      expectProblem(
        await http(`${base}/v1/channels/email`, {
          method: 'POST',
          rawBody: 'no headers here',
          headers: { 'content-type': 'message/rfc822' },
        }),
        422,
        'INTAKE.EMAIL_INVALID',
      );
      expectProblem(await http(`${base}/v1/channels/email`, { body: { raw: 'x' } }), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
      expectProblem(
        await http(`${base}/v1/channels/email`, {
          method: 'POST',
          rawBody: Buffer.alloc(config.channels.emailMaxBytes + 10, 'a'),
          headers: { 'content-type': 'message/rfc822' },
        }),
        413,
        'REQUEST.BODY_TOO_LARGE',
      );
      expect([await count('tickets'), await count('message_keys'), await count('ticket_messages')]).toEqual(before);
    });
  });

  describe('GitHub', () => {
    it('refuses a missing or wrong signature with 401 problem+json', async () => {
      const payload = issuesEvent('opened', 'kollab/kollab', 1, 'octocat');
      expectProblem(await github('issues', payload, randomUUID(), () => undefined), 401, 'INTAKE.GITHUB_SIGNATURE_INVALID');
      expectProblem(
        await github('issues', payload, randomUUID(), (b) => signGithubPayload('wrong', b)),
        401,
        'INTAKE.GITHUB_SIGNATURE_INVALID',
      );
      expectProblem(
        await github('issues', payload, randomUUID(), (b) => signGithubPayload(SECRET, `${b} `)),
        401,
        'INTAKE.GITHUB_SIGNATURE_INVALID',
      );
    });

    it('takes the API key from ?api_key= on the GitHub route only, since GitHub cannot send headers', async () => {
      const body = JSON.stringify(issuesEvent('opened', `kollab/query-${randomUUID().slice(0, 8)}`, 7, 'octocat'));
      const post = (path: string, headers: Record<string, string>) =>
        http<Ingested>(`${base}${path}`, { method: 'POST', rawBody: body, apiKey: null, headers });
      const signed = {
        'content-type': 'application/json',
        'x-github-event': 'issues',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': signGithubPayload(SECRET, body),
      };
      expectProblem(await post('/v1/channels/github', signed), 401, 'AUTH.KEY_MISSING');
      expect((await post(`/v1/channels/github?api_key=${encodeURIComponent(TEST_API_KEY)}`, signed)).status).toBe(201);
      const chatWithQueryKey = await post(`/v1/channels/chat?api_key=${encodeURIComponent(TEST_API_KEY)}`, {
        'content-type': 'application/json',
      });
      expectProblem(chatWithQueryKey, 401, 'AUTH.KEY_MISSING');
    });

    it('opens a ticket, dedupes redeliveries, threads comments, resolves on close and reopens on a later comment', async () => {
      const repo = `kollab/repo-${randomUUID().slice(0, 8)}`;
      const login = `user-${randomUUID().slice(0, 8)}`;
      const delivery = randomUUID();
      const opened = await github('issues', issuesEvent('opened', repo, 42, login), delivery);
      expect([opened.status, opened.body.outcome]).toEqual([201, 'created']);
      const { ticketId } = opened.body;
      const sameDelivery = await github('issues', issuesEvent('opened', repo, 42, login), delivery);
      const redelivered = await github('issues', issuesEvent('opened', repo, 42, login));
      expect([sameDelivery.status, sameDelivery.body.outcome, sameDelivery.body.ticketId]).toEqual([200, 'duplicate', ticketId]);
      expect([redelivered.status, redelivered.body.outcome, redelivered.body.ticketId]).toEqual([200, 'duplicate', ticketId]);
      expect((await view(ticketId)).environment).toMatchObject({
        os: 'Ubuntu 24.04',
        pythonVersion: '3.12.3',
        appVersion: '0.4.2',
      });

      const comment = (id: number, body: string) => ({
        ...issuesEvent('created', repo, 42, login),
        comment: { id, body, user: { login } },
      });
      const replied = await github(
        'issue_comment',
        comment(1001, 'Here is the traceback, token ghp_0123456789abcdefghijABCDEFGHIJ0123'),
      );
      expect([replied.status, replied.body.outcome, replied.body.ticketId]).toEqual([200, 'replied', ticketId]);
      expect(replied.body.redactions).toEqual({ github_token: 1 });
      const event = await probe.waitForEvent(Topics.CustomerReplied, ticketId);
      expect(event.envelope.data).toMatchObject({
        channel: 'github',
        body: 'Here is the traceback, token [REDACTED:github_token]',
      });

      const closed = await github('issues', issuesEvent('closed', repo, 42, login));
      expect(closed.body).toMatchObject({ ticketId, outcome: 'resolved' });
      await probe.waitForEvent(Topics.TicketResolved, ticketId);
      expect((await view(ticketId)).lifecycle).toEqual({ status: 'resolved', reopenCount: 0, mergedInto: null });

      const reopened = await github('issue_comment', comment(1002, 'It is back after the restart.'));
      expect(reopened.body).toMatchObject({ ticketId, outcome: 'replied' });
      expect((await view(ticketId)).lifecycle).toEqual({ status: 'open', reopenCount: 1, mergedInto: null });
      const changes = await waitForCount(() => probe.of(Topics.TicketStatusChanged, ticketId), 2);
      expect(changes.map((c) => c.envelope.data)).toEqual([
        expect.objectContaining({ from: 'open', to: 'resolved', reopenCount: 0 }),
        expect.objectContaining({ from: 'resolved', to: 'open', reopenCount: 1, changedBy: `github:${login}` }),
      ]);
      const ping = await github('ping', { zen: 'Keep it logically awesome.' });
      expect([ping.status, ping.body.outcome]).toEqual([200, 'ignored']);
    });

    it('refuses a delivery without id or with a malformed payload, writing nothing', async () => {
      const before = await count('message_keys');
      expectProblem(await github('issues', issuesEvent('opened', 'a/b', 1, 'x'), ''), 400, 'INTAKE.GITHUB_DELIVERY_REQUIRED');
      expectProblem(await github('issues', { action: 'opened', issue: { number: 'one' } }), 422, 'REQUEST.VALIDATION_FAILED');
      expect(await count('message_keys')).toBe(before);
    });
  });

  describe('chat and forum', () => {
    it('appends chat messages to the open conversation ticket and starts a new one once it is resolved', async () => {
      const conversationId = randomUUID();
      const customer = { id: `cust-${randomUUID()}`, handle: 'ben' };
      const first = await chat({
        conversationId,
        messageId: randomUUID(),
        customer,
        text: 'the colours look washed out in tmux',
      });
      expect([first.status, first.body.outcome]).toEqual([201, 'created']);
      const lineId = randomUUID();
      const second = await chat({ conversationId, messageId: lineId, customer, text: 'using iTerm2 by the way' });
      expect([second.status, second.body.outcome, second.body.ticketId]).toEqual([200, 'replied', first.body.ticketId]);
      const again = await chat({ conversationId, messageId: lineId, customer, text: 'using iTerm2 by the way' });
      expect([again.status, again.body.outcome, again.body.ticketId]).toEqual([200, 'duplicate', first.body.ticketId]);
      await http(`${base}/v1/tickets/${first.body.ticketId}/resolve`, { body: { resolvedBy: 'agent-l1-01' } });
      const later = await chat({
        conversationId,
        messageId: randomUUID(),
        customer,
        text: 'another question: can I change the font?',
      });
      expect([later.status, later.body.outcome]).toEqual([201, 'created']);
      expect(later.body.ticketId).not.toBe(first.body.ticketId);
      expectProblem(await chat({ conversationId, customer, text: 'no message id' }), 422, 'REQUEST.VALIDATION_FAILED');
    });

    it('gives one ticket for a new conversation whose first lines arrive at the same moment', async () => {
      const conversationId = randomUUID();
      const customer = { id: `cust-${randomUUID()}` };
      const lines = await Promise.all(
        ['hello', 'my plugins do not load', 'since the upgrade', 'on Ubuntu'].map((text) =>
          chat({ conversationId, messageId: randomUUID(), customer, text }),
        ),
      );
      expect(lines.map((l) => l.body.outcome).sort()).toEqual(['created', 'replied', 'replied', 'replied']);
      expect(new Set(lines.map((l) => l.body.ticketId)).size).toBe(1);
      expect((await view(lines[0]?.body.ticketId ?? '')).messages).toHaveLength(4);
    });

    it('threads forum posts by thread id and publishes its JSON Schema', async () => {
      const threadId = randomUUID();
      const author = { id: `forum-${randomUUID()}`, handle: 'dana' };
      const post = {
        postId: randomUUID(),
        threadId,
        title: 'How do I add an MCP server?',
        body: 'Where does the config go?',
        author,
      };
      const first = await forum(post);
      expect([first.status, first.body.outcome]).toEqual([201, 'created']);
      expect((await forum(post)).body).toMatchObject({ outcome: 'duplicate', ticketId: first.body.ticketId });
      const reply = await forum({ postId: randomUUID(), threadId, body: 'Found it, thanks!', author });
      expect(reply.body).toMatchObject({ outcome: 'replied', ticketId: first.body.ticketId });
      const schema = await http<{ required: string[]; properties: Record<string, unknown> }>(`${base}/v1/channels/forum/schema`);
      expect(schema.body.required).toEqual(expect.arrayContaining(['postId', 'threadId', 'body', 'author']));
      expectProblem(await forum({ ...post, postId: randomUUID(), extra: 1 }), 422, 'REQUEST.VALIDATION_FAILED');
    });
  });

  describe('cross-channel merge', () => {
    const inquiry = (address: string, messageId: string) =>
      plainEmail({
        messageId,
        from: address,
        subject: 'Plugins stopped loading after upgrade',
        body: 'Since the upgrade none of my plugins load.\n\nOS: Ubuntu 24.04\nPython version: 3.12.3\nKollab version: 0.4.2',
      });

    it('merges the same inquiry by e-mail and as a GitHub issue into one ticket and shows it on the timeline', async () => {
      const address = `ana-${randomUUID()}@example.org`;
      const mailed = await email(inquiry(address, `${randomUUID()}@m`));
      expect(mailed.status).toBe(201);
      const filed = await github(
        'issues',
        issuesEvent('opened', `kollab/r-${randomUUID().slice(0, 6)}`, 7, `ana-gh-${randomUUID().slice(0, 6)}`, {
          user: { login: 'ana-gh', email: address },
        }),
      );
      expect([filed.status, filed.body.outcome, filed.body.ticketId]).toEqual([200, 'merged', mailed.body.ticketId]);
      const merged = await probe.waitForEvent(Topics.TicketMerged, mailed.body.ticketId);
      expect(merged.envelope.data).toMatchObject({
        ticketId: mailed.body.ticketId,
        reason: 'cross_channel',
        channel: 'github',
        mergedBy: 'intake',
      });
      const mergedTicketId = (merged.envelope.data as { mergedTicketId: string }).mergedTicketId;
      expect((await view(mergedTicketId)).lifecycle).toEqual({
        status: 'closed',
        reopenCount: 0,
        mergedInto: mailed.body.ticketId,
      });
      const survivor = await view(mailed.body.ticketId);
      expect(survivor.timeline.map((t) => t.type)).toEqual(['received', 'merged']);
      expect(survivor.messages.map((m) => m.channel)).toEqual(['email', 'github']);
      expect(probe.of(Topics.InquiryReceived, mergedTicketId)).toHaveLength(0);
    });

    it('still yields one open ticket when both channels deliver at the same moment', async () => {
      const address = `ana-${randomUUID()}@example.org`;
      const [a, b] = await Promise.all([
        email(inquiry(address, `${randomUUID()}@m`)),
        github(
          'issues',
          issuesEvent('opened', `kollab/r-${randomUUID().slice(0, 6)}`, 8, 'ana-gh', {
            user: { login: 'ana-gh', email: address },
          }),
        ),
      ]);
      expect([a.body.outcome, b.body.outcome].sort()).toEqual(['created', 'merged']);
      expect(a.body.ticketId).toBe(b.body.ticketId);
      const open = await sql(`SELECT id FROM $schema.tickets WHERE $1 = ANY(customer_identities) AND merged_into IS NULL`, [
        `email:${address}`,
      ]);
      expect(open).toHaveLength(1);
    });

    it('does not merge a different inquiry of the same customer', async () => {
      const address = `ana-${randomUUID()}@example.org`;
      const first = await email(inquiry(address, `${randomUUID()}@m`));
      const other = await email(
        plainEmail({
          messageId: `${randomUUID()}@m`,
          from: address,
          subject: 'Billing',
          body: 'Can I get an invoice for last month?',
        }),
      );
      expect([first.body.outcome, other.body.outcome]).toEqual(['created', 'created']);
    });
  });

  describe('support bundles', () => {
    const upload = (ticketId: string, body: Buffer | string, type = 'application/zip') =>
      http<Record<string, unknown>>(`${base}/v1/tickets/${ticketId}/bundles?filename=bundle.zip`, {
        method: 'POST',
        rawBody: body,
        headers: { 'content-type': type },
      });
    let ticketId: string;
    beforeAll(async () => {
      ticketId = (
        await chat({
          conversationId: randomUUID(),
          messageId: randomUUID(),
          customer: { id: `c-${randomUUID()}` },
          text: 'crash on start',
        })
      ).body.ticketId;
    });

    it('redacts secrets and personal data before storing and reports counts per kind and per file', async () => {
      const res = await upload(ticketId, makeZip(SUPPORT_BUNDLE_FILES.map((f) => ({ name: f.name, content: f.content }))));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ticketId,
        format: 'zip',
        redactions: { bearer_token: 1, email: 1, home_path: 2, openai_key: 1, github_token: 1, password: 1 },
      });
      expect(res.body.files).toEqual(
        expect.arrayContaining([
          {
            path: 'config/settings.env',
            sizeBytes: expect.any(Number),
            skipped: null,
            redactions: { openai_key: 1, github_token: 1, password: 1 },
          },
          { path: 'screenshot.png', sizeBytes: 11, skipped: 'binary', redactions: {} },
        ]),
      );
      const stored = JSON.stringify(
        await sql(`SELECT * FROM $schema.support_bundle_files WHERE bundle_id = $1`, [res.body.bundleId]),
      );
      for (const secret of ['sk-ant-', 'sk-proj-', 'ghp_', 'hunter2', 'ana.lima@', '/home/ana', '/Users/ana'])
        expect(stored).not.toContain(secret);
      expect(stored).toContain('[REDACTED:openai_key]');
      const ticket = await view(ticketId);
      expect(ticket.timeline.map((t) => t.type)).toContain('bundle_uploaded');
      // diagnostics.json filled the environment the chat message did not give (already redacted)
      expect(ticket.environment).toEqual({ os: 'macOS 15.1', pythonVersion: '3.12.3', home: '/Users/<user>' });
    });

    it('accepts a JSON bundle', async () => {
      const res = await upload(ticketId, JSON.stringify({ os: 'Linux', log: 'password=x at /home/bob/k' }), 'application/json');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ format: 'json', redactions: { password: 1, home_path: 1 } });
    });

    it.each([
      ['path traversal', () => makeZip([{ name: '../../etc/cron.d/x', content: 'x' }]), 422, 'INTAKE.BUNDLE_UNSAFE_PATH'],
      [
        'a zip bomb',
        () => makeZip([{ name: 'zeros.txt', content: Buffer.alloc(4 * 1024 * 1024) }]),
        422,
        'INTAKE.BUNDLE_ZIP_BOMB',
      ],
      ['a body over the size limit', () => Buffer.alloc(1024 * 1024 + 1), 413, 'REQUEST.BODY_TOO_LARGE'],
      ['something that is not a bundle', () => Buffer.from('hello there'), 422, 'INTAKE.BUNDLE_INVALID'],
    ])('refuses %s with 4xx problem+json and stores nothing', async (_, body, status, code) => {
      const before = [await count('support_bundles'), await count('support_bundle_files')];
      expectProblem(await upload(ticketId, body()), status, code);
      expect([await count('support_bundles'), await count('support_bundle_files')]).toEqual(before);
    });

    it('refuses a bundle for an unknown ticket', async () => {
      expectProblem(await upload(randomUUID(), makeZip([{ name: 'a.txt', content: 'a' }])), 404, 'INTAKE.TICKET_NOT_FOUND');
    });
  });

  describe('lifecycle', () => {
    const newTicket = async () =>
      (
        await chat({
          conversationId: randomUUID(),
          messageId: randomUUID(),
          customer: { id: `c-${randomUUID()}` },
          text: `question ${randomUUID()}`,
        })
      ).body.ticketId;
    const setStatus = (id: string, status: string) =>
      http<Record<string, unknown>>(`${base}/v1/tickets/${id}/status`, {
        body: { status, changedBy: 'agent-l1-01', reason: 'test' },
      });

    it('moves through waiting, open, resolved and reopen, emitting status changes with reopenCount', async () => {
      const address = `eli-${randomUUID()}@example.org`;
      const rootId = `${randomUUID()}@m`;
      const { ticketId } = (
        await email(plainEmail({ messageId: rootId, from: address, subject: 'History gone', body: 'My history vanished.' }))
      ).body;
      await http(`${base}/v1/tickets/${ticketId}/responses`, { body: { authorId: 'agent-l1-01', body: 'Which version?' } });
      expect((await view(ticketId)).lifecycle.status).toBe('waiting_on_customer');
      const replyTo = (id: string) =>
        email(
          plainEmail({
            messageId: `${randomUUID()}@m`,
            from: address,
            subject: 'Re: History gone',
            body: `Version 0.4.2 ${id}`,
            inReplyTo: rootId,
          }),
        );
      expect((await replyTo('a')).body.outcome).toBe('replied');
      expect((await view(ticketId)).lifecycle.status).toBe('open');
      expect((await setStatus(ticketId, 'resolved')).body).toMatchObject({ from: 'open', to: 'resolved', reopenCount: 0 });
      await replyTo('b');
      expect((await view(ticketId)).lifecycle).toEqual({ status: 'open', reopenCount: 1, mergedInto: null });
      const changes = await waitForCount(() => probe.of(Topics.TicketStatusChanged, ticketId), 4);
      expect(
        changes
          .map((c) => c.envelope.data as { from: string; to: string; reopenCount: number })
          .map((d) => [d.from, d.to, d.reopenCount]),
      ).toEqual([
        ['open', 'waiting_on_customer', 0],
        ['waiting_on_customer', 'open', 0],
        ['open', 'resolved', 0],
        ['resolved', 'open', 1],
      ]);
      // Topics are read independently, so the second reply can arrive after the status change it caused.
      expect(await waitForCount(() => probe.of(Topics.CustomerReplied, ticketId), 2)).toHaveLength(2);
      const timeline = await http<{ timeline: { type: string }[] }>(`${base}/v1/tickets/${ticketId}/timeline`);
      expect(timeline.body.timeline.map((t) => t.type)).toEqual([
        'received',
        'responded',
        'status_changed',
        'customer_replied',
        'status_changed',
        'resolved',
        'status_changed',
        'customer_replied',
        'status_changed',
      ]);
    });

    it('refuses illegal transitions with 409 and bad input with 422, over REST and gRPC', async () => {
      const ticketId = await newTicket();
      expect((await setStatus(ticketId, 'closed')).status).toBe(200);
      const illegal = await setStatus(ticketId, 'open');
      expectProblem(illegal, 409, 'INTAKE.ILLEGAL_STATUS_TRANSITION');
      expect(illegal.body).toMatchObject({ from: 'closed', to: 'open' });
      expectProblem(await setStatus(ticketId, 'reopened'), 422, 'REQUEST.VALIDATION_FAILED');
      expectProblem(await setStatus(randomUUID(), 'open'), 404, 'INTAKE.TICKET_NOT_FOUND');
      const client = grpcClient('intake.proto', 'switchboard.intake.v1', 'IntakeService', config.grpc.port);
      try {
        const other = await newTicket();
        expect(
          await client.ChangeTicketStatus({ ticketId: other, status: 'waiting_on_customer', changedBy: 'agent', reason: '' }),
        ).toEqual({
          ticketId: other,
          from: 'open',
          to: 'waiting_on_customer',
          reopenCount: 0,
        });
        await expect(
          client.ChangeTicketStatus({ ticketId, status: 'resolved', changedBy: 'agent', reason: '' }),
        ).rejects.toMatchObject({
          code: 9,
          details: expect.stringContaining('INTAKE.ILLEGAL_STATUS_TRANSITION'),
        });
      } finally {
        client.close();
      }
    });

    it('merges two tickets by hand: the duplicate closes, its thread follows, the survivor shows the merge', async () => {
      const survivor = await newTicket();
      const conversationId = randomUUID();
      const duplicate = (
        await chat({ conversationId, messageId: randomUUID(), customer: { id: `c-${randomUUID()}` }, text: 'same thing again' })
      ).body.ticketId;
      const res = await http(`${base}/v1/tickets/${survivor}/merge`, {
        body: { duplicateTicketId: duplicate, mergedBy: 'agent-l2-01' },
      });
      expect([res.status, res.body]).toEqual([200, { ticketId: survivor, mergedTicketId: duplicate }]);
      const merged = await probe.waitForEvent(Topics.TicketMerged, survivor);
      expect(merged.envelope.data).toMatchObject({ mergedTicketId: duplicate, reason: 'manual', mergedBy: 'agent-l2-01' });
      expect((await view(duplicate)).lifecycle).toEqual({ status: 'closed', reopenCount: 0, mergedInto: survivor });
      const followUp = await chat({ conversationId, messageId: randomUUID(), customer: { id: 'c' }, text: 'any news?' });
      expect(followUp.body).toMatchObject({ outcome: 'replied', ticketId: survivor });
      expect((await view(survivor)).timeline.map((t) => t.type)).toEqual(['received', 'merged', 'customer_replied']);
      expectProblem(
        await http(`${base}/v1/tickets/${survivor}/merge`, { body: { duplicateTicketId: duplicate, mergedBy: 'a' } }),
        409,
        'INTAKE.MERGE_INVALID',
      );
      expectProblem(
        await http(`${base}/v1/tickets/${survivor}/merge`, { body: { duplicateTicketId: survivor, mergedBy: 'a' } }),
        422,
        'INTAKE.MERGE_INVALID',
      );
    });

    it('redacts API inquiries too and says so on the ticket', async () => {
      const res = await http<{ ticketId: string }>(`${base}/v1/inquiries`, {
        headers: { 'idempotency-key': randomUUID() },
        body: {
          channel: 'api',
          subject: 'Key leaked',
          body: 'I pasted OPENAI_API_KEY=sk-abcdefghijklmnopqrstuvwx in the log at /Users/eli/kollab.log',
          customer: { id: 'cust-eli' },
          environment: { os: 'macOS 15', plugins: [{ name: 'hook_logger', version: '1.2.0' }], logDir: '/Users/eli/.kollab' },
        },
      });
      const ticket = await view(res.body.ticketId);
      expect(ticket.redactions.ticket).toEqual({ openai_key: 1, home_path: 2 });
      expect(ticket.environment).toMatchObject({
        logDir: '/Users/<user>/.kollab',
        plugins: [{ name: 'hook_logger', version: '1.2.0' }],
      });
      const received = await probe.waitForEvent(Topics.InquiryReceived, res.body.ticketId);
      expect(JSON.stringify(received.envelope.data)).not.toMatch(/sk-abc|\/Users\/eli/);
    });
  });
});

async function waitForCount<T>(read: () => T[], n: number, timeoutMs = 15_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const items = read();
    if (items.length >= n || Date.now() > deadline) return items;
    await new Promise((r) => setTimeout(r, 100));
  }
}
