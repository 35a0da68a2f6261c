import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall, RequiresScope } from '@switchboard/service-kit';
import { GuidedSessionUseCase, type SessionView } from './guided-session.usecase.js';
import { RecordCheckpointCommand, StartSessionCommand } from './self-service.commands.js';

const toMessage = (v: SessionView) => ({
  sessionId: v.sessionId,
  ticketId: v.ticketId,
  articleId: v.articleId,
  state: v.state,
  totalSteps: v.totalSteps,
  stepNumber: v.step?.number ?? 0,
  stepText: v.step?.text ?? '',
});

@RequiresScope('submit')
@Controller()
export class SelfServiceGrpcController {
  constructor(private readonly sessions: GuidedSessionUseCase) {}

  @GrpcMethod('KnowledgeService', 'StartSelfService')
  start(req: { ticketId: string; articleId: string }) {
    return grpcCall(async () => toMessage(await this.sessions.start(StartSessionCommand.create(req, randomUUID()))));
  }

  @GrpcMethod('KnowledgeService', 'RecordCheckpoint')
  checkpoint(req: { sessionId: string; worked: boolean; note: string }) {
    return grpcCall(async () =>
      toMessage(
        await this.sessions.checkpoint(
          RecordCheckpointCommand.create(req.sessionId, { worked: req.worked, note: req.note || undefined }),
        ),
      ),
    );
  }
}
