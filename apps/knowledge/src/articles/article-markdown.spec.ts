import { parseArticleMarkdown } from './article-markdown.js';

describe('parseArticleMarkdown', () => {
  it('splits front matter from the body', () => {
    const a = parseArticleMarkdown(
      '---\nid: kb-x\ntitle: X\ncomponent: other\nproduct: chat-app\ntags: [a, b]\n---\n## Steps\n1. Do it\n',
    );
    expect(a).toEqual({
      id: 'kb-x',
      title: 'X',
      component: 'other',
      product: 'chat-app',
      tags: ['a', 'b'],
      body: '## Steps\n1. Do it',
    });
  });

  it('rejects a file without front matter', () => {
    expect(() => parseArticleMarkdown('# just text')).toThrow('front matter');
  });
});
