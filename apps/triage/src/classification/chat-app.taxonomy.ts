import { DEFAULT_TAXONOMY_FILE, readTaxonomy, type Taxonomy } from './taxonomy.js';

/** The default product's labels (shipped as data/taxonomy/chat-app.json), following the shared triage-taxonomy rules. */
export const chatAppTaxonomy: Taxonomy = readTaxonomy(DEFAULT_TAXONOMY_FILE);
