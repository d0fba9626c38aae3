// The one way the UI talks to the node's REST API: JSON in and out, a bearer token when signed in,
// a timeout on every call, cancellation with AbortSignal, one silent token refresh on 401, and
// errors as ApiError (problem+json).
import { ApiError, problemFromResponse } from '../lib/problem';

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  /** Send the body as is (a File, a Blob, text) with this content type. */
  rawBody?: BodyInit;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Leave out the Authorization header (login, refresh). */
  anonymous?: boolean;
  /** Return the body for these error statuses instead of throwing (e.g. health's 503). */
  acceptStatus?: number[];
}

export interface AuthHooks {
  /** The access token to send, or null. */
  token(): string | null;
  /** Called once on a 401 from a signed-in call; true when a new token was obtained. */
  refresh(): Promise<boolean>;
  /** Called when the session cannot be saved: the user must sign in again. */
  expired(): void;
}

let hooks: AuthHooks = { token: () => null, refresh: async () => false, expired: () => {} };

export function installAuthHooks(h: AuthHooks): void {
  hooks = h;
}

export const API_ROOT = '/api/v1';
const DEFAULT_TIMEOUT_MS = 15_000;

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const base = path.startsWith('/api/') || path.startsWith('/metrics') ? path : `${API_ROOT}${path}`;
  if (!query) return base;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

async function once<T>(method: string, path: string, opts: RequestOptions): Promise<T> {
  const controller = new AbortController();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  const token = opts.anonymous ? null : hooks.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.rawBody !== undefined) {
    body = opts.rawBody;
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      signal: controller.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (timedOut) throw new ApiError('timeout', 0, { detail: `no answer within ${timeoutMs / 1000} s` });
    if (opts.signal?.aborted) throw new ApiError('aborted', 0, { detail: 'cancelled' });
    throw new ApiError('network', 0, { detail: e instanceof Error ? e.message : String(e) });
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }

  const type = response.headers.get('Content-Type') ?? '';
  let parsed: unknown = null;
  if (response.status !== 204) {
    try {
      parsed = type.includes('json') ? await response.json() : await response.text();
    } catch {
      parsed = null;
    }
  }
  if (!response.ok && !opts.acceptStatus?.includes(response.status)) {
    throw problemFromResponse(
      response.status,
      response.statusText,
      parsed,
      response.headers.get('Retry-After'),
    );
  }
  return parsed as T;
}

/**
 * Sends a request; on a 401 while signed in, refreshes the token once and retries. A 401 that
 * answers a token this tab no longer uses (the user signed out and in again, or a refresh landed
 * while the call was out) says nothing about the current session: the call is retried with the
 * current token, or simply fails if nobody is signed in now. Refreshing on such a stale 401 would
 * spend the new session's refresh token behind its back, and expiring would sign the new user out.
 */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const sent = opts.anonymous ? null : hooks.token();
  try {
    return await once<T>(method, path, opts);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401 || opts.anonymous) throw e;
    const current = hooks.token();
    if (current !== sent) {
      if (current !== null) return once<T>(method, path, opts);
      throw e;
    }
    if (current !== null && (await hooks.refresh())) {
      return once<T>(method, path, opts);
    }
    hooks.expired();
    throw e;
  }
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('PATCH', path, { ...opts, body }),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};
