/** One article as the retrieval core sees it; where it is stored is somebody else's concern. */
export interface KnowledgeDocument {
  id: string;
  title: string;
  body: string;
  tags?: readonly string[];
}
