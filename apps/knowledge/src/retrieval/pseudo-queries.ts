import type { KnowledgeDocument } from './knowledge-document.js';
import type { LabelledQuery } from './labelled-query.js';
import { seededRandom } from './seeded-random.js';

/**
 * Validation data made from the corpus alone, so hyper-parameters never see a real question: each
 * title becomes a query and its article loses the title, leaving only the body to find it by.
 */
export function titlesAsQueries(documents: readonly KnowledgeDocument[]): {
  documents: KnowledgeDocument[];
  queries: LabelledQuery[];
} {
  return {
    documents: documents.map((d) => ({ ...d, title: '' })),
    queries: documents.map((d) => ({ id: `title-${d.id}`, query: d.title, relevant: [d.id] })),
  };
}

/** Seeded typos (swap, drop, double or replace a letter) in about `rate` of the longer words. */
export function withTypos(text: string, random: () => number, rate = 1 / 3): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      if (word.length < 4 || random() >= rate) return word;
      const i = 1 + Math.floor(random() * (word.length - 2));
      switch (Math.floor(random() * 4)) {
        case 0:
          return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
        case 1:
          return word.slice(0, i) + word.slice(i + 1);
        case 2:
          return word.slice(0, i) + word[i] + word.slice(i);
        default:
          return word.slice(0, i) + String.fromCharCode(97 + Math.floor(random() * 26)) + word.slice(i + 1);
      }
    })
    .join('');
}

export function queriesWithTypos(queries: readonly LabelledQuery[], seed = 7): LabelledQuery[] {
  const random = seededRandom(seed);
  return queries.map((q) => ({ ...q, query: withTypos(q.query, random) }));
}

/** The article a copy made by `scaledCorpus` came from. */
export function originalId(id: string): string {
  const copy = id.lastIndexOf('~');
  return copy < 0 ? id : id.slice(0, copy);
}

/**
 * A corpus blown up to `size` articles for load tests: copies of the originals with typos and a
 * shuffled paragraph order, so the vocabulary and postings grow the way a real corpus's would.
 */
export function scaledCorpus(documents: readonly KnowledgeDocument[], size: number, seed = 11): KnowledgeDocument[] {
  const random = seededRandom(seed);
  const out: KnowledgeDocument[] = [...documents];
  for (let copy = 1; out.length < size; copy++) {
    for (const d of documents) {
      if (out.length >= size) break;
      const paragraphs = d.body.split(/\n{2,}/);
      for (let i = paragraphs.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]];
      }
      out.push({
        id: `${d.id}~${copy}`,
        title: withTypos(d.title, random, 0.2),
        body: withTypos(paragraphs.join('\n\n'), random, 0.1),
        tags: d.tags,
      });
    }
  }
  return out;
}
