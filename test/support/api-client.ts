// A small HTTP client for driving the API in tests, over real sockets.
export interface ApiResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  contentType: string;
  body: T;
}

export function apiClient(baseUrl: string) {
  return async function call<T = any>(method: string, path: string, options: { key?: string; body?: unknown; rawBody?: string } = {}): Promise<ApiResponse<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.key ? { Authorization: `Bearer ${options.key}` } : {}),
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: payload,
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return { status: response.status, contentType, body: contentType.includes('json') && text ? JSON.parse(text) : text };
  };
}

export type Api = ReturnType<typeof apiClient>;
