import { Controller, Get, Param, Query } from '@nestjs/common';
import { notFound, parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { ArticleRepository } from './article.repository.js';
import { SearchArticlesQuery } from './search-articles/search-articles.query.js';
import { SearchArticlesUseCase } from './search-articles/search-articles.usecase.js';

@Controller('v1/articles')
export class ArticlesHttpController {
  constructor(
    private readonly search: SearchArticlesUseCase,
    private readonly articles: ArticleRepository,
  ) {}

  @Get()
  list(@Query() query: Record<string, unknown>) {
    const { status } = parseInput(
      z.object({ status: z.enum(['published', 'draft']).default('published') }),
      query,
      'KNOWLEDGE.INVALID_QUERY',
    );
    return this.articles.list(status);
  }

  @Get('search')
  searchArticles(@Query() query: Record<string, unknown>) {
    return this.search.execute(SearchArticlesQuery.create(query));
  }

  @Get(':id')
  async article(@Param('id') id: string) {
    const [found] = await this.articles.findById(id);
    if (!found) throw notFound('KNOWLEDGE.ARTICLE_NOT_FOUND', `article ${id} does not exist`);
    return found;
  }
}
