import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { ChannelsHttpController } from './channels.http.controller.js';
import { CloseGithubIssueUseCase } from './github/close-github-issue.usecase.js';
import { IngestMessageUseCase } from './ingest/ingest-message.usecase.js';

@Module({
  imports: [TicketsModule],
  controllers: [ChannelsHttpController],
  providers: [IngestMessageUseCase, CloseGithubIssueUseCase],
  exports: [IngestMessageUseCase],
})
export class ChannelsModule {}
