import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { signal } from '@preact/signals';
import { useEffect, useId, useRef } from 'preact/hooks';
import { friendlyMessage } from '../lib/problem';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span class="spinner" role="status" aria-live="polite">
      <span class="spinner-dot" aria-hidden="true" />
      <span class="sr-only">{label}</span>
    </span>
  );
}

export function ErrorBanner({ error, action, onRetry }: { error: unknown; action?: string; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div class="banner banner-error" role="alert">
      <span>{friendlyMessage(error, action)}</span>
      {onRetry && (
        <button type="button" class="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'warn' | 'ok'; children: ComponentChildren }) {
  return (
    <div class={`banner banner-${kind}`} role={kind === 'warn' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Unavailable({ feature }: { feature: string }) {
  return (
    <div class="empty unavailable" role="status">
      <strong>{feature}</strong> is not available on this node yet.
      <span class="muted"> It appears here once the node provides it.</span>
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

const STATUS_TONE: Record<string, string> = {
  UP: 'good', ACTIVE: 'good', FILLED: 'good', COMPLETE: 'good', COMPLETED: 'good', RUNNING: 'good',
  APPROVED: 'good', OPEN: 'info', PENDING: 'info', PENDING_SUBMIT: 'info', NEW: 'info', SUBMITTED: 'warn',
  PARTIALLY_FILLED: 'info', DRAFT: 'muted', INSTALLED: 'info', RESOLVED: 'info', STARTING: 'info',
  PAUSED: 'warn', WAITING: 'warn', DROPPED: 'warn', ORDERED: 'good', DONE: 'good', HELD: 'warn', HOLD: 'warn', PENDING_APPROVAL: 'warn', UNKNOWN: 'warn', QUEUED: 'info',
  STOPPED: 'muted', CANCELLED: 'muted', CANCELED: 'muted', SUPERSEDED: 'muted', ROLLED_BACK: 'muted',
  DOWN: 'bad', FAILED: 'bad', REJECTED: 'bad', ERROR: 'bad', QUARANTINED: 'bad',
};

export function Badge({ value, tone }: { value: string | null | undefined; tone?: string }) {
  if (!value) return <span class="muted">—</span>;
  const t = tone ?? STATUS_TONE[value.toUpperCase()] ?? 'muted';
  return <span class={`badge badge-${t}`}>{value.replace(/_/g, ' ')}</span>;
}

export function Field({
  label, error, hint, children, id,
}: { label: string; error?: string | null; hint?: ComponentChildren; children: (id: string, describedBy?: string) => ComponentChildren; id?: string }) {
  const auto = useId();
  const fid = id ?? auto;
  const errId = `${fid}-err`;
  const hintId = `${fid}-hint`;
  const describedBy = [error ? errId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={fid}>{label}</label>
      {children(fid, describedBy)}
      {hint && !error && <small id={hintId} class="muted">{hint}</small>}
      {error && <small id={errId} class="field-error">{error}</small>}
    </div>
  );
}

export function Panel({ title, actions, children, class: cls, id }: { title: ComponentChildren; actions?: ComponentChildren; children: ComponentChildren; class?: string; id?: string }) {
  const hid = useId();
  return (
    <section class={`panel ${cls ?? ''}`} aria-labelledby={hid} id={id}>
      <header class="panel-head">
        <h2 id={hid}>{title}</h2>
        {actions && <div class="panel-actions">{actions}</div>}
      </header>
      <div class="panel-body">{children}</div>
    </section>
  );
}

export function Tabs<T extends string>({ tabs, value, onChange, label }: { tabs: Array<[T, string]>; value: T; onChange: (t: T) => void; label: string }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  return (
    <div class="tabs" role="tablist" aria-label={label}>
      {tabs.map(([key, text], i) => (
        <button
          type="button"
          role="tab"
          id={`tab-${key}`}
          key={key}
          ref={(el) => void (refs.current[key] = el)}
          aria-selected={value === key}
          tabIndex={value === key ? 0 : -1}
          class={value === key ? 'tab active' : 'tab'}
          onClick={() => onChange(key)}
          onKeyDown={(e) => {
            const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!dir) return;
            e.preventDefault();
            const next = tabs[(i + dir + tabs.length) % tabs.length][0];
            onChange(next);
            refs.current[next]?.focus();
          }}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

/** A modal dialog on the native <dialog> (focus trap, Escape to close, inert background). */
export function Modal({ open, title, onClose, children, wide }: { open: boolean; title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const hid = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} class={wide ? 'modal modal-wide' : 'modal'} aria-labelledby={hid} onClose={onClose} onCancel={onClose}>
      <header class="modal-head">
        <h2 id={hid}>{title}</h2>
        <button type="button" class="btn btn-ghost" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <div class="modal-body">{open && children}</div>
    </dialog>
  );
}

export interface Toast {
  id: number;
  kind: 'ok' | 'error' | 'info';
  text: string;
}
export const toasts = signal<Toast[]>([]);
let toastSeq = 0;
export function toast(text: string, kind: Toast['kind'] = 'info'): void {
  const id = ++toastSeq;
  toasts.value = [...toasts.value.slice(-4), { id, kind, text }];
  setTimeout(() => (toasts.value = toasts.value.filter((t) => t.id !== id)), kind === 'error' ? 9000 : 5000);
}

export function Toasts() {
  return (
    <div class="toasts" aria-live="polite" aria-atomic="false">
      {toasts.value.map((t) => (
        <div key={t.id} class={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          {t.text}
          <button type="button" class="btn btn-ghost btn-small" aria-label="Dismiss" onClick={() => (toasts.value = toasts.value.filter((x) => x.id !== t.id))}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}

export function Button({ busy, children, class: cls, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; class?: string; type?: 'button' | 'submit' }) {
  return (
    <button type="button" class={`btn ${cls ?? ''}`} aria-busy={busy ? 'true' : undefined} disabled={busy || (rest.disabled as boolean)} {...rest}>
      {busy ? <Spinner label="Working" /> : null}
      {children}
    </button>
  );
}

/** Number cell tone: positive green, negative red. */
export function tone(v: number | null | undefined): string {
  if (v === null || v === undefined || v === 0 || Number.isNaN(v)) return '';
  return v > 0 ? 'up' : 'down';
}
