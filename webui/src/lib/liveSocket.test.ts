import { describe, expect, it } from 'vitest';
import { LiveSocket, backoffDelayMs, type SocketLike, type Timers } from './liveSocket';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: any[] = [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(d: string) { this.sent.push(JSON.parse(d)); }
  close() { this.closed = true; this.readyState = 3; }
  open() { this.readyState = 1; this.onopen?.({}); }
  drop() { this.readyState = 3; this.onclose?.({ code: 1006, reason: '' }); }
  receive(msg: object) { this.onmessage?.({ data: JSON.stringify(msg) }); }
}

class FakeTimers implements Timers {
  t = 0;
  private seq = 0;
  tasks = new Map<number, { at: number; fn: () => void; every?: number }>();
  setTimeout(fn: () => void, ms: number) { const id = ++this.seq; this.tasks.set(id, { at: this.t + ms, fn }); return id; }
  clearTimeout(h: unknown) { this.tasks.delete(h as number); }
  setInterval(fn: () => void, ms: number) { const id = ++this.seq; this.tasks.set(id, { at: this.t + ms, fn, every: ms }); return id; }
  clearInterval(h: unknown) { this.tasks.delete(h as number); }
  now() { return this.t; }
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void; every?: number }] | undefined;
      for (const e of this.tasks) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.t = next[1].at;
      if (next[1].every) next[1].at += next[1].every; else this.tasks.delete(next[0]);
      next[1].fn();
    }
    this.t = end;
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const sockets: FakeSocket[] = [];
  const timers = new FakeTimers();
  const states: string[] = [];
  let n = 0;
  const live = new LiveSocket({
    url: () => `ws://node/ws?access_token=t${++n}`,
    create: (url) => { const s = new FakeSocket(url); sockets.push(s); return s; },
    timers,
    random: () => 0.5,
    pingEveryMs: 20_000,
    deadAfterMs: 50_000,
    onStateChange: (s) => states.push(s),
  });
  return { live, sockets, timers, states };
}

describe('backoff', () => {
  it('doubles from 0.5 s to a 30 s cap with ±20 % jitter', () => {
    expect(backoffDelayMs(0, () => 0.5)).toBe(500);
    expect(backoffDelayMs(3, () => 0.5)).toBe(4000);
    expect(backoffDelayMs(20, () => 0.5)).toBe(30_000);
    expect(backoffDelayMs(1, () => 0)).toBe(800);
    expect(backoffDelayMs(1, () => 1)).toBe(1200);
  });
});

describe('live socket', () => {
  it('subscribes once per key and delivers data to every listener', async () => {
    const { live, sockets } = setup();
    live.start();
    await flush();
    sockets[0].open();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = live.subscribe({ channel: 'quotes', key: 'NSE:INFY' }, (d) => a.push(d));
    live.subscribe({ channel: 'quotes', key: 'NSE:INFY' }, (d) => b.push(d));
    live.subscribe({ channel: 'quotes', key: 'NSE:TCS' }, () => {});
    expect(sockets[0].sent.filter((m) => m.action === 'subscribe')).toHaveLength(2);
    sockets[0].receive({ type: 'data', channel: 'quotes', key: 'NSE:INFY', data: { last: 1500 } });
    sockets[0].receive({ type: 'data', channel: 'quotes', key: 'NSE:TCS', data: { last: 4000 } });
    expect(a).toEqual([{ last: 1500 }]);
    expect(b).toEqual([{ last: 1500 }]);
    offA();
    expect(sockets[0].sent.some((m) => m.action === 'unsubscribe')).toBe(false);
  });

  it('unsubscribes when the last listener leaves', async () => {
    const { live, sockets } = setup();
    live.start();
    await flush();
    sockets[0].open();
    const off = live.subscribe({ channel: 'bars', key: 'NSE:INFY|1m' }, () => {});
    off();
    expect(sockets[0].sent.at(-1)).toEqual({ action: 'unsubscribe', channel: 'bars', key: 'NSE:INFY|1m' });
    expect(live.subscriptionCount).toBe(0);
  });

  it('reconnects with backoff after a drop and resubscribes everything', async () => {
    const { live, sockets, timers, states } = setup();
    live.subscribe({ channel: 'quotes', key: 'NSE:INFY' }, () => {});
    live.subscribe({ channel: 'orders' }, () => {});
    live.start();
    await flush();
    sockets[0].open();
    expect(sockets[0].sent).toHaveLength(2); // subscriptions made before the connection opened
    sockets[0].drop();
    expect(states.at(-1)).toBe('reconnecting');
    timers.advance(499);
    await flush();
    expect(sockets).toHaveLength(1);
    timers.advance(1);
    await flush();
    expect(sockets).toHaveLength(2);
    expect(sockets[1].url).toBe('ws://node/ws?access_token=t2'); // a fresh URL (fresh token) each time
    sockets[1].drop(); // refused again: the next wait doubles
    timers.advance(999);
    await flush();
    expect(sockets).toHaveLength(2);
    timers.advance(1);
    await flush();
    sockets[2].open();
    expect(states.at(-1)).toBe('open');
    expect(sockets[2].sent.map((m) => m.channel).sort()).toEqual(['orders', 'quotes']);
  });

  it('pings, and treats a silent connection as dead', async () => {
    const { live, sockets, timers } = setup();
    live.start();
    await flush();
    sockets[0].open();
    timers.advance(20_000);
    expect(sockets[0].sent).toContainEqual({ action: 'ping' });
    sockets[0].receive({ type: 'pong' });
    timers.advance(60_000); // no message for 60 s
    expect(sockets[0].closed).toBe(true);
    timers.advance(600);
    await flush();
    expect(sockets).toHaveLength(2);
  });

  it('reports server errors and ignores junk', async () => {
    const errors: string[] = [];
    const sockets: FakeSocket[] = [];
    const live = new LiveSocket({
      url: () => 'ws://x', create: (u) => { const s = new FakeSocket(u); sockets.push(s); return s; },
      timers: new FakeTimers(), onServerError: (m) => errors.push(m),
    });
    live.start();
    await flush();
    sockets[0].open();
    sockets[0].onmessage?.({ data: 'not json' });
    sockets[0].receive({ type: 'error', message: "unknown channel 'foo'" });
    expect(errors).toEqual(["unknown channel 'foo'"]);
  });

  it('hands a fresh token to the open connection, which keeps its subscriptions', async () => {
    const { live, sockets } = setup();
    expect(live.authenticate('fresh')).toBe(false); // nothing open to take it yet
    live.start();
    await flush();
    sockets[0].open();
    live.subscribe({ channel: 'quotes', key: 'NSE:INFY' }, () => {});

    expect(live.authenticate('fresh')).toBe(true);

    expect(sockets[0].sent.at(-1)).toEqual({ action: 'auth', token: 'fresh' });
    expect(sockets[0].closed).toBe(false);
    expect(sockets).toHaveLength(1);
  });

  it('connects again with a fresh token after the node closed an expired one', async () => {
    const { live, sockets, timers } = setup();
    live.start();
    await flush();
    sockets[0].open();
    live.subscribe({ channel: 'quotes', key: 'NSE:TCS' }, () => {});

    sockets[0].readyState = 3;
    sockets[0].onclose?.({ code: 4401, reason: 'token expired' });
    timers.advance(1_000);
    await flush();

    expect(sockets).toHaveLength(2);
    expect(sockets[1].url).toBe('ws://node/ws?access_token=t2');
    sockets[1].open();
    expect(sockets[1].sent).toContainEqual({ action: 'subscribe', channel: 'quotes', key: 'NSE:TCS' });
  });

  it('stop closes for good', async () => {
    const { live, sockets, timers } = setup();
    live.start();
    await flush();
    sockets[0].open();
    live.stop();
    timers.advance(60_000);
    await flush();
    expect(sockets).toHaveLength(1);
    expect(live.state).toBe('closed');
  });
});
