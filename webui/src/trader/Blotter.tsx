import { useEffect, useState } from 'preact/hooks';
import { orders, portfolio } from '../api/endpoints';
import { readOrder, readPosition, readTrade } from '../api/read';
import type { OrderDto, PositionDto, TradeDto } from '../api/types';
import { useAsync } from '../components/hooks';
import { Badge, Button, Empty, ErrorBanner, Spinner, Tabs, toast, tone, Unavailable } from '../components/ui';
import { subscribe } from '../app/live';
import { formatInr, formatIstTime, formatPrice, formatQty, formatSignedInr } from '../lib/format';
import { friendlyMessage } from '../lib/problem';
import { Link } from '../app/router';
import { quoteOf } from './marketStore';

const OPEN_STATES = new Set(['NEW', 'PENDING_SUBMIT', 'OPEN', 'PARTIALLY_FILLED', 'UNKNOWN', 'HELD', 'PENDING_APPROVAL', 'TRIGGER_PENDING']);

export function isOpen(o: OrderDto): boolean {
  return OPEN_STATES.has(o.status.toUpperCase());
}

/** Merges a streamed order update into the list (newest first). */
export function mergeOrder(list: OrderDto[] | undefined, o: OrderDto): OrderDto[] {
  const cur = list ?? [];
  const i = cur.findIndex((x) => x.id === o.id);
  if (i < 0) return [o, ...cur];
  const next = [...cur];
  next[i] = { ...cur[i], ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) } as OrderDto;
  return next;
}

export function useLiveOrders(limit = 200) {
  const state = useAsync((signal) => orders.list({ limit: String(limit) }, { signal }), [], { pollMs: 30_000 });
  useEffect(() => {
    if (state.unavailable) return;
    return subscribe({ channel: 'orders' }, (data) => state.setData((old) => mergeOrder(old, readOrder(data))));
  }, [state.unavailable]);
  return state;
}

export function useLivePositions() {
  const state = useAsync((signal) => portfolio.positions({ signal }), [], { pollMs: 15_000 });
  useEffect(() => {
    if (state.unavailable) return;
    return subscribe({ channel: 'positions' }, (data) => {
      const p = readPosition(data);
      state.setData((old) => {
        const cur = old ?? [];
        const i = cur.findIndex((x) => x.instrument === p.instrument && (x.account ?? '') === (p.account ?? '') && (x.product ?? '') === (p.product ?? ''));
        if (i < 0) return [...cur, p];
        const next = [...cur];
        next[i] = p;
        return next;
      });
    });
  }, [state.unavailable]);
  return state;
}

export function OrdersTable({ list, compact, onSelect, selectedId }: { list: OrderDto[]; compact?: boolean; onSelect?: (o: OrderDto) => void; selectedId?: string | null }) {
  const [cancelling, setCancelling] = useState<string | null>(null);
  async function cancel(o: OrderDto) {
    setCancelling(o.id);
    try {
      await orders.cancel(o.id);
      toast(`Cancel requested for order ${o.id}`, 'info');
    } catch (e) {
      toast(friendlyMessage(e, 'cancel the order'), 'error');
    } finally {
      setCancelling(null);
    }
  }
  if (!list.length) return <Empty>No orders yet.</Empty>;
  return (
    <div class="table-wrap">
      <table class={`table ${compact ? 'compact' : ''}`} aria-label="Orders" id="orders-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Instrument</th>
            <th scope="col">Side</th>
            <th scope="col">Type</th>
            <th scope="col" class="num">Qty</th>
            <th scope="col" class="num">Filled</th>
            <th scope="col" class="num">Price</th>
            <th scope="col" class="num">Avg</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((o) => (
            <tr key={o.id} data-order={o.id} data-status={o.status} class={selectedId === o.id ? 'selected' : ''}>
              <td class="small">{formatIstTime(o.createdAt ?? o.updatedAt)}</td>
              <td>{o.instrument}</td>
              <td class={o.side === 'BUY' ? 'buy-text' : 'sell-text'}>{o.side}</td>
              <td class="small">
                {o.orderType} {o.product} {o.validity}
              </td>
              <td class="num">{formatQty(o.quantity)}</td>
              <td class="num">{formatQty(o.filledQuantity)}</td>
              <td class="num">{o.price ? formatPrice(o.price) : o.triggerPrice ? `T ${formatPrice(o.triggerPrice)}` : 'MKT'}</td>
              <td class="num">{formatPrice(o.averagePrice)}</td>
              <td>
                <Badge value={o.status} />
              </td>
              <td class="wrap small">{o.reason ?? ''}</td>
              <td class="actions">
                {onSelect ? (
                  <Button class="btn-small" onClick={() => onSelect(o)}>
                    Explain
                  </Button>
                ) : (
                  <Link class="btn btn-small" href={`/orders?id=${encodeURIComponent(o.id)}`}>
                    Explain
                  </Link>
                )}
                {isOpen(o) && (
                  <Button class="btn-small btn-danger" busy={cancelling === o.id} onClick={() => void cancel(o)} aria-label={`Cancel order ${o.id}`}>
                    Cancel
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function livePnl(p: PositionDto): number | null {
  const q = quoteOf(p.instrument).value;
  if (q?.last != null && p.averagePrice != null && p.quantity) return (q.last - p.averagePrice) * p.quantity;
  return p.unrealisedPnl ?? null;
}

export function PositionsTable({ list }: { list: PositionDto[] }) {
  const open = list.filter((p) => p.quantity !== 0 || (p.realisedPnl ?? 0) !== 0);
  if (!open.length) return <Empty>No positions.</Empty>;
  let totalU = 0;
  let totalR = 0;
  for (const p of open) {
    totalU += livePnl(p) ?? 0;
    totalR += p.realisedPnl ?? 0;
  }
  return (
    <div class="table-wrap">
      <table class="table" aria-label="Positions" id="positions-table">
        <thead>
          <tr>
            <th scope="col">Instrument</th>
            <th scope="col">Product</th>
            <th scope="col" class="num">Qty</th>
            <th scope="col" class="num">Avg price</th>
            <th scope="col" class="num">LTP</th>
            <th scope="col" class="num">Unrealised P&amp;L</th>
            <th scope="col" class="num">Realised P&amp;L</th>
          </tr>
        </thead>
        <tbody>
          {open.map((p) => {
            const q = quoteOf(p.instrument).value;
            const u = livePnl(p);
            return (
              <tr key={`${p.account}-${p.instrument}-${p.product}`} data-position={p.instrument}>
                <th scope="row">{p.instrument}</th>
                <td>{p.product ?? '—'}</td>
                <td class={`num ${tone(p.quantity)}`}>{formatQty(p.quantity)}</td>
                <td class="num">{formatPrice(p.averagePrice)}</td>
                <td class="num">{formatPrice(q?.last ?? p.lastPrice)}</td>
                <td class={`num ${tone(u)}`}>{formatSignedInr(u)}</td>
                <td class={`num ${tone(p.realisedPnl)}`}>{formatSignedInr(p.realisedPnl)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Total
            </th>
            <td class={`num ${tone(totalU)}`}>{formatSignedInr(totalU)}</td>
            <td class={`num ${tone(totalR)}`}>{formatSignedInr(totalR)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function TradesTable({ list }: { list: TradeDto[] }) {
  if (!list.length) return <Empty>No trades yet.</Empty>;
  return (
    <div class="table-wrap">
      <table class="table compact" aria-label="Trades" id="trades-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Instrument</th>
            <th scope="col">Side</th>
            <th scope="col" class="num">Qty</th>
            <th scope="col" class="num">Price</th>
            <th scope="col" class="num">Value</th>
            <th scope="col" class="num">Charges</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {list.map((t, i) => (
            <tr key={t.id ?? i}>
              <td class="small">{formatIstTime(t.time)}</td>
              <td>{t.instrument}</td>
              <td class={t.side === 'BUY' ? 'buy-text' : 'sell-text'}>{t.side}</td>
              <td class="num">{formatQty(t.quantity)}</td>
              <td class="num">{formatPrice(t.price)}</td>
              <td class="num">{formatInr(t.quantity * t.price)}</td>
              <td class="num">{formatInr(t.fees)}</td>
              <td class="small">{t.orderId ? <Link href={`/orders?id=${encodeURIComponent(t.orderId)}`}>{t.orderId}</Link> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function useLiveTrades() {
  const state = useAsync((signal) => orders.trades({ signal }), [], { pollMs: 30_000 });
  useEffect(() => {
    if (state.unavailable) return;
    return subscribe({ channel: 'fills' }, (data) => state.setData((old) => [readTrade(data), ...(old ?? [])]));
  }, [state.unavailable]);
  return state;
}

/** The workspace's bottom panel: open orders, all orders, trades, positions. */
export function Blotter() {
  const [tab, setTab] = useState<'open' | 'orders' | 'trades' | 'positions'>('positions');
  const o = useLiveOrders();
  const p = useLivePositions();
  const t = useLiveTrades();
  const openList = (o.data ?? []).filter(isOpen);
  return (
    <div class="blotter">
      <Tabs
        label="Blotter"
        value={tab}
        onChange={setTab}
        tabs={[
          ['positions', `Positions${p.data ? ` (${p.data.filter((x) => x.quantity !== 0).length})` : ''}`],
          ['open', `Open orders${o.data ? ` (${openList.length})` : ''}`],
          ['orders', 'All orders'],
          ['trades', 'Trades'],
        ]}
      />
      <div role="tabpanel" aria-labelledby={`tab-${tab}`} class="blotter-body">
        {tab === 'positions' && (p.unavailable ? <Unavailable feature="Positions" /> : p.error && !p.data ? <ErrorBanner error={p.error} action="load positions" onRetry={p.reload} /> : p.data ? <PositionsTable list={p.data} /> : <Spinner />)}
        {(tab === 'open' || tab === 'orders') &&
          (o.unavailable ? <Unavailable feature="Orders" /> : o.error && !o.data ? <ErrorBanner error={o.error} action="load orders" onRetry={o.reload} /> : o.data ? <OrdersTable compact list={tab === 'open' ? openList : o.data} /> : <Spinner />)}
        {tab === 'trades' && (t.unavailable ? <Unavailable feature="Trades" /> : t.error && !t.data ? <ErrorBanner error={t.error} action="load trades" onRetry={t.reload} /> : t.data ? <TradesTable list={t.data} /> : <Spinner />)}
      </div>
    </div>
  );
}
