import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

export const schema = z.object({
  q: z.string().trim().min(1).max(2000),
  limit: z.coerce.number().int().min(1).max(50).default(5),
  component: z.string().min(1).max(64).optional(),
  product: z.string().min(1).max(64).optional(),
  /** websearch syntax ("a phrase", -word) every hit must match; the words of `q` stay optional. */
  match: z.string().trim().min(1).max(500).optional(),
  /** Comma-separated; every tag must be on the article. */
  tags: z
    .string()
    .max(500)
    .transform((t) =>
      t
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .optional(),
});

export class SearchArticlesQuery {
  private constructor(
    readonly text: string,
    readonly limit: number,
    readonly component: string | undefined,
    readonly product: string | undefined,
    readonly tags: string[] | undefined,
    readonly match: string | undefined,
  ) {}

  static create(input: unknown): SearchArticlesQuery {
    const p = parseInput(schema, input, 'KNOWLEDGE.INVALID_QUERY');
    return new SearchArticlesQuery(p.q, p.limit, p.component, p.product, p.tags, p.match);
  }
}
