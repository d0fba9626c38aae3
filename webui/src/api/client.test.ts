import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, installAuthHooks } from './client';

function unauthorized(): Response {
  return new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function ok(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('a 401 on a signed-in call', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refreshes the current session once and retries with the new token', async () => {
    let token = 'old';
    const refresh = vi.fn(async () => {
      token = 'renewed';
      return true;
    });
    const expired = vi.fn();
    installAuthHooks({ token: () => token, refresh, expired });
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) =>
      (init.headers as Record<string, string>).Authorization === 'Bearer renewed' ? ok({ n: 1 }) : unauthorized(),
    );
    vi.stubGlobal('fetch', fetchMock);

    await expect(api.get('/orders')).resolves.toEqual({ n: 1 });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(expired).not.toHaveBeenCalled();
  });

  it('answering a token the tab no longer uses retries with the current one and spends no refresh token', async () => {
    let token = 'admin-token';
    const refresh = vi.fn(async () => true);
    const expired = vi.fn();
    installAuthHooks({ token: () => token, refresh, expired });
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const sent = (init.headers as Record<string, string>).Authorization;
      if (sent === 'Bearer admin-token') {
        token = 'trader-token'; // signed out and a trader signed in while the call was out
        return unauthorized();
      }
      return ok({ who: sent });
    });
    vi.stubGlobal('fetch', fetchMock);

    await expect(api.get('/auth/me')).resolves.toEqual({ who: 'Bearer trader-token' });
    expect(refresh).not.toHaveBeenCalled();
    expect(expired).not.toHaveBeenCalled();
  });

  it('answering a session that was signed out meanwhile fails without signing anyone out', async () => {
    let token: string | null = 'admin-token';
    const refresh = vi.fn(async () => true);
    const expired = vi.fn();
    installAuthHooks({ token: () => token, refresh, expired });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        token = null;
        return unauthorized();
      }),
    );

    await expect(api.get('/orders')).rejects.toMatchObject({ status: 401 });
    expect(refresh).not.toHaveBeenCalled();
    expect(expired).not.toHaveBeenCalled();
  });

  it('ends the session when the refresh cannot renew it', async () => {
    const expired = vi.fn();
    installAuthHooks({ token: () => 'old', refresh: async () => false, expired });
    vi.stubGlobal('fetch', vi.fn(async () => unauthorized()));

    await expect(api.get('/orders')).rejects.toMatchObject({ status: 401 });
    expect(expired).toHaveBeenCalledTimes(1);
  });
});
