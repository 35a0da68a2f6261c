import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@switchboard/messaging';
import { ServiceKitModule } from '@switchboard/service-kit';
import { ArticlesModule } from './articles/articles.module.js';
import type { KnowledgeConfig } from './config.js';
import { KNOWLEDGE_MIGRATIONS } from './migrations/index.js';

@Module({})
export class AppModule {
  static register(config: KnowledgeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({ config, entities: [], migrations: KNOWLEDGE_MIGRATIONS }),
        MessagingModule.forService(),
        ArticlesModule,
      ],
    };
  }
}
