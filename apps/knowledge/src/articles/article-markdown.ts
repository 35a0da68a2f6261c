import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,120}$/),
  title: z.string().min(1),
  component: z.string().min(1),
  product: z.string().min(1),
  // YAML reads a bare tag like 429 as a number; tags are always text.
  tags: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
});

export type ArticleDraft = z.infer<typeof frontMatterSchema> & { body: string };

/** Reads one article file: YAML front matter between `---` lines, then the Markdown body. */
export function parseArticleMarkdown(text: string): ArticleDraft {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('article has no front matter');
  const meta = frontMatterSchema.parse(parseYaml(match[1]));
  return { ...meta, body: match[2].trim() };
}
