import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

export type LlmProvider = 'none' | 'openai' | 'anthropic' | 'ollama';

export interface LlmSettings {
  provider: LlmProvider;
  model: string | undefined;
  baseUrl: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
}

/** Loads the provider package only when configured, so the default offline setup never touches it. */
export async function createChatModel(
  settings: LlmSettings,
): Promise<{ model: BaseChatModel; name: string; structured: boolean } | undefined> {
  const common = { temperature: 0, maxRetries: 1 };
  switch (settings.provider) {
    case 'none':
      return undefined;
    case 'openai': {
      const { ChatOpenAI } = await import('@langchain/openai');
      const model = settings.model ?? 'gpt-4o-mini';
      return {
        name: `openai/${model}`,
        structured: true,
        model: new ChatOpenAI({
          ...common,
          model,
          apiKey: settings.apiKey,
          configuration: settings.baseUrl ? { baseURL: settings.baseUrl } : undefined,
        }),
      };
    }
    case 'anthropic': {
      const { ChatAnthropic } = await import('@langchain/anthropic');
      const model = settings.model ?? 'claude-3-5-haiku-latest';
      return {
        name: `anthropic/${model}`,
        structured: true,
        model: new ChatAnthropic({ ...common, model, apiKey: settings.apiKey }),
      };
    }
    case 'ollama': {
      const { ChatOllama } = await import('@langchain/ollama');
      const model = settings.model ?? 'llama3.1';
      return {
        name: `ollama/${model}`,
        structured: true,
        model: new ChatOllama({ temperature: 0, model, baseUrl: settings.baseUrl }),
      };
    }
  }
}
