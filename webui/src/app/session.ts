// Who is signed in. Tokens live in memory; the refresh token is kept in sessionStorage so a reload
// of the tab stays signed in (closing the tab ends the session). The access token is refreshed
// before it expires; a 401 that a refresh cannot cure sends the user to the sign-in page.
import { computed, signal } from '@preact/signals';
import { api, installAuthHooks } from '../api/client';
import { readClaims, refreshDelayMs } from '../lib/tokens';
import { ApiError } from '../lib/problem';

export interface TokenResponse {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
  tokenType?: string;
}

export interface Me {
  username: string;
  roles: string[];
  totpEnabled?: boolean;
}

const REFRESH_KEY = 'sharewise.refresh';

export const accessToken = signal<string | null>(null);
export const me = signal<Me | null>(null);
/** True when this node answered that it has no sign-in (security not installed). */
export const authUnavailable = signal(false);
/** Set when the session ended by itself; the login page says why. */
export const sessionEndedReason = signal<string | null>(null);

export const signedIn = computed(() => accessToken.value !== null);
export const roles = computed(() => me.value?.roles ?? []);

/** Whether the current user holds any of `wanted` (everyone does when the node has no sign-in). */
export function hasRole(...wanted: string[]): boolean {
  if (authUnavailable.value && !signedIn.value) return true;
  const held = roles.value;
  return wanted.some((r) => held.includes(r));
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

/** Called after every new access token (the live socket reconnects with it). */
export function onTokenChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function accept(tokens: TokenResponse): void {
  accessToken.value = tokens.accessToken;
  if (tokens.refreshToken) storage()?.setItem(REFRESH_KEY, tokens.refreshToken);
  const claims = readClaims(tokens.accessToken);
  me.value = {
    username: claims.username ?? me.value?.username ?? 'you',
    roles: claims.roles.length ? claims.roles : (me.value?.roles ?? []),
    totpEnabled: me.value?.totpEnabled,
  };
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refresh(), refreshDelayMs(tokens.expiresIn));
  sessionEndedReason.value = null;
  for (const l of listeners) l();
  void loadMe();
}

async function loadMe(): Promise<void> {
  try {
    const info = await api.get<Partial<Me> & { name?: string }>('/auth/me', { timeoutMs: 8000 });
    if (info && (info.username || info.name)) {
      me.value = {
        username: info.username ?? info.name ?? me.value?.username ?? 'you',
        roles: info.roles?.length ? info.roles : (me.value?.roles ?? []),
        totpEnabled: info.totpEnabled,
      };
    }
  } catch {
    // optional endpoint: the token's claims are enough
  }
}

export class TotpRequiredError extends Error {}

/** Signs in. Throws ApiError (bad credentials, 429) or TotpRequiredError. */
export async function login(username: string, password: string, totp?: string): Promise<void> {
  try {
    const tokens = await api.post<TokenResponse>(
      '/auth/login',
      totp ? { username, password, totp } : { username, password },
      { anonymous: true, timeoutMs: 20_000 },
    );
    me.value = { username, roles: [] };
    accept(tokens);
    authUnavailable.value = false;
  } catch (e) {
    if (e instanceof ApiError && e.isMissingEndpoint) {
      authUnavailable.value = true;
    }
    if (e instanceof ApiError && (e.status === 401 || e.status === 400) && !totp) {
      const text = `${e.problem.title ?? ''} ${e.detail ?? ''} ${JSON.stringify(e.problem.errors ?? {})}`;
      if (/totp|two-factor|2fa|one-time|authenticator/i.test(text) && /required|missing|needed|enter/i.test(text)) {
        throw new TotpRequiredError(e.detail ?? 'enter the code from your authenticator app');
      }
    }
    throw e;
  }
}

/** Exchanges the refresh token for a new pair; false when the session cannot be continued. */
export function refresh(): Promise<boolean> {
  if (refreshing) return refreshing;
  const token = storage()?.getItem(REFRESH_KEY);
  if (!token) return Promise.resolve(false);
  refreshing = (async () => {
    try {
      const tokens = await api.post<TokenResponse>(
        '/auth/refresh',
        { refreshToken: token },
        { anonymous: true, timeoutMs: 15_000 },
      );
      accept(tokens);
      return true;
    } catch (e) {
      if (e instanceof ApiError && (e.kind === 'network' || e.kind === 'timeout')) {
        // keep the session; try again shortly
        if (refreshTimer) clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => void refresh(), 5_000);
        return accessToken.value !== null;
      }
      if (e instanceof ApiError && e.isMissingEndpoint) authUnavailable.value = true;
      clear('Your session has ended. Please sign in again.');
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function clear(reason: string | null): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = null;
  storage()?.removeItem(REFRESH_KEY);
  const was = accessToken.value !== null;
  accessToken.value = null;
  me.value = null;
  if (was) sessionEndedReason.value = reason;
  for (const l of listeners) l();
}

export async function logout(): Promise<void> {
  const token = storage()?.getItem(REFRESH_KEY);
  try {
    if (accessToken.value) {
      await api.post('/auth/logout', token ? { refreshToken: token } : {}, { timeoutMs: 5000 });
    }
  } catch {
    // signing out locally is what matters
  }
  clear(null);
}

/** Restores a session from the tab's refresh token, if any, and learns whether the node has sign-in. */
export async function restore(): Promise<void> {
  if (storage()?.getItem(REFRESH_KEY) && (await refresh())) return;
  try {
    // GET on the login resource: 405 (or 401) when sign-in exists, 404 when this node has none.
    await api.get('/auth/login', { anonymous: true, timeoutMs: 5000 });
  } catch (e) {
    if (e instanceof ApiError && e.kind === 'http' && e.status === 404) authUnavailable.value = true;
  }
}

let onExpired: () => void = () => {};
export function setOnExpired(fn: () => void): void {
  onExpired = fn;
}

installAuthHooks({
  token: () => accessToken.value,
  refresh: () => refresh(),
  expired: () => {
    clear('Your session has ended. Please sign in again.');
    onExpired();
  },
});

// A 401 while not signed in at all also means: sign in (the node requires it).
export function requireLogin(): void {
  onExpired();
}
