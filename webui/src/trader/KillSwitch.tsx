import { useState } from 'preact/hooks';
import { killSwitch } from '../api/endpoints';
import { useAction, useAsync } from '../components/hooks';
import { Button, ErrorBanner, Modal, Notice, Spinner, Unavailable } from '../components/ui';
import { hasRole } from '../app/session';
import { accounts } from './accounts';
import { formatIstDateTime } from '../lib/format';

type Obj = Record<string, unknown>;

interface SwitchState {
  scope: string;
  target: string | null;
  engaged: boolean;
  reason?: string;
  by?: string;
  at?: string;
}

/** Reads {global:{engaged…}, accounts:[…]} or [{scope,target,engaged}] or {engaged}. */
export function readSwitches(raw: unknown): SwitchState[] {
  const out: SwitchState[] = [];
  const one = (scope: string, o: Obj, target: string | null = null) =>
    out.push({
      scope,
      target: (o.target ?? o.id ?? o.account ?? o.strategy ?? target) as string | null,
      engaged: Boolean(o.engaged ?? o.active ?? o.on),
      reason: (o.reason as string) ?? undefined,
      by: (o.by ?? o.actor ?? o.engagedBy) as string | undefined,
      at: (o.at ?? o.since ?? o.engagedAt ?? o.updatedAt) as string | undefined,
    });
  if (Array.isArray(raw)) {
    for (const s of raw as Obj[]) one(String(s.scope ?? 'GLOBAL').toUpperCase(), s);
  } else if (raw && typeof raw === 'object') {
    const o = raw as Obj;
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
        title={state.unavailable ? 'The kill switch is not available on this node yet' : 'Stop all new orders and cancel open ones'}
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

function KillSwitchForm({ switches, loading, error, reload }: { switches: SwitchState[]; loading: boolean; error: unknown; reload: () => void }) {
  const canGlobal = hasRole('ADMIN');
  const [scope, setScope] = useState(canGlobal ? 'GLOBAL' : 'ACCOUNT');
  const [target, setTarget] = useState(accounts.value[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [confirmText, setConfirmText] = useState('');
  const act = useAction(async (engaged: boolean, s: string, tgt: string | null) => {
    await killSwitch.set({ scope: s, target: tgt ?? undefined, engaged, reason: reason.trim() || undefined });
    setReason('');
    setConfirmText('');
    reload();
  });
  const engaged = switches.filter((s) => s.engaged);
  return (
    <div class="killswitch-form">
      {loading && !switches.length && <Spinner />}
      <ErrorBanner error={error} action="read the kill switch" />
      {engaged.length ? (
        <Notice kind="warn">
          <strong>Trading is halted</strong> for:
          <ul class="plain">
            {engaged.map((s) => (
              <li key={`${s.scope}-${s.target}`}>
                {s.scope}
                {s.target ? ` ${s.target}` : ''} {s.reason ? `— ${s.reason}` : ''} {s.by ? `(by ${s.by}` : ''}
                {s.at ? `, ${formatIstDateTime(s.at)})` : s.by ? ')' : ''}
              </li>
            ))}
          </ul>
        </Notice>
      ) : (
        <p>No kill switch is engaged. Engaging one blocks every new order in its scope and cancels open ones.</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act.run(true, scope, scope === 'GLOBAL' ? null : target.trim() || null);
        }}
      >
        <fieldset>
          <legend>Engage</legend>
          <div class="row">
            <label>
              Scope{' '}
              <select value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
                {canGlobal && <option value="GLOBAL">Everything (global)</option>}
                <option value="ACCOUNT">One account</option>
                <option value="STRATEGY">One strategy</option>
              </select>
            </label>
            {scope !== 'GLOBAL' && (
              <label>
                {scope === 'ACCOUNT' ? 'Account' : 'Strategy instance'} <input value={target} onInput={(e) => setTarget(e.currentTarget.value)} required />
              </label>
            )}
          </div>
          <div class="field">
            <label for="ks-reason">Reason (goes to the audit log)</label>
            <input id="ks-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} required />
          </div>
          <Button type="submit" class="btn-danger" busy={act.busy} disabled={!reason.trim()}>
            Engage kill switch
          </Button>
        </fieldset>
      </form>
      {engaged.length > 0 && (
        <fieldset>
          <legend>Resume trading</legend>
          <p class="small">Releasing is a deliberate act and is audited. Type RESUME to confirm.</p>
          <div class="row">
            <label for="ks-confirm" class="sr-only">
              Type RESUME
            </label>
            <input id="ks-confirm" value={confirmText} onInput={(e) => setConfirmText(e.currentTarget.value)} placeholder="RESUME" />
            {engaged.map((s) => (
              <Button key={`${s.scope}-${s.target}`} busy={act.busy} disabled={confirmText !== 'RESUME'} onClick={() => void act.run(false, s.scope, s.target)}>
                Release {s.scope.toLowerCase()}
                {s.target ? ` ${s.target}` : ''}
              </Button>
            ))}
          </div>
        </fieldset>
      )}
      <ErrorBanner error={act.error} action="change the kill switch" />
    </div>
  );
}
