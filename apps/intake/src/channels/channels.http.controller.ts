import { Body, Controller, Get, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import { AppError, SERVICE_CONFIG, correlationIdOf } from '@switchboard/service-kit';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { IntakeConfig } from '../config.js';
import { chatInbound } from './chat/chat-message.js';
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

  @Post('email')
  async email(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const mail = await parseEmail(rawBody(body, 'message/rfc822'));
    return respond(res, await this.ingest.execute(emailInbound(mail, correlationIdOf(req))));
  }

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

  @Post('chat')
  async chat(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.ingest.execute(chatInbound(body, correlationIdOf(req))));
  }

  @Post('forum')
  async forum(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.ingest.execute(forumInbound(body, correlationIdOf(req))));
  }

  /** The forum webhook's contract as JSON Schema, generated from the zod schema intake validates with. */
  @Get('forum/schema')
  forumSchema() {
    return z.toJSONSchema(forumPostSchema);
  }
}
