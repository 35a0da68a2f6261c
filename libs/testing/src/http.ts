import { TEST_API_KEY } from './test-env.js';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  body: T;
  headers: Headers;
}

export interface HttpInit {
  method?: string;
  body?: unknown;
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  /** The key sent as `Authorization: Bearer`; TEST_API_KEY by default, null to send none. */
  apiKey?: string | null;
}

export async function http<T = Record<string, unknown>>(url: string, init: HttpInit = {}): Promise<JsonResponse<T>> {
  const apiKey = init.apiKey === undefined ? TEST_API_KEY : init.apiKey;
  const headers: Record<string, string> = { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...init.headers };
  let body: string | Uint8Array | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the assertion that follows will show the text
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: parsed as T, headers: res.headers };
}
