import type { KnowledgeDocument } from './knowledge-document.js';

/** What the semantic model embeds for an article. */
export function articleText(doc: KnowledgeDocument): string {
  return [doc.title, (doc.tags ?? []).join(' '), doc.body].join('\n');
}

/**
 * Training texts for the semantic model: each paragraph with its article's title and tags. Short
 * contexts give sharper co-occurrence than whole articles, and repeating the title makes the
 * words a question is asked in co-occur with the words of every paragraph that answers it.
 */
export function paragraphTexts(doc: KnowledgeDocument): string[] {
  const head = [doc.title, (doc.tags ?? []).join(' ')].join('\n');
  const paragraphs = doc.body.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
  return paragraphs.length > 0 ? paragraphs.map((p) => `${head}\n${p}`) : [head];
}
