import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { notFound, parseInput, ApiRoute } from '@switchboard/service-kit';
import { z } from 'zod';
import { ArticleRepository } from './article.repository.js';
import { parseCreateArticle, parseImport, parseUpdateArticle } from './manage-articles/article.commands.js';
import { ManageArticlesUseCase } from './manage-articles/manage-articles.usecase.js';
import { SearchArticlesQuery } from './search-articles/search-articles.query.js';
import { SearchArticlesUseCase } from './search-articles/search-articles.usecase.js';
import {
  createSchema as createArticleSchema,
  importSchema as importArticlesSchema,
  updateSchema as updateArticleSchema,
} from './manage-articles/article.commands.js';
import { schema as searchArticlesSchema } from './search-articles/search-articles.query.js';

@Controller('v1/articles')
export class ArticlesHttpController {
  constructor(
    private readonly search: SearchArticlesUseCase,
    private readonly articles: ArticleRepository,
    private readonly manage: ManageArticlesUseCase,
  ) {}

  @ApiRoute({
    summary: 'Create an article',
    body: createArticleSchema,
    responses: { 201: 'the article', 409: 'the id is taken' },
  })
  @Post()
  create(@Body() body: unknown) {
    return this.manage.create(parseCreateArticle(body));
  }

  @ApiRoute({
    summary: 'Import articles in bulk',
    body: importArticlesSchema,
    responses: { 200: 'what was created and updated' },
  })
  @Post('import')
  @HttpCode(200)
  import(@Body() body: unknown) {
    return this.manage.import(parseImport(body));
  }

  @ApiRoute({
    summary: 'Update an article (a new version)',
    body: updateArticleSchema,
    responses: { 200: 'the article', 404: 'no such article' },
  })
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.manage.update(id, parseUpdateArticle(body));
  }

  @ApiRoute({ summary: 'Archive an article', responses: { 200: 'archived', 404: 'no such article' } })
  @Delete(':id')
  archive(@Param('id') id: string) {
    return this.manage.update(id, { status: 'archived' });
  }

  @ApiRoute({ summary: 'Every version of an article', responses: { 200: 'the versions', 404: 'no such article' } })
  @Get(':id/versions')
  versions(@Param('id') id: string) {
    return this.manage.versions(id);
  }

  @ApiRoute({ summary: 'Articles (query: status)', responses: { 200: 'the articles' } })
  @Get()
  list(@Query() query: Record<string, unknown>) {
    const { status } = parseInput(
      z.object({ status: z.enum(['published', 'draft', 'archived']).default('published') }),
      query,
      'KNOWLEDGE.INVALID_QUERY',
    );
    return this.articles.list(status);
  }

  @ApiRoute({ summary: 'Search articles', query: searchArticlesSchema, responses: { 200: 'ranked results' } })
  @Get('search')
  searchArticles(@Query() query: Record<string, unknown>) {
    return this.search.execute(SearchArticlesQuery.create(query));
  }

  @ApiRoute({ summary: 'One article', responses: { 200: 'the article', 404: 'no such article' } })
  @Get(':id')
  async article(@Param('id') id: string) {
    const [found] = await this.articles.findById(id);
    if (!found) throw notFound('KNOWLEDGE.ARTICLE_NOT_FOUND', `article ${id} does not exist`);
    return found;
  }
}
