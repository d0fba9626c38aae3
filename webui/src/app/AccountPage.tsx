import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { me, signedIn } from './session';
import { Button, ErrorBanner, Notice, Panel } from '../components/ui';
import { useAction } from '../components/hooks';
import { Link } from './router';
import qrcode from 'qrcode-generator';

/** A QR code image (data: URL, allowed by the node's content policy) for an otpauth:// URI. */
function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(5, 4);
}

interface Enrolment {
  secret?: string;
  uri?: string;
  provisioningUri?: string;
  otpauthUri?: string;
}

export function AccountPage() {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const start = useAction(async () => setEnrolment(await api.post<Enrolment>('/auth/totp/enroll', {})));
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changed, setChanged] = useState(false);
  const change = useAction(async () => {
    await api.post('/auth/password', { currentPassword: current, newPassword: next });
    setCurrent('');
    setNext('');
    setChanged(true);
  });
  const confirm = useAction(async () => {
    await api.post('/auth/totp/confirm', { code: code.trim() });
    setDone(true);
  });
  if (!signedIn.value) {
    return (
      <main id="main" class="page">
        <h1>Account</h1>
        <p>
          <Link href="/login?next=/account">Sign in</Link> to manage your account.
        </p>
      </main>
    );
  }
  const uri = enrolment?.uri ?? enrolment?.provisioningUri ?? enrolment?.otpauthUri;
  return (
    <main id="main" class="page narrow">
      <h1>Account</h1>
      <Panel title="You">
        <dl class="kv">
          <dt>User</dt>
          <dd>{me.value?.username}</dd>
          <dt>Roles</dt>
          <dd>{me.value?.roles.join(', ') || '—'}</dd>
        </dl>
      </Panel>
      <Panel title="Password">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setChanged(false);
            void change.run();
          }}
        >
          <div class="field">
            <label for="pw-current">Current password</label>
            <input id="pw-current" type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="pw-new">New password (at least 10 characters)</label>
            <input id="pw-new" type="password" autoComplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
          </div>
          <ErrorBanner error={change.error} action="change the password" />
          {changed && <Notice kind="ok">Password changed.</Notice>}
          <Button type="submit" busy={change.busy} disabled={!current || next.length < 10}>
            Change password
          </Button>
        </form>
      </Panel>
      <Panel title="Two-factor sign-in (TOTP)">
        {me.value?.totpEnabled && !done ? (
          <Notice kind="ok">Two-factor sign-in is on for your account.</Notice>
        ) : done ? (
          <Notice kind="ok">Two-factor sign-in is on. From now on, sign-in asks for a code from your authenticator app.</Notice>
        ) : !enrolment ? (
          <>
            <p>Protect your account with a 6-digit code from an authenticator app at every sign-in.</p>
            <ErrorBanner error={start.error} action="start enrolment" />
            <Button class="btn-primary" busy={start.busy} onClick={() => void start.run()}>
              Set up two-factor sign-in
            </Button>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void confirm.run();
            }}
          >
            <p>Scan the code with your authenticator app (or type the key), then enter the 6-digit code it shows.</p>
            {uri && <img class="qr" src={qrDataUrl(uri)} alt="QR code to add ShareWise to an authenticator app" width={200} height={200} />}
            {enrolment.secret && (
              <p>
                Key: <code class="secret">{enrolment.secret}</code>
              </p>
            )}
            {uri && (
              <p class="break">
                Link: <a href={uri}>{uri}</a>
              </p>
            )}
            <div class="field">
              <label for="totp-code">Code from the app</label>
              <input id="totp-code" inputMode="numeric" maxLength={6} autoComplete="one-time-code" value={code} onInput={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))} />
            </div>
            <ErrorBanner error={confirm.error} action="turn on two-factor sign-in" />
            <Button type="submit" class="btn-primary" busy={confirm.busy} disabled={code.length !== 6}>
              Turn on
            </Button>
          </form>
        )}
      </Panel>
    </main>
  );
}
