import { hybridSearchSql, requiredClauses } from './postgres-hybrid-search.js';

describe('requiredClauses', () => {
  it('keeps quoted phrases and -exclusions, and nothing else', () => {
    expect(requiredClauses('my "reasoning effort" setting is ignored -ollama')).toBe('"reasoning effort" -ollama');
    expect(requiredClauses('why does the pre-commit hook fail')).toBeNull();
    expect(requiredClauses('plain words only')).toBeNull();
  });
});

describe('hybridSearchSql', () => {
  it('ranks with the weighted lexemes and the GIN-indexed tsvector of the schema it is given', () => {
    const sql = hybridSearchSql('knowledge_x');
    expect(sql).toContain(`to_tsvector('english', $1)`);
    expect(sql).toContain(`"knowledge_x".article_terms`);
    expect(sql).toContain(`a.search @@ websearch_to_tsquery('english', $17)`);
  });
});
