/** The kinds of secret or personal data removed from everything intake stores. */
export type RedactionKind =
  | 'private_key'
  | 'bearer_token'
  | 'openai_key'
  | 'github_token'
  | 'slack_token'
  | 'aws_access_key'
  | 'aws_secret_key'
  | 'jwt'
  | 'password'
  | 'email'
  | 'home_path';

export type RedactionCounts = Partial<Record<RedactionKind, number>>;

export interface RedactionResult {
  text: string;
  counts: RedactionCounts;
}

interface Rule {
  kind: RedactionKind;
  pattern: RegExp;
  /** Builds the replacement from the match groups, keeping the non-secret context (key name, user-less path). */
  replace: (match: string, ...groups: string[]) => string;
}

const mark = (kind: RedactionKind) => `[REDACTED:${kind}]`;

/**
 * Order matters: specific token shapes run before the generic key=value password rule, so a
 * `token=ghp_…` is counted as a GitHub token, not as a password.
 */
const RULES: Rule[] = [
  {
    kind: 'private_key',
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
    replace: () => mark('private_key'),
  },
  {
    kind: 'bearer_token',
    pattern: /\b(Bearer|Token)\s+([A-Za-z0-9\-._~+/]{12,}=*)/g,
    replace: (_m, scheme) => `${scheme} ${mark('bearer_token')}`,
  },
  { kind: 'openai_key', pattern: /\bsk-(?:[A-Za-z0-9_-]+-)?[A-Za-z0-9_-]{16,}/g, replace: () => mark('openai_key') },
  {
    kind: 'github_token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
    replace: () => mark('github_token'),
  },
  { kind: 'slack_token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: () => mark('slack_token') },
  { kind: 'aws_access_key', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: () => mark('aws_access_key') },
  {
    kind: 'aws_secret_key',
    pattern: /\b(aws_secret_access_key|aws_secret_key|AWS_SECRET_ACCESS_KEY)(\s*[=:]\s*)["']?[A-Za-z0-9/+=]{40}["']?/g,
    replace: (_m, key, sep) => `${key}${sep}${mark('aws_secret_key')}`,
  },
  {
    kind: 'jwt',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    replace: () => mark('jwt'),
  },
  {
    kind: 'password',
    // key=value, key: value and "key": "value" for password-like and secret-like key names
    pattern:
      /(["']?\b[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token)["']?)(\s*[=:]\s*)(?!["']?\[REDACTED)("[^"\n]*"|'[^'\n]*'|[^\s,;&"'}]+)/gi,
    replace: (_m, key, sep, value) => {
      const quote = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : '';
      return `${key}${sep}${quote}${mark('password')}${quote}`;
    },
  },
  {
    kind: 'email',
    pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g,
    replace: () => mark('email'),
  },
  {
    kind: 'home_path',
    pattern: /(\/home\/|\/Users\/|[A-Za-z]:\\{1,2}Users\\{1,2})([^/\\\s"'<>:]+)/g,
    replace: (_m, prefix) => `${prefix}<user>`,
  },
];

/**
 * Removes secrets and personal data from text before anything is stored or emitted, and says
 * what it removed. Pure and deterministic: the same input always yields the same output.
 */
export class Redactor {
  redact(input: string): RedactionResult {
    const counts: RedactionCounts = {};
    let text = input;
    for (const rule of RULES) {
      text = text.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
        const groups = rest.filter((g): g is string => typeof g === 'string');
        const replacement = rule.replace(match, ...groups);
        if (replacement !== match) counts[rule.kind] = (counts[rule.kind] ?? 0) + 1;
        return replacement;
      });
    }
    return { text, counts };
  }

  /** Redacts every string inside a JSON value (keys are kept, they name fields, not data). */
  redactValue<T>(value: T): { value: T; counts: RedactionCounts } {
    const counts: RedactionCounts = {};
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') {
        const r = this.redact(v);
        addCounts(counts, r.counts);
        return r.text;
      }
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return { value: walk(value) as T, counts };
  }
}

export function addCounts(into: RedactionCounts, more: RedactionCounts): RedactionCounts {
  for (const [kind, n] of Object.entries(more) as [RedactionKind, number][]) into[kind] = (into[kind] ?? 0) + n;
  return into;
}

export const totalRedactions = (counts: RedactionCounts): number => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
