/** An evaluation question: `relevant` lists the articles that answer it, main one first; empty means none does. */
export interface LabelledQuery {
  id: string;
  query: string;
  relevant: readonly string[];
}
