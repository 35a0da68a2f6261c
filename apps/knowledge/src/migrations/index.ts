import { Initial1764230400000 } from './1764230400000-initial.js';
import { SelfService1764316800000 } from './1764316800000-self-service.js';
import { Outcomes1764403200000 } from './1764403200000-outcomes.js';
import { ArticleVersions1764489600000 } from './1764489600000-article-versions.js';
import { SuggestionText1764576000000 } from './1764576000000-suggestion-text.js';
import { HybridSqlSearch1764662400000 } from './1764662400000-hybrid-sql-search.js';
import { TermDocumentFrequencies1764748800000 } from './1764748800000-term-document-frequencies.js';

/** In order; TypeORM records which have run. */
export const KNOWLEDGE_MIGRATIONS = [
  Initial1764230400000,
  SelfService1764316800000,
  Outcomes1764403200000,
  ArticleVersions1764489600000,
  SuggestionText1764576000000,
  HybridSqlSearch1764662400000,
  TermDocumentFrequencies1764748800000,
];
