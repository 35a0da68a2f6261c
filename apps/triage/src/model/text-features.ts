/**
 * Turns an inquiry (subject + body) into named features. Feature names carry their group as a
 * prefix so the vectorizer can weight and normalise each group on its own:
 *   `w:` body word unigrams and bigrams, `t:` subject words and bigrams, `c:` character n-grams,
 *   `g:` the word features again under the inquiry's source (`g:facebook/react w:crash`).
 */
export interface FeatureOptions {
  /** character n-gram lengths, inclusive; taken inside word boundaries (padded with spaces) */
  charMin: number;
  charMax: number;
  /** word n-grams up to this length (1 or 2) */
  wordNgrams: number;
  /** the body is cut after this many characters (after cleaning) so one pasted log cannot dominate */
  maxBodyChars: number;
  /** subject characters also feed the character n-grams */
  subjectChars: boolean;
  /**
   * HTML comments are issue-template instructions. Kept by default: they say which template the
   * reporter picked (bug report, feature request), which cross-validation showed to be worth keeping.
   */
  stripComments: boolean;
  /** `?` is a word: questions ask */
  questionMarks: boolean;
  /** keep the text inside fenced code blocks (identifiers, log lines) rather than only a marker */
  codeContent: boolean;
  /** the subject's first word again as `t:^word` ("how ...", "add ...", "crash ...") */
  subjectStart: boolean;
  /**
   * When the inquiry names its source (a repository, a channel), every word feature is repeated as
   * `g:source w:word` as well (feature augmentation, Daumé 2007): the model learns what a word
   * means everywhere and, on top, what it means in that source ("### Describe the bug" in one
   * project's template, a question label in another's). Inquiries without a source get none.
   */
  groupWords: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  charMin: 2,
  charMax: 5,
  wordNgrams: 2,
  maxBodyChars: 20000,
  subjectChars: true,
  stripComments: false,
  questionMarks: true,
  codeContent: true,
  subjectStart: true,
  groupWords: true,
};

export type FeatureGroup = 'w' | 't' | 'c' | 'g';
export const FEATURE_GROUPS: FeatureGroup[] = ['w', 't', 'c', 'g'];

// Placeholders are plain words so they survive tokenisation and read well as signals.
const REPLY_HEADER = /^\s*on\b[^\n]{0,200}\bwrote:\s*$/im;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*original message\s*-{2,}\s*$/im;
const SIGNATURE = /^-- ?$/m;
const HTML_COMMENT = /<!--[\s\S]*?(-->|$)/g;
const FENCE = /```[^\n]*\n([\s\S]*?)(```|$)/g;
const PY_TRACEBACK = /traceback \(most recent call last\)/gi;
const PY_FRAME = /^\s*file "[^"\n]*", line \d+.*$/gim;
const STACK_FRAME = /^\s*at [^\n]*[(:][^\n]*\d+[)]?\s*$/gim;
const URL = /\bhttps?:\/\/\S+/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g;
const HEX = /\b(0x)?(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/gi;
const VERSION = /\bv?\d+(\.\d+){1,3}\b/g;
const NUMBER = /\b\d+\b/g;
const NO_RESPONSE = /_no response_/gi;
const WORD = /[a-z_][a-z0-9_]*|\d+/g;
const WORD_OR_QUESTION = /[a-z_][a-z0-9_]*|\d+|\?/g;

/** Removes what the sender did not write for this inquiry: quoted replies, signatures, template comments. */
export function stripQuotedAndSignature(text: string, stripComments = true): string {
  let t = text.replace(/\r\n?/g, '\n');
  if (stripComments) t = t.replace(HTML_COMMENT, ' ');
  for (const marker of [REPLY_HEADER, ORIGINAL_MESSAGE, SIGNATURE]) {
    const m = marker.exec(t);
    if (m) t = t.slice(0, m.index);
  }
  return t
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n')
    .replace(NO_RESPONSE, ' ');
}

/**
 * Lower-cased text in which code, stack frames, URLs and identifiers that never repeat across
 * inquiries (hashes, exact versions, numbers) become placeholder words that do repeat.
 */
export function normaliseText(text: string, stripComments = true, codeContent = true): string {
  return stripQuotedAndSignature(text, stripComments)
    .replace(FENCE, (_m, code: string) => (codeContent ? ` codeblock ${code} ` : ' codeblock '))
    .replace(PY_TRACEBACK, ' pytraceback ')
    .replace(PY_FRAME, ' pyframe ')
    .replace(STACK_FRAME, ' stackframe ')
    .replace(URL, ' urllink ')
    .replace(EMAIL, ' emailaddress ')
    .replace(HEX, ' hexnumber ')
    .replace(VERSION, ' versionnumber ')
    .toLowerCase()
    .replace(NUMBER, ' 0 ');
}

export function words(normalised: string, questionMarks = false): string[] {
  return normalised.match(questionMarks ? WORD_OR_QUESTION : WORD) ?? [];
}

function addWordNgrams(out: Map<string, number>, prefix: string, tokens: string[], maxN: number): void {
  for (let i = 0; i < tokens.length; i++) {
    bump(out, `${prefix}${tokens[i]}`);
    if (maxN >= 2 && i + 1 < tokens.length) bump(out, `${prefix}${tokens[i]} ${tokens[i + 1]}`);
  }
}

function addCharNgrams(out: Map<string, number>, tokens: string[], min: number, max: number): void {
  for (const token of tokens) {
    if (token === '?') continue;
    const padded = ` ${token} `;
    for (let n = min; n <= max; n++) {
      if (n > padded.length) break;
      for (let i = 0; i + n <= padded.length; i++) bump(out, `c:${padded.slice(i, i + n)}`);
    }
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Raw feature counts of one inquiry; `group` is where it came from, when the input says so. */
export function extractFeatures(subject: string, body: string, options: FeatureOptions, group?: string): Map<string, number> {
  const counts = new Map<string, number>();
  const subjectWords = words(normaliseText(subject, options.stripComments), options.questionMarks);
  const text = normaliseText(body, options.stripComments, options.codeContent);
  const bodyWords = words(text.slice(0, options.maxBodyChars), options.questionMarks);
  addWordNgrams(counts, 't:', subjectWords, options.wordNgrams);
  if (options.subjectStart && subjectWords.length > 0) bump(counts, `t:^${subjectWords[0]}`);
  addWordNgrams(counts, 'w:', bodyWords, options.wordNgrams);
  const charWords = options.subjectChars ? [...subjectWords, ...bodyWords] : bodyWords;
  addCharNgrams(counts, charWords, options.charMin, options.charMax);
  if (options.groupWords && group) {
    const source = group.toLowerCase().replace(/\s+/g, '_');
    for (const [feature, count] of [...counts]) if (feature[0] !== 'c') counts.set(`g:${source} ${feature}`, count);
  }
  return counts;
}

// Only for explaining: function words can tip a decision but tell a person nothing.
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if so of to in on at by for with from as is are was were be been being it its this that ' +
    'these those i me my we our you your he she they them their there here not no do does did done have has had ' +
    'can could would should will just also than then too very please hi hello thanks thank 0 ?'
  ).split(' '),
);

/** True when a word or subject feature is made of function words only ("was", "in the"). */
export function isFunctionWordFeature(feature: string): boolean {
  const plain = ungrouped(feature);
  return (
    featureGroup(plain) !== 'c' &&
    plain
      .slice(2)
      .replace(/^\^/, '')
      .split(' ')
      .every((w) => FUNCTION_WORDS.has(w))
  );
}

export function featureGroup(feature: string): FeatureGroup {
  return feature[0] as FeatureGroup;
}

/** `g:source w:word` → `w:word`: a source-specific feature reads as the word it repeats. */
function ungrouped(feature: string): string {
  return feature.startsWith('g:') ? feature.slice(feature.indexOf(' ') + 1) : feature;
}

/** A feature name as a person reads it in a rationale: `subject: "crash"`, `"api key"`. */
export function describeFeature(feature: string): string {
  const plain = ungrouped(feature);
  const text = plain.slice(2);
  if (plain.startsWith('t:')) return `subject: "${text}"`;
  if (plain.startsWith('c:')) return `"…${text.trim()}…"`;
  return `"${text}"`;
}
