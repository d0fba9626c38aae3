import { useEffect, useState } from 'preact/hooks';
import { killSwitch } from '../api/endpoints';
import { useAction, useAsync } from '../components/hooks';
import { Button, ErrorBanner, Modal, Notice, Spinner, toast, Unavailable } from '../components/ui';
import { hasRole } from '../app/session';
import { accountLabel, accounts, loadAccounts } from './accounts';
import { formatIstDateTime } from '../lib/format';

type Obj = Record<string, unknown>;

export interface SwitchState {
  scope: string;
  target: string | null;
  engaged: boolean;
  reason?: string;
  by?: string;
  at?: string;
}

/** Reads the node's {globalEngaged, switches:[{scope,target,engaged,reason,changedBy,changedAt}]} (older shapes tolerated). */
export function readSwitches(raw: unknown): SwitchState[] {
  const out: SwitchState[] = [];
  const one = (scope: string, o: Obj, target: string | null = null) => {
    const t = (o.target ?? o.id ?? o.account ?? o.strategy ?? target) as string | null;
    out.push({
      scope,
      target: scope === 'GLOBAL' && (t === '*' || t === '') ? null : t,
      engaged: Boolean(o.engaged ?? o.active ?? o.on),
      reason: (o.reason as string) || undefined,
      by: (o.changedBy ?? o.by ?? o.actor ?? o.engagedBy) as string | undefined,
      at: (o.changedAt ?? o.at ?? o.since ?? o.engagedAt ?? o.updatedAt) as string | undefined,
    });
  };
  if (Array.isArray(raw)) {
    for (const s of raw as Obj[]) one(String(s.scope ?? 'GLOBAL').toUpperCase(), s);
  } else if (raw && typeof raw === 'object') {
    const o = raw as Obj;
    if (Array.isArray(o.switches)) for (const s of o.switches as Obj[]) one(String(s.scope ?? 'GLOBAL').toUpperCase(), s);
    if ('engaged' in o || 'active' in o) one(String(o.scope ?? 'GLOBAL').toUpperCase(), o);
    if (o.global && typeof o.global === 'object') one('GLOBAL', o.global as Obj);
    for (const [key, scope] of [['accounts', 'ACCOUNT'], ['strategies', 'STRATEGY']] as const) {
      const v = o[key];
      if (Array.isArray(v)) for (const s of v as Obj[]) one(scope, s);
      else if (v && typeof v === 'object') for (const [id, s] of Object.entries(v as Obj)) one(scope, typeof s === 'object' ? (s as Obj) : { engaged: s }, id);
    }
  }
  return out;
}

/** "Everything", "account Paper (#3)", "strategy sma-1". */
export function switchName(s: Pick<SwitchState, 'scope' | 'target'>): string {
  if (s.scope === 'GLOBAL') return 'everything (global)';
  if (s.scope === 'ACCOUNT') return `account ${accountLabel(s.target)}`;
  return `strategy ${s.target ?? ''}`.trim();
}

/** Which switches the signed-in user may change: admins all, traders engage their own accounts'. */
export function killSwitchPowers(roles: { admin: boolean; trader: boolean }) {
  return { engage: roles.admin || roles.trader, release: roles.admin, scopes: roles.admin ? ['GLOBAL', 'ACCOUNT', 'STRATEGY'] : roles.trader ? ['ACCOUNT'] : [] };
}

export function KillSwitch({ compact = false }: { compact?: boolean }) {
  const [open, setOpen] = useState(false);
  const state = useAsync((signal) => killSwitch.get({ signal }), [], { pollMs: 15_000 });
  const switches = state.data ? readSwitches(state.data) : [];
  const engaged = switches.filter((s) => s.engaged);
  const label = engaged.length ? 'Trading halted' : 'Kill switch';
  return (
    <>
      <button
        type="button"
        class={`btn btn-small killswitch ${engaged.length ? 'engaged' : ''}`}
        aria-haspopup="dialog"
        title={state.unavailable ? 'The kill switch is not available on this node yet' : engaged.length ? `Halted: ${engaged.map(switchName).join(', ')}` : 'Stop all new orders and cancel open ones'}
        onClick={() => setOpen(true)}
      >
        {compact ? label : `${label}…`}
      </button>
      <Modal open={open} title="Kill switch" onClose={() => setOpen(false)}>
        {state.unavailable ? <Unavailable feature="The kill switch" /> : <KillSwitchForm switches={switches} loading={state.loading} error={state.error} reload={state.reload} />}
      </Modal>
    </>
  );
}

export function KillSwitchForm({ switches, loading, error, reload }: { switches: SwitchState[]; loading: boolean; error: unknown; reload: () => void }) {
  const powers = killSwitchPowers({ admin: hasRole('ADMIN'), trader: hasRole('TRADER') });
  useEffect(() => void loadAccounts(), []);
  const [scope, setScope] = useState(powers.scopes[0] ?? 'ACCOUNT');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [releaseReason, setReleaseReason] = useState('');
  const own = accounts.value;
  // traders pick one of their accounts; admins name any account
  const accountTarget = powers.release ? target : target || own[0]?.id || '';
  const engage = useAction(async () => {
    const tgt = scope === 'GLOBAL' ? undefined : scope === 'ACCOUNT' ? accountTarget.trim() : target.trim();
    await killSwitch.set({ scope, target: tgt, engaged: true, reason: reason.trim() });
    toast(`Kill switch engaged for ${switchName({ scope, target: tgt ?? null })}. New orders are refused and open ones are being cancelled.`, 'ok');
    setReason('');
    reload();
  });
  const release = useAction(async (s: SwitchState) => {
    await killSwitch.set({ scope: s.scope, target: s.target ?? undefined, engaged: false, reason: releaseReason.trim() });
    toast(`Kill switch released for ${switchName(s)}. Trading may resume.`, 'ok');
    setReleaseReason('');
    reload();
  });
  const engaged = switches.filter((s) => s.engaged);
  const needsTarget = scope !== 'GLOBAL';
  const targetOk = scope === 'ACCOUNT' ? accountTarget.trim() !== '' : scope === 'STRATEGY' ? target.trim() !== '' : true;
  return (
    <div class="killswitch-form">
      {loading && !switches.length && <Spinner />}
      <ErrorBanner error={error} action="read the kill switch" />
      {engaged.length ? (
        <Notice kind="warn">
          <div>
            <strong>Trading is halted</strong> for:
            <ul class="plain" aria-label="Engaged kill switches">
              {engaged.map((s) => (
                <li key={`${s.scope}-${s.target}`}>
                  {switchName(s)}
                  {s.reason ? ` — ${s.reason}` : ''} {s.by ? `(by ${s.by}` : ''}
                  {s.at ? `, ${formatIstDateTime(s.at)})` : s.by ? ')' : ''}
                </li>
              ))}
            </ul>
          </div>
        </Notice>
      ) : (
        <p>No kill switch is engaged. Engaging one refuses every new order in its scope and cancels the open ones.</p>
      )}
      {powers.engage ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() && targetOk) void engage.run();
          }}
        >
          <fieldset>
            <legend>Engage</legend>
            <div class="row">
              {powers.scopes.length > 1 && (
                <label>
                  Scope{' '}
                  <select value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
                    <option value="GLOBAL">Everything (global)</option>
                    <option value="ACCOUNT">One account</option>
                    <option value="STRATEGY">One strategy</option>
                  </select>
                </label>
              )}
              {needsTarget && scope === 'ACCOUNT' && !powers.release && own.length > 0 && (
                <label>
                  Account{' '}
                  <select value={accountTarget} onChange={(e) => setTarget(e.currentTarget.value)}>
                    {own.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name} (#{a.id})
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {needsTarget && scope === 'ACCOUNT' && powers.release && (
                <label>
                  Account id{' '}
                  <input value={target} inputMode="numeric" list="ks-own-accounts" onInput={(e) => setTarget(e.currentTarget.value)} required />
                  <datalist id="ks-own-accounts">
                    {own.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </datalist>
                </label>
              )}
              {needsTarget && scope === 'STRATEGY' && (
                <label>
                  Strategy instance <input value={target} onInput={(e) => setTarget(e.currentTarget.value)} required />
                </label>
              )}
            </div>
            {scope === 'ACCOUNT' && own.length === 0 && !powers.release ? (
              <p class="muted small">You have no trading account to halt.</p>
            ) : null}
            <div class="field">
              <label for="ks-reason">Reason (goes to the audit log)</label>
              <input id="ks-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} required />
            </div>
            <Button type="submit" class="btn-danger" busy={engage.busy} disabled={!reason.trim() || !targetOk}>
              Engage kill switch
            </Button>
            {!powers.release && <p class="small muted">Only an admin can release a kill switch once it is engaged.</p>}
          </fieldset>
          <ErrorBanner error={engage.error} action="engage the kill switch" />
        </form>
      ) : (
        <p class="muted small">Your role can see the kill switches but not change them.</p>
      )}
      {powers.release && engaged.length > 0 && (
        <fieldset>
          <legend>Release</legend>
          <p class="small">Releasing lets orders through again. It is audited and needs a reason.</p>
          <div class="field">
            <label for="ks-release-reason">Reason for releasing</label>
            <input id="ks-release-reason" value={releaseReason} onInput={(e) => setReleaseReason(e.currentTarget.value)} required />
          </div>
          <div class="row">
            {engaged.map((s) => (
              <Button key={`${s.scope}-${s.target}`} busy={release.busy} disabled={!releaseReason.trim()} onClick={() => void release.run(s)}>
                Release {switchName(s)}
              </Button>
            ))}
          </div>
          <ErrorBanner error={release.error} action="release the kill switch" />
        </fieldset>
      )}
    </div>
  );
}
