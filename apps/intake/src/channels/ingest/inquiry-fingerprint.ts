/**
 * Normalised text of an inquiry for cross-channel duplicate detection: case, punctuation,
 * markdown, quoting, reply prefixes and redaction markers do not make two inquiries different.
 */
export function inquiryFingerprint(subject: string, body: string): string {
  const text = `${subject.replace(/^\s*((re|fwd?|aw|wg)\s*:\s*)+/i, '')}\n${body}`;
  return text
    .toLowerCase()
    .replace(/\[redacted:[a-z_]+\]/g, ' ')
    .replace(/```[a-z]*|[`*_#>~|]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 1)
    .join(' ');
}

/** Jaccard similarity of the two fingerprints' word sets (1 = same words). */
export function fingerprintSimilarity(a: string, b: string): number {
  const left = new Set(a.split(' ').filter(Boolean));
  const right = new Set(b.split(' ').filter(Boolean));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/** The earliest candidate at or above the threshold: the ticket the duplicate folds into. */
export function findDuplicate<T extends { fingerprint: string }>(
  fingerprint: string,
  candidates: T[],
  threshold: number,
): T | undefined {
  return candidates.find((c) => c.fingerprint !== '' && fingerprintSimilarity(fingerprint, c.fingerprint) >= threshold);
}
