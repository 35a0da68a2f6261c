import { Body, Controller, Get, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import { AcceptsKeyInQuery, ApiRoute, AppError, RequiresScope, SERVICE_CONFIG, correlationIdOf } from '@switchboard/service-kit';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { IntakeConfig } from '../config.js';
import { chatInbound, chatMessageSchema } from './chat/chat-message.js';
import { emailInbound } from './email/email-inbound.js';
import { parseEmail } from './email/email-message.js';
import { forumInbound, forumPostSchema } from './forum/forum-post.js';
import { CloseGithubIssueUseCase } from './github/close-github-issue.usecase.js';
import { githubAction } from './github/github-event.js';
import { verifyGithubSignature } from './github/github-signature.js';
import { IngestMessageUseCase, type IngestResult } from './ingest/ingest-message.usecase.js';

/** 201 when the message opened a ticket, 200 when it landed on an existing one (reply, merge, repeat). */
function respond(res: Response, result: IngestResult): IngestResult {
  res.status(result.outcome === 'created' ? 201 : 200);
  return result;
}

function rawBody(body: unknown, expected: string): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE', `send the body as ${expected}`, 415);
  return body;
}

@Controller('v1/channels')
export class ChannelsHttpController {
  constructor(
    private readonly ingest: IngestMessageUseCase,
    private readonly closeIssue: CloseGithubIssueUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  @RequiresScope('submit')
  @ApiRoute({
    summary: 'Ingest an inbound email (raw body: message/rfc822 or text/plain)',
    description: 'A new message opens a ticket; a reply, a merge or a repeated delivery lands on the existing one.',
    responses: {
      200: 'landed on an existing ticket (reply, merge or repeat)',
      201: 'opened a ticket',
      413: 'the email is too large',
      415: 'not sent as message/rfc822 or text/plain',
      422: 'not a readable email',
    },
  })
  @Post('email')
  async email(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const mail = await parseEmail(rawBody(body, 'message/rfc822'));
    return respond(res, await this.ingest.execute(emailInbound(mail, correlationIdOf(req))));
  }

  // GitHub cannot send custom headers: its webhook URL carries the key as `?api_key=`.
  @AcceptsKeyInQuery()
  @RequiresScope('submit')
  @ApiRoute({
    summary: 'GitHub webhook (issues, issue comments), signed with X-Hub-Signature-256',
    description:
      'The API key may come as `?api_key=` (GitHub cannot send headers). An opened issue opens a ticket, a comment lands on it, a closed issue closes it; other events are ignored.',
    responses: {
      200: 'landed on an existing ticket, closed it, or ignored the event',
      201: 'opened a ticket',
      400: 'no X-GitHub-Delivery header, or the body is not JSON',
      401: 'X-Hub-Signature-256 is missing or does not match',
      413: 'the payload is too large',
      415: 'not sent as application/json',
      422: 'the event payload does not match the expected shape',
    },
  })
  @Post('github')
  async github(
    @Body() body: unknown,
    @Headers('x-hub-signature-256') signature: string | undefined,
    @Headers('x-github-event') event: string | undefined,
    @Headers('x-github-delivery') delivery: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const raw = rawBody(body, 'application/json');
    if (!verifyGithubSignature(this.config.channels.githubWebhookSecret, raw, signature)) {
      throw new AppError('INTAKE.GITHUB_SIGNATURE_INVALID', 'X-Hub-Signature-256 is missing or does not match', 401);
    }
    if (!delivery || !/^[\w-]{1,100}$/.test(delivery)) {
      throw new AppError('INTAKE.GITHUB_DELIVERY_REQUIRED', 'the X-GitHub-Delivery header is required', 400);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AppError('REQUEST.MALFORMED_JSON', 'request body is not valid JSON', 400);
    }
    const action = githubAction(event, delivery, payload, correlationIdOf(req));
    if (action.kind === 'message') return respond(res, await this.ingest.execute(action.message));
    res.status(200);
    if (action.kind === 'close') return this.closeIssue.execute(action.issueKey, action.deliveryKey, action.closedBy);
    return { ticketId: null, outcome: 'ignored', reason: action.reason };
  }

  @RequiresScope('submit')
  @ApiRoute({
    summary: "Ingest a chat message; it joins its conversation's open ticket or starts one",
    body: chatMessageSchema,
    responses: {
      200: "landed on the conversation's ticket (or a repeat)",
      201: 'opened a ticket',
      422: 'invalid chat message',
    },
  })
  @Post('chat')
  async chat(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.ingest.execute(chatInbound(body, correlationIdOf(req))));
  }

  @RequiresScope('submit')
  @ApiRoute({
    summary: 'Forum webhook: the first post of a thread opens a ticket, later posts are replies',
    body: forumPostSchema,
    responses: {
      200: "landed on the thread's ticket (or a repeat)",
      201: 'opened a ticket',
      422: 'invalid forum post',
    },
  })
  @Post('forum')
  async forum(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.ingest.execute(forumInbound(body, correlationIdOf(req))));
  }

  /** The forum webhook's contract as JSON Schema, generated from the zod schema intake validates with. */
  @ApiRoute({ summary: 'The forum webhook body as JSON Schema', responses: { 200: 'the JSON Schema' } })
  @Get('forum/schema')
  forumSchema() {
    return z.toJSONSchema(forumPostSchema);
  }
}
