import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall, RequiresScope } from '@switchboard/service-kit';
import { ClassifyTextCommand } from './classify-inquiry/classify-text.command.js';
import { GetTriageUseCase } from './get-triage/get-triage.usecase.js';
import { TRIAGE_CLASSIFIER, type TriageRunnable } from './llm/triage-classifier.js';

@Controller()
export class ClassificationGrpcController {
  constructor(
    @Inject(TRIAGE_CLASSIFIER) private readonly classifier: TriageRunnable,
    private readonly getTriage: GetTriageUseCase,
  ) {}

  @RequiresScope('read')
  @GrpcMethod('TriageService', 'Classify')
  classify(req: { subject: string; body: string }) {
    return grpcCall(async () => {
      const command = ClassifyTextCommand.create({ subject: req.subject, body: req.body });
      return this.classifier.invoke({ subject: command.subject, body: command.body });
    });
  }

  @GrpcMethod('TriageService', 'GetTriage')
  triage(req: { ticketId: string }) {
    return grpcCall(async () => {
      const found = await this.getTriage.execute(req.ticketId);
      return {
        ticketId: found.ticketId,
        ...found.fields,
        confidence: found.confidence,
        rationale: found.rationale,
        modelVersion: found.modelVersion,
      };
    });
  }
}
