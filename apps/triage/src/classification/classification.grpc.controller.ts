import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { ClassifyTextCommand } from './classify-inquiry/classify-text.command.js';
import { GetTriageUseCase } from './get-triage/get-triage.usecase.js';
import { RulesClassifier } from './rules-classifier.js';

@Controller()
export class ClassificationGrpcController {
  constructor(
    private readonly classifier: RulesClassifier,
    private readonly getTriage: GetTriageUseCase,
  ) {}

  @GrpcMethod('TriageService', 'Classify')
  classify(req: { subject: string; body: string }) {
    return grpcCall(async () => {
      const command = ClassifyTextCommand.create({ subject: req.subject, body: req.body });
      return this.classifier.classify({ subject: command.subject, body: command.body });
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
