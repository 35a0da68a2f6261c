import { type RedactionCounts, Redactor, addCounts } from '../redaction/redactor.js';
import type { ExtractedFile } from './bundle-extractor.js';

export interface RedactedFile {
  path: string;
  size: number;
  content: string | null;
  /** Why the content is not kept (binary data is kept as name and size only). */
  skipped: 'binary' | null;
  redactions: RedactionCounts;
}

/** Redacts every text file of a bundle; binary files keep name and size only, their bytes are dropped. */
export function redactBundle(
  files: ExtractedFile[],
  redactor = new Redactor(),
): { files: RedactedFile[]; totals: RedactionCounts } {
  const totals: RedactionCounts = {};
  const redacted = files.map((file): RedactedFile => {
    if (file.text === null) return { path: file.path, size: file.size, content: null, skipped: 'binary', redactions: {} };
    const { text, counts } = redactor.redact(file.text);
    addCounts(totals, counts);
    return { path: file.path, size: file.size, content: text, skipped: null, redactions: counts };
  });
  return { files: redacted, totals };
}
