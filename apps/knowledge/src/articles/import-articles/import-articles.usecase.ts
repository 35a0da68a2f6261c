import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseArticleMarkdown } from '../article-markdown.js';
import { ArticleRepository } from '../article.repository.js';

/** The Chat App articles shipped with the project (copied beside the build output too). */
export const SHIPPED_ARTICLES_DIR = fileURLToPath(new URL('../../../content/articles/', import.meta.url));

@Injectable()
export class ImportArticlesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
  ) {}

  /** Imports every Markdown article of a folder in one transaction: all of them or none. */
  async fromDirectory(dir: string = SHIPPED_ARTICLES_DIR): Promise<number> {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
    const drafts = await Promise.all(
      files.map(async (f) => {
        try {
          return parseArticleMarkdown(await readFile(join(dir, f), 'utf8'));
        } catch (error) {
          throw new Error(`${f}: ${(error as Error).message}`);
        }
      }),
    );
    await this.dataSource.transaction(async (manager) => {
      for (const draft of drafts) await this.articles.upsert(manager, draft);
    });
    return drafts.length;
  }
}
