import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ClassifyTextCommand } from './classify-inquiry/classify-text.command.js';
import { GetTriageUseCase } from './get-triage/get-triage.usecase.js';
import { guidanceFor } from './triage-guidance.js';
import { TRIAGE_CLASSIFIER, type TriageRunnable } from './llm/triage-classifier.js';
import { RequiresScope, ApiRoute } from '@switchboard/service-kit';
import { schema as classifyTextSchema } from './classify-inquiry/classify-text.command.js';

@Controller('v1/triage')
export class ClassificationHttpController {
  constructor(
    @Inject(TRIAGE_CLASSIFIER) private readonly classifier: TriageRunnable,
    private readonly getTriage: GetTriageUseCase,
  ) {}

  @RequiresScope('read')
  @ApiRoute({
    summary: 'Classify a text on demand (nothing is stored)',
    body: classifyTextSchema,
    responses: { 200: 'the six fields with confidences and guidance' },
  })
  @Post('classify')
  @HttpCode(200)
  async classify(@Body() body: unknown) {
    const command = ClassifyTextCommand.create(body);
    const result = await this.classifier.invoke({ subject: command.subject, body: command.body });
    return {
      ...result,
      guidance: guidanceFor({
        urgency: result.urgency.label,
        category: result.category.label,
        complexity: result.complexity.label,
        component: result.component.label,
      }),
    };
  }

  @ApiRoute({ summary: 'The stored triage of a ticket', responses: { 200: 'the triage', 404: 'not triaged (yet)' } })
  @Get(':ticketId')
  triage(@Param('ticketId') ticketId: string) {
    return this.getTriage.execute(ticketId);
  }
}
