import { useRef, useState } from 'preact/hooks';
import { authUnavailable, login, sessionEndedReason, TotpRequiredError } from './session';
import { navigate, route } from './router';
import { ApiError, friendlyMessage } from '../lib/problem';
import { Button, Notice } from '../components/ui';

function safeNext(next: string | null): string {
  // only same-site paths, never another origin
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const totpRef = useRef<HTMLInputElement>(null);
  const next = safeNext(route.value.query.get('next'));

  async function submit(e: Event) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('Enter your user name and password.');
      return;
    }
    if (needTotp && !/^\d{6}$/.test(totp.trim())) {
      setError('Enter the 6-digit code from your authenticator app.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password, needTotp ? totp.trim() : undefined);
      navigate(next, true);
    } catch (err) {
      if (err instanceof TotpRequiredError) {
        setNeedTotp(true);
        setError(null);
        setTimeout(() => totpRef.current?.focus(), 0);
      } else if (err instanceof ApiError && err.status === 401) {
        setError(needTotp ? 'The user name, password or code is wrong.' : 'The user name or password is wrong.');
      } else if (err instanceof ApiError && err.isMissingEndpoint) {
        setError(null);
      } else {
        setError(friendlyMessage(err, 'sign in'));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login-page">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <div class="brand big">
          <span class="logo" aria-hidden="true">◆</span> ShareWise
        </div>
        <h1 id="login-title">Sign in</h1>
        {sessionEndedReason.value && <Notice kind="warn">{sessionEndedReason.value}</Notice>}
        {authUnavailable.value && (
          <Notice kind="info">
            This node has no sign-in yet. <a href={next}>Continue without signing in</a>.
          </Notice>
        )}
        <div class="field">
          <label for="login-user">User name</label>
          <input id="login-user" name="username" autoComplete="username" autoFocus value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="login-password">Password</label>
          <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        {needTotp && (
          <div class="field">
            <label for="login-totp">Authenticator code</label>
            <input
              id="login-totp"
              ref={totpRef}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              value={totp}
              onInput={(e) => setTotp(e.currentTarget.value.replace(/\D/g, ''))}
              aria-describedby="totp-hint"
            />
            <small id="totp-hint" class="muted">Two-factor sign-in is on for this account: enter the 6-digit code.</small>
          </div>
        )}
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" class="btn-primary btn-block" busy={busy}>
          Sign in
        </Button>
        <button type="button" class="linklike" onClick={() => setNeedTotp(!needTotp)}>
          {needTotp ? 'I have no authenticator code' : 'I have an authenticator code'}
        </button>
      </form>
    </main>
  );
}
