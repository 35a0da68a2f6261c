import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { correlationIdOf, RequiresScope, ApiRoute } from '@switchboard/service-kit';
import type { Request } from 'express';
import { GuidedSessionUseCase } from './guided-session.usecase.js';
import { RecordCheckpointCommand, StartSessionCommand } from './self-service.commands.js';
import { checkpointSchema, startSchema } from './self-service.commands.js';

@RequiresScope('submit')
@Controller('v1/self-service/sessions')
export class SelfServiceHttpController {
  constructor(private readonly sessions: GuidedSessionUseCase) {}

  @ApiRoute({
    summary: 'Start a guided self-service session',
    body: startSchema,
    responses: { 201: 'the session at its first step', 404: 'no such article' },
  })
  @Post()
  start(@Body() body: unknown, @Req() req: Request) {
    return this.sessions.start(StartSessionCommand.create(body, correlationIdOf(req)));
  }

  @ApiRoute({ summary: 'A self-service session', responses: { 200: 'the session', 404: 'no such session' } })
  @Get(':id')
  get(@Param('id') id: string) {
    return this.sessions.get(id);
  }

  @ApiRoute({
    summary: 'Did this step work?',
    body: checkpointSchema,
    responses: { 200: 'the session at its next step or outcome', 404: 'no such session' },
  })
  @Post(':id/checkpoints')
  @HttpCode(200)
  checkpoint(@Param('id') id: string, @Body() body: unknown) {
    return this.sessions.checkpoint(RecordCheckpointCommand.create(id, body));
  }
}
