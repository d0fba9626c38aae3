// The WebSocket client: one connection per page, subscriptions reference-counted by channel and
// key, reconnect with exponential backoff and jitter, resubscribe everything after a reconnect,
// a heartbeat that notices a silent connection, and fresh access tokens handed to the open
// connection (the node closes a connection whose token expired, code 4401). Browser APIs are
// injected so tests drive it.

export type SocketState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SubscriptionSpec {
  channel: string;
  /** The server's canonical key: NSE:INFY for quotes, NSE:INFY|5m for bars. */
  key?: string;
  extra?: Record<string, string>;
}

export interface DataMessage {
  type: 'data';
  channel: string;
  key?: string;
  data: unknown;
}

type Listener = (data: unknown, message: DataMessage) => void;

export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

export interface LiveSocketOptions {
  /** The URL to connect to now (may carry a fresh token). Null = not allowed to connect yet. */
  url: () => string | null | Promise<string | null>;
  create: (url: string) => SocketLike;
  timers?: Timers;
  random?: () => number;
  pingEveryMs?: number;
  /** Silence (no message at all) after which the connection is considered dead. */
  deadAfterMs?: number;
  onStateChange?: (state: SocketState) => void;
  onServerError?: (message: string) => void;
}

const OPEN = 1;

/** Delay before reconnect attempt `attempt` (0-based): 0.5 s, 1 s, 2 s … capped at 30 s, ±20 %. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt));
  const jitter = 0.8 + 0.4 * random();
  return Math.round(base * jitter);
}

export function subscriptionId(spec: SubscriptionSpec): string {
  const extra = spec.extra
    ? Object.keys(spec.extra)
        .sort()
        .map((k) => `${k}=${spec.extra![k]}`)
        .join('&')
    : '';
  return `${spec.channel}|${spec.key ?? ''}|${extra}`;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as number),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as number),
  now: () => Date.now(),
};

interface Entry {
  spec: SubscriptionSpec;
  listeners: Set<Listener>;
}

export class LiveSocket {
  private readonly opts: Required<Omit<LiveSocketOptions, 'onStateChange' | 'onServerError'>> &
    Pick<LiveSocketOptions, 'onStateChange' | 'onServerError'>;
  private socket: SocketLike | null = null;
  private readonly entries = new Map<string, Entry>();
  private attempt = 0;
  private reconnectTimer: unknown = null;
  private heartbeat: unknown = null;
  private lastMessageAt = 0;
  private stopped = true;
  private _state: SocketState = 'idle';

  constructor(options: LiveSocketOptions) {
    this.opts = {
      timers: defaultTimers,
      random: Math.random,
      pingEveryMs: 20_000,
      deadAfterMs: 50_000,
      ...options,
    };
  }

  get state(): SocketState {
    return this._state;
  }

  /** Number of distinct server-side subscriptions held. */
  get subscriptionCount(): number {
    return this.entries.size;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  /** Closes for good (sign-out); subscriptions are kept for a later start(). */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.close(1000, 'closed by client');
    }
    this.setState('closed');
  }

  /** Drops the connection now and reconnects (e.g. after a token refresh). */
  reconnectNow(): void {
    if (this.stopped) return;
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.close(1000, 'reconnecting');
    }
    this.clearTimers();
    this.attempt = 0;
    void this.connect();
  }

  /**
   * Hands a fresh access token to the open connection ({"action":"auth"}), which then stays open
   * past the old token's expiry, subscriptions and all. False when no connection is open to take it
   * (the next connection carries the token in its URL anyway).
   */
  authenticate(token: string): boolean {
    return this.send({ action: 'auth', token });
  }

  subscribe(spec: SubscriptionSpec, listener: Listener): () => void {
    const id = subscriptionId(spec);
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { spec, listeners: new Set() };
      this.entries.set(id, entry);
      this.sendSubscription('subscribe', spec);
    }
    entry.listeners.add(listener);
    return () => {
      const e = this.entries.get(id);
      if (!e) return;
      e.listeners.delete(listener);
      if (e.listeners.size === 0) {
        this.entries.delete(id);
        this.sendSubscription('unsubscribe', spec);
      }
    };
  }

  private sendSubscription(action: 'subscribe' | 'unsubscribe', spec: SubscriptionSpec): void {
    const msg: Record<string, string> = { action, channel: spec.channel };
    if (spec.key !== undefined) msg.key = spec.key;
    Object.assign(msg, spec.extra ?? {});
    this.send(msg);
  }

  private send(msg: unknown): boolean {
    const s = this.socket;
    if (!s || s.readyState !== OPEN) return false;
    s.send(JSON.stringify(msg));
    return true;
  }

  private setState(state: SocketState): void {
    if (this._state === state) return;
    this._state = state;
    this.opts.onStateChange?.(state);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let url: string | null;
    try {
      url = await this.opts.url();
    } catch {
      url = null;
    }
    if (this.stopped) return;
    if (!url) {
      this.scheduleReconnect();
      return;
    }
    let socket: SocketLike;
    try {
      socket = this.opts.create(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.lastMessageAt = this.opts.timers.now();
      this.setState('open');
      for (const e of this.entries.values()) this.sendSubscription('subscribe', e.spec);
      this.startHeartbeat();
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.lastMessageAt = this.opts.timers.now();
      this.dispatch(ev.data);
    };
    socket.onerror = () => {
      /* onclose follows */
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.setState('reconnecting');
    const delay = backoffDelayMs(this.attempt, this.opts.random);
    this.attempt++;
    this.reconnectTimer = this.opts.timers.setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
  }

  private startHeartbeat(): void {
    this.heartbeat = this.opts.timers.setInterval(() => {
      const silent = this.opts.timers.now() - this.lastMessageAt;
      if (silent >= this.opts.deadAfterMs) {
        // The connection is dead without a close event (sleeping laptop, dropped network).
        const s = this.socket;
        this.socket = null;
        if (s) {
          s.onclose = null;
          s.close(4000, 'no heartbeat');
        }
        this.clearTimers();
        this.scheduleReconnect();
        return;
      }
      this.send({ action: 'ping' });
    }, this.opts.pingEveryMs);
  }

  private clearTimers(): void {
    if (this.reconnectTimer !== null) this.opts.timers.clearTimeout(this.reconnectTimer);
    if (this.heartbeat !== null) this.opts.timers.clearInterval(this.heartbeat);
    this.reconnectTimer = null;
    this.heartbeat = null;
  }

  private dispatch(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(raw);
    } catch {
      return;
    }
    if (msg.type === 'error') {
      this.opts.onServerError?.(String(msg.message ?? msg.detail ?? 'stream error'));
      return;
    }
    if (msg.type !== 'data') return;
    const data = msg as unknown as DataMessage;
    const key = msg.key as string | undefined;
    for (const e of this.entries.values()) {
      if (e.spec.channel !== data.channel) continue;
      if (e.spec.key !== undefined && key !== undefined && e.spec.key !== key) continue;
      if (e.spec.extra) {
        const payload = (msg.data ?? {}) as Record<string, unknown>;
        const mismatch = Object.entries(e.spec.extra).some(([k, v]) => {
          const got = msg[k] ?? payload[k];
          return got !== undefined && String(got) !== v;
        });
        if (mismatch) continue;
      }
      for (const l of e.listeners) l(data.data, data);
    }
  }
}
