import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { notFound, parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { ArticleRepository } from './article.repository.js';
import { parseCreateArticle, parseImport, parseUpdateArticle } from './manage-articles/article.commands.js';
import { ManageArticlesUseCase } from './manage-articles/manage-articles.usecase.js';
import { SearchArticlesQuery } from './search-articles/search-articles.query.js';
import { SearchArticlesUseCase } from './search-articles/search-articles.usecase.js';

@Controller('v1/articles')
export class ArticlesHttpController {
  constructor(
    private readonly search: SearchArticlesUseCase,
    private readonly articles: ArticleRepository,
    private readonly manage: ManageArticlesUseCase,
  ) {}

  @Post()
  create(@Body() body: unknown) {
    return this.manage.create(parseCreateArticle(body));
  }

  @Post('import')
  @HttpCode(200)
  import(@Body() body: unknown) {
    return this.manage.import(parseImport(body));
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.manage.update(id, parseUpdateArticle(body));
  }

  @Delete(':id')
  archive(@Param('id') id: string) {
    return this.manage.update(id, { status: 'archived' });
  }

  @Get(':id/versions')
  versions(@Param('id') id: string) {
    return this.manage.versions(id);
  }

  @Get()
  list(@Query() query: Record<string, unknown>) {
    const { status } = parseInput(
      z.object({ status: z.enum(['published', 'draft', 'archived']).default('published') }),
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
