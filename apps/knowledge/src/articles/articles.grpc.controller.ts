import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { SearchArticlesQuery } from './search-articles/search-articles.query.js';
import { SearchArticlesUseCase } from './search-articles/search-articles.usecase.js';

@Controller()
export class ArticlesGrpcController {
  constructor(private readonly search: SearchArticlesUseCase) {}

  @GrpcMethod('KnowledgeService', 'SearchArticles')
  searchArticles(req: { query: string; limit: number; component: string }) {
    return grpcCall(async () => {
      const query = SearchArticlesQuery.create({
        q: req.query,
        limit: req.limit || undefined,
        component: req.component || undefined,
      });
      return { hits: (await this.search.execute(query)).hits };
    });
  }
}
