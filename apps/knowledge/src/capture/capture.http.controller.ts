import { Controller, Get, Query } from '@nestjs/common';
import { parseInput, ApiRoute } from '@switchboard/service-kit';
import { z } from 'zod';
import { ContentGapsUseCase } from './content-gaps.usecase.js';

@Controller('v1/knowledge')
export class CaptureHttpController {
  constructor(private readonly gaps: ContentGapsUseCase) {}

  @ApiRoute({ summary: 'Questions the knowledge base does not answer well (query: limit)', responses: { 200: 'the gaps' } })
  @Get('content-gaps')
  contentGaps(@Query() query: Record<string, unknown>) {
    const { limit } = parseInput(
      z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      query,
      'KNOWLEDGE.INVALID_QUERY',
    );
    return this.gaps.execute(limit);
  }
}
