import { csvExamples, parseCsv, parseJsonl, parseLabelMap } from './dataset.js';

describe('dataset', () => {
  it('parses CSV with quoted commas, doubled quotes and line breaks inside fields', () => {
    const rows = parseCsv('a,b,c\r\n1,"x, ""y""","line1\nline2"\n2,,last\n');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', 'line1\nline2'],
      ['2', '', 'last'],
    ]);
  });

  it('fails on an unterminated quote instead of swallowing the rest', () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(/quoted/);
  });

  it('builds inquiries from CSV columns, maps labels and keeps the group', () => {
    const csv = 'repo,label,title,body\no/r,question,How to?,"Body\ntext"\no/s,bug,Crash,boom\n';
    const examples = csvExamples(csv, {
      textFields: ['title', 'body'],
      labelField: 'label',
      labelMap: parseLabelMap('question=technical'),
      groupBy: 'repo',
    });
    expect(examples).toEqual([
      { id: '1', subject: 'How to?', body: 'Body\ntext', labels: { category: 'technical' }, group: 'o/r' },
      { id: '2', subject: 'Crash', body: 'boom', labels: { category: 'bug' }, group: 'o/s' },
    ]);
    expect(() => csvExamples(csv, { textFields: ['nope'], labelField: 'label' })).toThrow(/no column "nope"/);
  });

  it('reads the evaluation JSONL, naming user_type userType and skipping blank lines', () => {
    const jsonl = [
      JSON.stringify({ id: 'x1', channel: 'chat', subject: 's', body: 'b', labels: { user_type: 'new', urgency: 'low' } }),
      '',
      JSON.stringify({ id: 'x2', channel: 'email', subject: 't', body: 'c', labels: { category: 'bug' } }),
    ].join('\n');
    const [first, second] = parseJsonl(jsonl, 'channel');
    expect(first).toMatchObject({ id: 'x1', labels: { userType: 'new', urgency: 'low' }, group: 'chat' });
    expect(second.labels).toEqual({ category: 'bug' });
    expect(() => parseJsonl('{"id": 1}\n{oops')).toThrow(/line 2/);
  });

  it('rejects a label map entry without "="', () => {
    expect(parseLabelMap('a=b, c=d')).toEqual({ a: 'b', c: 'd' });
    expect(() => parseLabelMap('a')).toThrow(/from=to/);
  });
});
