// Orders, fills and positions of the trader's accounts: a REST snapshot, then every event of the
// `orders`, `fills` and `positions` WebSocket channels (keyed by account id, delivered in order),
// and a fresh snapshot after every reconnect (events sent while disconnected are not replayed).
import { useEffect, useRef } from 'preact/hooks';
import { orders, portfolio } from '../api/endpoints';
import { readOrder, readPosition, readTrade } from '../api/read';
import type { OrderDto, PositionDto, TradeDto } from '../api/types';
import { useAsync, type AsyncState } from '../components/hooks';
import { liveState, subscribe } from '../app/live';
import { mergeOrder, mergeOrders, mergePosition, mergeTrade } from '../lib/orders';
import { accountIds } from './accounts';

/** null = every account the user may see. */
export type Scope = string | null;

/** The account ids to stream for a scope: the one chosen, else all of the trader's. */
export function streamKeys(scope: Scope, own: string[]): string[] {
  if (scope) return [scope];
  return [...new Set(own)];
}

/** Subscribes `channel` for each account in `keys`; calls `onData` with every event. */
function useAccountChannel(channel: string, keys: string[], enabled: boolean, onData: (data: unknown) => void) {
  const handler = useRef(onData);
  handler.current = onData;
  const joined = keys.join(',');
  useEffect(() => {
    if (!enabled || !keys.length) return;
    const offs = keys.map((key) => subscribe({ channel, key }, (d) => handler.current(d)));
    return () => offs.forEach((off) => off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, joined, enabled]);
}

/** Reloads after the live connection comes back (what happened meanwhile was not streamed). */
function useReloadOnReconnect(reload: () => void) {
  const state = liveState.value;
  const was = useRef(state);
  useEffect(() => {
    if (state === 'open' && was.current !== 'open' && was.current !== 'idle' && was.current !== 'connecting') reload();
    was.current = state;
  }, [state, reload]);
}

function inScope<T extends { accountId?: string }>(scope: Scope, x: T): boolean {
  return !scope || x.accountId === scope;
}

export function useLiveOrders(scope: Scope, query: Record<string, string | number | boolean> = {}, limit = 300): AsyncState<OrderDto[]> {
  const current = useRef<OrderDto[] | undefined>(undefined);
  const q = JSON.stringify(query);
  const state = useAsync(
    async (signal) => mergeOrders(current.current, await orders.list({ limit, accountId: scope ?? undefined, ...query }, { signal })),
    [scope, q, limit],
    { pollMs: 30_000 },
  );
  current.current = state.data;
  useEffect(() => {
    current.current = undefined;
  }, [scope, q]);
  const keys = streamKeys(scope, accountIds.value);
  useAccountChannel('orders', keys, !state.unavailable, (data) => {
    const o = readOrder(data);
    if (inScope(scope, o)) state.setData((old) => mergeOrder(old, o));
  });
  useReloadOnReconnect(state.reload);
  return state;
}

export function useLiveTrades(scope: Scope, limit = 200): AsyncState<TradeDto[]> {
  const current = useRef<TradeDto[] | undefined>(undefined);
  const state = useAsync(
    async (signal) => {
      let list = await orders.trades({ limit, accountId: scope ?? undefined }, { signal });
      for (const t of current.current ?? []) list = mergeTrade(list, t);
      return list;
    },
    [scope, limit],
    { pollMs: 30_000 },
  );
  current.current = state.data;
  useEffect(() => {
    current.current = undefined;
  }, [scope]);
  useAccountChannel('fills', streamKeys(scope, accountIds.value), !state.unavailable, (data) => {
    const t = readTrade(data);
    if (inScope(scope, t)) state.setData((old) => mergeTrade(old, t));
  });
  useReloadOnReconnect(state.reload);
  return state;
}

export function useLivePositions(scope: Scope): AsyncState<PositionDto[]> {
  const state = useAsync((signal) => portfolio.positions({ accountId: scope ?? undefined }, { signal }), [scope], { pollMs: 15_000 });
  useAccountChannel('positions', streamKeys(scope, accountIds.value), !state.unavailable, (data) => {
    const p = readPosition(data);
    if (inScope(scope, p)) state.setData((old) => mergePosition(old, p));
  });
  useReloadOnReconnect(state.reload);
  return state;
}

/** Calls `fn` (debounced) after any fill of the scope's accounts: for figures the fill changes. */
export function useOnFill(scope: Scope, fn: () => void, delayMs = 400) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useAccountChannel('fills', streamKeys(scope, accountIds.value), true, () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(fn, delayMs);
  });
}
