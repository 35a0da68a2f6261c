import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ClassifyTextCommand } from './classify-inquiry/classify-text.command.js';
import { GetTriageUseCase } from './get-triage/get-triage.usecase.js';
import { RulesClassifier } from './rules-classifier.js';

@Controller('v1/triage')
export class ClassificationHttpController {
  constructor(
    private readonly classifier: RulesClassifier,
    private readonly getTriage: GetTriageUseCase,
  ) {}

  @Post('classify')
  @HttpCode(200)
  classify(@Body() body: unknown) {
    const command = ClassifyTextCommand.create(body);
    return this.classifier.classify({ subject: command.subject, body: command.body });
  }

  @Get(':ticketId')
  triage(@Param('ticketId') ticketId: string) {
    return this.getTriage.execute(ticketId);
  }
}
