export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  body: T;
}

export async function http<T = Record<string, unknown>>(
  url: string,
  init: { method?: string; body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
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
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: parsed as T };
}
