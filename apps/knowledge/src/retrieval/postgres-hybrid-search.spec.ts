import { hybridSearchSql } from './postgres-hybrid-search.js';

describe('hybridSearchSql', () => {
  it('ranks with the weighted lexemes and the GIN-indexed tsvector of the schema it is given', () => {
    const sql = hybridSearchSql('knowledge_x');
    expect(sql).toContain(`to_tsvector('english', $1)`);
    expect(sql).toContain(`"knowledge_x".article_terms`);
    expect(sql).toContain(`a.search @@ websearch_to_tsquery('english', $17)`);
  });
});
