import { readFileSync } from 'node:fs';

/** One inquiry with the labels a person gave it; a field missing from `labels` is not scored. */
export interface LabelledInquiry {
  id: string;
  subject: string;
  body: string;
  labels: Record<string, string>;
  /** what `--group-by` names (a repository, a channel), for per-group scores */
  group?: string;
}

export interface CsvOptions {
  /** columns that make up the text: the first is the subject, the rest join into the body */
  textFields: string[];
  /** the column whose value is scored as `category` */
  labelField: string;
  /** label renames, e.g. `{ question: 'technical' }` */
  labelMap?: Record<string, string>;
  groupBy?: string;
}

/** `user_type` in the files is `userType` in the model, as everywhere else in the service. */
function camelCase(key: string): string {
  return key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** The evaluation format of the triage taxonomy: one JSON object per line. */
export function parseJsonl(text: string, groupBy?: string): LabelledInquiry[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), lineNumber: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, lineNumber }) => {
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`line ${lineNumber}: not JSON (${(error as Error).message})`);
      }
      const labels = Object.fromEntries(
        Object.entries((row.labels ?? {}) as Record<string, unknown>)
          .filter(([, v]) => typeof v === 'string' && v.length > 0)
          .map(([k, v]) => [camelCase(k), v as string]),
      );
      return {
        id: String(row.id ?? lineNumber),
        subject: String(row.subject ?? ''),
        body: String(row.body ?? ''),
        labels,
        group: groupBy === undefined ? undefined : String(row[groupBy] ?? ''),
      };
    });
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

export function csvExamples(text: string, options: CsvOptions): LabelledInquiry[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`CSV has no column "${name}" (columns: ${header.join(', ')})`);
    return at;
  };
  const textColumns = options.textFields.map(column);
  const labelColumn = column(options.labelField);
  const groupColumn = options.groupBy === undefined ? undefined : column(options.groupBy);
  return rows.map((row, i): LabelledInquiry => {
    const texts = textColumns.map((c) => row[c] ?? '');
    const raw = row[labelColumn] ?? '';
    const label = options.labelMap?.[raw] ?? raw;
    return {
      id: String(i + 1),
      subject: texts.length > 1 ? texts[0] : '',
      body: (texts.length > 1 ? texts.slice(1) : texts).join('\n\n'),
      labels: label ? { category: label } : ({} as Record<string, string>),
      group: groupColumn === undefined ? undefined : (row[groupColumn] ?? ''),
    };
  });
}

/** `question=technical,enhancement=feature` → `{ question: 'technical', enhancement: 'feature' }` */
export function parseLabelMap(spec: string): Record<string, string> {
  return Object.fromEntries(
    spec
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const [from, to] = pair.split('=').map((s) => s.trim());
        if (!from || !to) throw new Error(`label map entry "${pair}" is not from=to`);
        return [from, to];
      }),
  );
}

export type DatasetFormat = 'jsonl' | 'csv';

export interface ReadOptions extends Partial<CsvOptions> {
  format?: DatasetFormat;
}

export function formatOf(file: string, format?: DatasetFormat): DatasetFormat {
  return format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
}

export function readDataset(file: string, options: ReadOptions = {}): LabelledInquiry[] {
  const text = readFileSync(file, 'utf8');
  if (formatOf(file, options.format) === 'jsonl') return parseJsonl(text, options.groupBy);
  return csvExamples(text, {
    textFields: options.textFields ?? ['title', 'body'],
    labelField: options.labelField ?? 'label',
    labelMap: options.labelMap,
    groupBy: options.groupBy,
  });
}
