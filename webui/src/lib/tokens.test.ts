import { describe, expect, it } from 'vitest';
import { readClaims, refreshDelayMs } from './tokens';

function jwt(claims: object): string {
  const enc = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${enc({ alg: 'ES256', kid: 'k1' })}.${enc(claims)}.sig`;
}

describe('token refresh scheduling', () => {
  it('refreshes at 80 % of a 15-minute token', () => {
    expect(refreshDelayMs(900)).toBe(720_000);
  });
  it('keeps at least 30 s before expiry for short tokens', () => {
    expect(refreshDelayMs(60)).toBe(30_000);
  });
  it('never waits less than 5 s unless the token is about to die', () => {
    expect(refreshDelayMs(20)).toBe(5_000);
    expect(refreshDelayMs(3)).toBe(2_000);
    expect(refreshDelayMs(0)).toBe(0);
    expect(refreshDelayMs(Number.NaN)).toBe(0);
  });
});

describe('token claims', () => {
  it('reads subject, roles and expiry', () => {
    const c = readClaims(jwt({ sub: 'asha', roles: ['TRADER', 'risk_officer'], exp: 1_800_000_000 }));
    expect(c).toEqual({ subject: 'asha', username: 'asha', roles: ['TRADER', 'RISK_OFFICER'], expiresAt: 1_800_000_000_000 });
  });
  it('accepts groups or a scope string and strips ROLE_', () => {
    expect(readClaims(jwt({ sub: 'x', groups: ['ROLE_ADMIN'] })).roles).toEqual(['ADMIN']);
    expect(readClaims(jwt({ sub: 'x', scope: 'TRADER ADMIN' })).roles).toEqual(['TRADER', 'ADMIN']);
  });
  it('gives empty claims for garbage', () => {
    expect(readClaims('not-a-token').roles).toEqual([]);
    expect(readClaims(null).subject).toBeNull();
  });
});
