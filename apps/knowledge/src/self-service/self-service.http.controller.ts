import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { correlationIdOf, RequiresScope } from '@switchboard/service-kit';
import type { Request } from 'express';
import { GuidedSessionUseCase } from './guided-session.usecase.js';
import { RecordCheckpointCommand, StartSessionCommand } from './self-service.commands.js';

@RequiresScope('submit')
@Controller('v1/self-service/sessions')
export class SelfServiceHttpController {
  constructor(private readonly sessions: GuidedSessionUseCase) {}

  @Post()
  start(@Body() body: unknown, @Req() req: Request) {
    return this.sessions.start(StartSessionCommand.create(body, correlationIdOf(req)));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.sessions.get(id);
  }

  @Post(':id/checkpoints')
  @HttpCode(200)
  checkpoint(@Param('id') id: string, @Body() body: unknown) {
    return this.sessions.checkpoint(RecordCheckpointCommand.create(id, body));
  }
}
