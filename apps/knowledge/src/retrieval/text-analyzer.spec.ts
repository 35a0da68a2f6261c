import { analyze, tokenize } from './text-analyzer.js';

describe('tokenize', () => {
  it('splits identifiers and keeps camelCase words whole as well as in parts', () => {
    expect(tokenize('ModuleNotFoundError in mcp_settings.json')).toEqual([
      'module',
      'not',
      'found',
      'error',
      'modulenotfounderror',
      'in',
      'mcp',
      'settings',
      'json',
    ]);
  });

  it('treats typographic apostrophes like plain ones', () => {
    expect(tokenize('don\u2019t')).toEqual(["don't"]);
  });
});

describe('analyze', () => {
  it('drops stop words and one-letter noise, stems the rest', () => {
    expect(analyze("How do I delete my account's photos?")).toEqual(['delet', 'account', 'photo']);
  });

  it('can keep stop words and skip stemming', () => {
    expect(analyze('the files', { stopWords: new Set(), stemming: false })).toEqual(['the', 'files']);
  });
});
