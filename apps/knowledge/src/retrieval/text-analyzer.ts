import { stem } from './light-stemmer.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';

export interface AnalyzerOptions {
  stopWords?: ReadonlySet<string>;
  stemming?: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const CAMEL_BOUNDARY = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;

/**
 * Lower-cased words. A camelCase identifier (ModuleNotFoundError) also yields its parts, because
 * people describe the error in words as often as they paste it.
 */
export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'");
  const words: string[] = [];
  for (const match of normalized.matchAll(WORD)) {
    const raw = match[0];
    const parts = raw.split(CAMEL_BOUNDARY);
    if (parts.length > 1) for (const p of parts) words.push(p.toLowerCase());
    words.push(raw.toLowerCase());
  }
  return words;
}

/** Index terms: tokens without stop words or one-letter noise, stemmed. */
export function analyze(text: string, options: AnalyzerOptions = {}): string[] {
  const stopWords = options.stopWords ?? ENGLISH_STOP_WORDS;
  const stemming = options.stemming ?? true;
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (stopWords.has(token)) continue;
    const word = token.replace(/'s$/, '').replace(/'/g, '');
    if (word.length < 2 || stopWords.has(word)) continue;
    terms.push(stemming ? stem(word) : word);
  }
  return terms;
}
