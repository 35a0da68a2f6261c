import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { notFound, parseInput, RequiresScope, ApiRoute } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { ArticleRepository } from '../articles/article.repository.js';
import { ArticleStatsRepository } from './article-stats.repository.js';

const feedbackSchema = z.object({ helpful: z.boolean(), ticketId: z.uuid().optional() }).strict();

@Controller('v1/articles')
export class OutcomesHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stats: ArticleStatsRepository,
    private readonly articles: ArticleRepository,
  ) {}

  /** "Was this helpful?" on an article; feeds success-aware ranking. */
  @RequiresScope('submit')
  @ApiRoute({
    summary: 'Was this article helpful?',
    body: feedbackSchema,
    responses: { 202: 'recorded', 404: 'no such article' },
  })
  @Post(':id/feedback')
  @HttpCode(202)
  async feedback(@Param('id') id: string, @Body() body: unknown) {
    const { helpful } = parseInput(feedbackSchema, body);
    const [article] = await this.articles.findById(id);
    if (!article) throw notFound('KNOWLEDGE.ARTICLE_NOT_FOUND', `article ${id} does not exist`);
    await this.dataSource.transaction((m) => this.stats.count(m, [id], helpful ? 'helpful' : 'not_helpful'));
    return { articleId: id, recorded: helpful ? 'helpful' : 'not_helpful' };
  }

  @ApiRoute({ summary: 'Article success rates', responses: { 200: 'the rates' } })
  @Get('stats/success')
  success() {
    return this.stats.all();
  }
}
