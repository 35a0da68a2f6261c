import type { EmbeddingsInterface } from '@langchain/core/embeddings';

export interface EmbeddingsSettings {
  provider: 'local' | 'openai' | 'ollama';
  model: string | undefined;
  baseUrl: string | undefined;
  apiKey: string | undefined;
}

/**
 * `local` (the default) trains the embedding model on the articles themselves, offline; a hosted
 * provider is loaded only when configured and replaces the semantic half of the search.
 */
export async function createEmbeddings(settings: EmbeddingsSettings): Promise<EmbeddingsInterface | undefined> {
  switch (settings.provider) {
    case 'local':
      return undefined;
    case 'openai': {
      const { OpenAIEmbeddings } = await import('@langchain/openai');
      return new OpenAIEmbeddings({
        model: settings.model ?? 'text-embedding-3-small',
        apiKey: settings.apiKey,
        configuration: settings.baseUrl ? { baseURL: settings.baseUrl } : undefined,
      });
    }
    case 'ollama': {
      const { OllamaEmbeddings } = await import('@langchain/ollama');
      return new OllamaEmbeddings({ model: settings.model ?? 'nomic-embed-text', baseUrl: settings.baseUrl });
    }
  }
}
