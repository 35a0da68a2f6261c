import { AppError, parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { type ArticleDraft, parseArticleMarkdown } from '../article-markdown.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,120}$/, 'lowercase letters, digits and -');
const fields = {
  title: z.string().trim().min(1).max(300),
  body: z.string().min(1).max(200_000),
  component: z.string().min(1).max(64),
  product: z.string().min(1).max(64),
  tags: z.array(z.string().min(1).max(64)).max(50),
  status: z.enum(['draft', 'published', 'archived']),
};

export const createSchema = z
  .object({
    id: id.optional(),
    ...fields,
    product: fields.product.default('chat-app'),
    tags: fields.tags.default([]),
    status: fields.status.default('draft'),
  })
  .strict();
export const updateSchema = z.object(fields).partial().strict();
export const importSchema = z
  .object({
    markdown: z.array(z.string()).max(5000).optional(),
    jsonl: z.string().max(50_000_000).optional(),
    status: fields.status.default('published'),
  })
  .strict()
  .refine((b) => (b.markdown ? 1 : 0) + (b.jsonl ? 1 : 0) === 1, 'send either markdown (a list of files) or jsonl');

export type ArticleInput = ArticleDraft & { status: 'draft' | 'published' | 'archived' };

const slug = (title: string) =>
  `kb-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)}`;

export function parseCreateArticle(input: unknown): ArticleInput {
  const a = parseInput(createSchema, input);
  return { ...a, id: a.id ?? slug(a.title) };
}

export const parseUpdateArticle = (input: unknown) => parseInput(updateSchema, input);

/** A bulk import: Markdown files with front matter, or JSONL lines {id, title, body, tags?, component?, product?}. */
export function parseImport(input: unknown): ArticleInput[] {
  const body = parseInput(importSchema, input);
  const drafts: ArticleDraft[] = [];
  const problem = (where: string, error: unknown) =>
    new AppError('KNOWLEDGE.IMPORT_INVALID', `${where}: ${(error as Error).message}`, 422, { where });
  body.markdown?.forEach((text, i) => {
    try {
      drafts.push(parseArticleMarkdown(text));
    } catch (error) {
      throw problem(`markdown[${i}]`, error);
    }
  });
  body.jsonl
    ?.split('\n')
    .map((line) => line.trim())
    .forEach((line, i) => {
      if (!line) return;
      try {
        const raw = JSON.parse(line);
        const a = parseInput(createSchema, { component: 'other', ...raw, status: body.status });
        drafts.push({ ...a, id: a.id ?? slug(a.title) });
      } catch (error) {
        throw problem(`jsonl line ${i + 1}`, error);
      }
    });
  return drafts.map((d) => ({ ...d, status: body.status }));
}
