import { Embeddings } from '@langchain/core/embeddings';
import { HybridRetriever } from './hybrid-retriever.js';

const articles = [
  {
    id: 'delete-account',
    title: 'Delete your account',
    body: 'To remove your account for good, open the privacy page and confirm.',
  },
  {
    id: 'reset-password',
    title: 'Reset a forgotten password',
    body: 'Use the sign-in page link to reset the password by email.',
  },
  { id: 'dark-theme', title: 'Switch to the dark theme', body: 'The appearance settings change the colour theme of every page.' },
  {
    id: 'export-data',
    title: 'Export your data',
    body: 'Download an archive of your messages and photos from the privacy page.',
  },
];

const calibration = { weights: [10, 0], intercept: -3 };

describe('HybridRetriever', () => {
  it('ranks the article that answers the question first, with scores in [0, 1] going down', async () => {
    const retriever = await HybridRetriever.build(articles, { calibration, noAnswerThreshold: 0.3 });
    const { hits, noGoodAnswer } = await retriever.search('how can I delete my account?', { limit: 3 });
    expect(hits.map((h) => h.id)[0]).toBe('delete-account');
    expect(noGoodAnswer).toBe(false);
    for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    expect(hits[0].score).toBeLessThanOrEqual(1);
  });

  it("reports each hit's lead over the next one and lets the calibration use it", async () => {
    const retriever = await HybridRetriever.build(articles, { calibration: { weights: [0, 20], intercept: -1 } });
    const { hits } = await retriever.search('reset my forgotten password', { limit: 2 });
    expect(hits[0].margin).toBeCloseTo(hits[0].fused - hits[1].fused, 12);
    expect(hits[0].margin).toBeGreaterThan(0.1);
    expect(hits[0].score).toBeGreaterThan(1 / (1 + Math.exp(1)) + 0.2);
  });

  it('says there is no good answer when nothing matches', async () => {
    const retriever = await HybridRetriever.build(articles, { calibration, noAnswerThreshold: 0.3 });
    const result = await retriever.search('what are your office hours for phone support');
    expect(result.noGoodAnswer).toBe(true);
  });

  it('lets an article prior decide a close call', async () => {
    const twins = [
      { id: 'one', title: 'Printer setup', body: 'Connect the printer.' },
      { id: 'two', title: 'Printer setup', body: 'Connect the printer.' },
    ];
    const retriever = await HybridRetriever.build(twins, { calibration });
    expect((await retriever.search('printer setup')).hits[0].id).toBe('one');
    const prior = (id: string) => (id === 'two' ? 1 : 0);
    expect((await retriever.search('printer setup', { prior })).hits[0].id).toBe('two');
  });

  it('accepts any LangChain embedding model for the semantic side', async () => {
    // An "oracle" model that knows privacy questions belong to the export article.
    class TopicEmbeddings extends Embeddings {
      constructor() {
        super({});
      }
      private vector(text: string): number[] {
        return /privacy|archive|download|copy of/i.test(text) ? [1, 0] : [0, 1];
      }
      async embedDocuments(texts: string[]): Promise<number[][]> {
        return texts.map((t) => this.vector(t.includes('archive') ? 'archive' : 'other'));
      }
      async embedQuery(text: string): Promise<number[]> {
        return this.vector(text);
      }
    }
    const retriever = await HybridRetriever.build(articles, { calibration, lexicalWeight: 0.2 }, new TopicEmbeddings());
    expect((await retriever.search('I want a copy of everything I posted')).hits[0].id).toBe('export-data');
  });
});
