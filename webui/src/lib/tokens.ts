// Access-token bookkeeping that needs no browser: when to refresh, what a token says.

/**
 * How long to wait before refreshing a token that lives `expiresInSeconds` from now: at 80 % of its
 * life, but at least 30 s before it expires, and never sooner than 5 s (or at once if that is all
 * that is left).
 */
export function refreshDelayMs(expiresInSeconds: number): number {
  if (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0) return 0;
  const life = expiresInSeconds * 1000;
  const at80 = life * 0.8;
  const before = life - 30_000;
  const delay = Math.min(at80, before);
  if (delay < 5_000) return Math.max(0, Math.min(5_000, life - 1_000));
  return delay;
}

export interface TokenClaims {
  subject: string | null;
  roles: string[];
  expiresAt: number | null; // epoch ms
  username: string | null;
}

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads the claims of a JWT without verifying it (the server verifies; the UI only uses them to
 * decide what to show). Unknown formats give empty claims.
 */
export function readClaims(token: string | null | undefined): TokenClaims {
  const empty: TokenClaims = { subject: null, roles: [], expiresAt: null, username: null };
  if (!token) return empty;
  const parts = token.split('.');
  if (parts.length !== 3) return empty;
  try {
    const c = JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>;
    const rolesRaw = c.roles ?? c.groups ?? c.role ?? (c.scope as string | undefined)?.split(' ');
    const roles = Array.isArray(rolesRaw)
      ? rolesRaw.map(String)
      : typeof rolesRaw === 'string'
        ? rolesRaw.split(/[ ,]/).filter(Boolean)
        : [];
    return {
      subject: typeof c.sub === 'string' ? c.sub : null,
      username:
        typeof c.preferred_username === 'string'
          ? c.preferred_username
          : typeof c.username === 'string'
            ? c.username
            : typeof c.sub === 'string'
              ? c.sub
              : null,
      roles: roles.map((r) => r.replace(/^ROLE_/, '').toUpperCase()),
      expiresAt: typeof c.exp === 'number' ? c.exp * 1000 : null,
    };
  } catch {
    return empty;
  }
}
