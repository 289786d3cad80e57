import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

/** An error answered by the paperlab server: `{code, message}` plus the HTTP status. */
export class APIError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = 'APIError';
  }
}

/** Percent-encode one path segment (a list name); paper ids keep their '/'. */
export function segment(text: string): string {
  return encodeURIComponent(text);
}

/**
 * Call the paperlab REST API under `/paperlab/api/`.
 *
 * @param endPoint - path below `paperlab/api/` (already encoded), with any query string
 * @param init - fetch options; a JSON body is sent as is
 * @param as - 'json' (default) parses the answer, 'text' returns it raw
 * @returns the parsed answer (undefined for 204)
 * @throws APIError with the server's `{code, message}`, or for network errors
 */
export async function requestAPI<T>(
  endPoint = '',
  init: RequestInit = {},
  as: 'json' | 'text' = 'json'
): Promise<T> {
  const settings = ServerConnection.makeSettings();
  const url = URLExt.join(settings.baseUrl, 'paperlab', 'api', endPoint);
  if (init.body && !(init.headers as any)?.['Content-Type']) {
    init = {
      ...init,
      headers: { ...(init.headers ?? {}), 'Content-Type': 'application/json' }
    };
  }
  let response: Response;
  try {
    response = await ServerConnection.makeRequest(url, init, settings);
  } catch (error: any) {
    if (error?.name === 'AbortError') {
      throw error; // the caller cancelled: not a failure to report
    }
    throw new APIError(
      0,
      'network',
      `cannot reach the Jupyter server: ${error}`
    );
  }
  const text = await response.text();
  if (!response.ok) {
    let code = 'http_error';
    let message = text || response.statusText;
    try {
      const data = JSON.parse(text);
      code = data.code ?? code;
      message = data.message ?? message;
    } catch {
      // not JSON: keep the raw text
    }
    throw new APIError(response.status, code, message);
  }
  if (response.status === 204 || !text) {
    return undefined as T;
  }
  return (as === 'text' ? text : JSON.parse(text)) as T;
}
