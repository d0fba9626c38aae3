import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { market, orders } from '../api/endpoints';
import type { InstrumentDto, OrderDto, PositionDto, TradeDto } from '../api/types';
import { Badge, Button, Empty, ErrorBanner, Field, Modal, Spinner, Tabs, toast, tone, Unavailable } from '../components/ui';
import { formatInr, formatIstTime, formatPrice, formatQty, formatSignedInr } from '../lib/format';
import { friendlyMessage } from '../lib/problem';
import { canCancel, canModify, isOpen, statusText } from '../lib/orders';
import { checkModify, type ModifyInput } from '../lib/orderValidation';
import { Link } from '../app/router';
import { instruments, quoteOf } from './marketStore';
import { accountLabel, accounts } from './accounts';
import { useLiveOrders, useLivePositions, useLiveTrades, type Scope } from './liveData';
import type { AsyncState } from '../components/hooks';

export { isOpen };

/** Tick and lot size of an instrument: from the cache, else GET /instruments/{id}. */
export function useInstrumentRules(id: string): InstrumentDto | null {
  const [details, setDetails] = useState<InstrumentDto | null>(instruments.get(id) ?? null);
  useEffect(() => {
    const known = instruments.get(id);
    setDetails(known ?? null);
    if (known || !id) return;
    const c = new AbortController();
    market.instrument(id, { signal: c.signal }).then(
      (d) => {
        instruments.set(id, d);
        setDetails(d);
      },
      () => {},
    );
    return () => c.abort();
  }, [id]);
  return details;
}

function priceText(o: OrderDto): string {
  if (o.price) return formatPrice(o.price);
  if (o.triggerPrice) return `T ${formatPrice(o.triggerPrice)}`;
  return 'MKT';
}

function sideLabel(side: string): string {
  return side === 'SELL' ? 'Sell' : 'Buy';
}

/** Cancel and modify, for one order (the blotter and the order detail use it). */
export function OrderActions({ order, detailLink = true }: { order: OrderDto; detailLink?: boolean }) {
  const [cancelling, setCancelling] = useState(false);
  const [modifying, setModifying] = useState(false);
  const mine = !order.accountId || accounts.value.some((a) => a.id === order.accountId);
  const what = `${sideLabel(order.side).toLowerCase()} ${formatQty(order.quantity)} ${order.instrument}`;
  async function cancel() {
    setCancelling(true);
    try {
      const after = await orders.cancel(order.id);
      toast(after.status === 'CANCELLED' ? `Order ${order.id} (${what}) is cancelled.` : `Cancel requested for order ${order.id} (${what}).`, 'ok');
    } catch (e) {
      toast(friendlyMessage(e, `cancel order ${order.id}`), 'error');
    } finally {
      setCancelling(false);
    }
  }
  return (
    <>
      {detailLink && (
        <Link class="btn btn-small" href={`/orders?id=${encodeURIComponent(order.id)}`} aria-label={`Details of order ${order.id}`}>
          Details
        </Link>
      )}
      {mine && canModify(order) && (
        <Button class="btn-small" onClick={() => setModifying(true)} aria-label={`Modify order ${order.id}`}>
          Modify
        </Button>
      )}
      {mine && canCancel(order) && (
        <Button class="btn-small btn-danger" busy={cancelling} onClick={() => void cancel()} aria-label={`Cancel order ${order.id}`}>
          Cancel
        </Button>
      )}
      <Modal open={modifying} title={`Modify order ${order.id}`} onClose={() => setModifying(false)}>
        <ModifyForm order={order} onDone={() => setModifying(false)} />
      </Modal>
    </>
  );
}

function ModifyForm({ order, onDone }: { order: OrderDto; onDone: () => void }) {
  const details = useInstrumentRules(order.instrument);
  const rules = { tickSize: details?.tickSize ?? 0.05, lotSize: details?.lotSize ?? 1 };
  const [input, setInput] = useState<ModifyInput>({
    quantity: String(order.quantity),
    price: order.price != null ? String(order.price) : '',
    triggerPrice: order.triggerPrice != null ? String(order.triggerPrice) : '',
  });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const check = checkModify(order, input, rules);
  const type = order.orderType;
  const hasPrice = type === 'LIMIT' || type === 'SL';
  const hasTrigger = type === 'SL' || type === 'SL-M';
  const err = (f: keyof typeof check.errors) => (touched ? check.errors[f] : undefined);
  async function submit(e: Event) {
    e.preventDefault();
    setTouched(true);
    if (!check.change) return;
    setBusy(true);
    setError(null);
    try {
      await orders.modify(order.id, check.change);
      toast(`Order ${order.id} modified.`, 'ok');
      onDone();
    } catch (e2) {
      setError(e2);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={`New terms for order ${order.id}`}>
      <p class="small muted">
        {sideLabel(order.side)} {order.instrument} · {type} · filled {formatQty(order.filledQuantity)} of {formatQty(order.quantity)} · tick {rules.tickSize} · lot {rules.lotSize}
      </p>
      <Field label="New total quantity" error={err('quantity')}>
        {(id, d) => <input id={id} inputMode="numeric" aria-invalid={!!err('quantity')} aria-describedby={d} value={input.quantity} onInput={(e) => setInput({ ...input, quantity: e.currentTarget.value })} />}
      </Field>
      {hasPrice && (
        <Field label="Limit price (₹)" error={err('price')}>
          {(id, d) => <input id={id} inputMode="decimal" aria-invalid={!!err('price')} aria-describedby={d} value={input.price} onInput={(e) => setInput({ ...input, price: e.currentTarget.value })} />}
        </Field>
      )}
      {hasTrigger && (
        <Field label="Trigger price (₹)" error={err('triggerPrice')}>
          {(id, d) => <input id={id} inputMode="decimal" aria-invalid={!!err('triggerPrice')} aria-describedby={d} value={input.triggerPrice} onInput={(e) => setInput({ ...input, triggerPrice: e.currentTarget.value })} />}
        </Field>
      )}
      {touched && check.errors.form && <p class="field-error">{check.errors.form}</p>}
      <ErrorBanner error={error} action="modify the order" />
      <div class="row-end">
        <Button onClick={onDone}>Keep as is</Button>
        <Button type="submit" class="btn-primary" busy={busy}>
          Send changes
        </Button>
      </div>
    </form>
  );
}

export function OrdersTable({
  list, compact, onSelect, selectedId, showAccount, label = 'Orders', empty = 'No orders yet.',
}: {
  list: OrderDto[];
  compact?: boolean;
  onSelect?: (o: OrderDto) => void;
  selectedId?: string | null;
  showAccount?: boolean;
  label?: string;
  empty?: string;
}) {
  if (!list.length) return <Empty>{empty}</Empty>;
  return (
    <div class="table-wrap">
      <table class={`table ${compact ? 'compact' : ''}`} aria-label={label} id={compact ? undefined : 'orders-table'}>
        <thead>
          <tr>
            <th scope="col">Time (IST)</th>
            {showAccount && <th scope="col">Account</th>}
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
              {showAccount && <td class="small">{accountLabel(o.accountId)}</td>}
              <td>
                {o.instrument}
                {o.parentId ? <span class="muted small"> child</span> : null}
              </td>
              <td class={o.side === 'BUY' ? 'buy-text' : 'sell-text'}>{o.side}</td>
              <td class="small">
                {o.orderType} {o.product} {o.validity}
                {o.algorithm && o.algorithm !== 'DIRECT' ? <span class="badge badge-info algo">{o.algorithm.replace('_', ' ')}</span> : null}
              </td>
              <td class="num">{formatQty(o.quantity)}</td>
              <td class="num">{formatQty(o.filledQuantity)}</td>
              <td class="num">{priceText(o)}</td>
              <td class="num">{formatPrice(o.averagePrice)}</td>
              <td title={statusText(o.status)}>
                <Badge value={o.status} />
              </td>
              <td class="wrap small reason">
                {o.reason ?? ''}
                {o.decisionRule && (o.status === 'REJECTED' || o.status === 'HELD') ? <span class="muted"> (rule “{o.decisionRule}”)</span> : null}
              </td>
              <td class="actions">
                {onSelect ? (
                  <>
                    <Button class="btn-small" onClick={() => onSelect(o)} aria-label={`Details of order ${o.id}`}>
                      Details
                    </Button>
                    <OrderActions order={o} detailLink={false} />
                  </>
                ) : (
                  <OrderActions order={o} />
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

export function PositionsTable({ list, showAccount }: { list: PositionDto[]; showAccount?: boolean }) {
  const open = list.filter((p) => p.quantity !== 0 || (p.realisedPnl ?? 0) !== 0);
  if (!open.length) return <Empty>No positions.</Empty>;
  let totalU = 0;
  let totalR = 0;
  let totalC = 0;
  for (const p of open) {
    totalU += livePnl(p) ?? 0;
    totalR += p.realisedPnl ?? 0;
    totalC += p.charges ?? 0;
  }
  return (
    <div class="table-wrap">
      <table class="table" aria-label="Positions" id="positions-table">
        <thead>
          <tr>
            {showAccount && <th scope="col">Account</th>}
            <th scope="col">Instrument</th>
            <th scope="col">Product</th>
            <th scope="col" class="num">Qty</th>
            <th scope="col" class="num">Avg price</th>
            <th scope="col" class="num">LTP</th>
            <th scope="col" class="num">Value</th>
            <th scope="col" class="num">Unrealised P&amp;L</th>
            <th scope="col" class="num">Realised P&amp;L</th>
            <th scope="col" class="num">Charges</th>
          </tr>
        </thead>
        <tbody>
          {open.map((p) => {
            const q = quoteOf(p.instrument).value;
            const u = livePnl(p);
            const last = q?.last ?? p.lastPrice;
            return (
              <tr key={`${p.accountId}-${p.instrument}-${p.product}`} data-position={p.instrument} data-quantity={p.quantity}>
                {showAccount && <td class="small">{accountLabel(p.accountId)}</td>}
                <th scope="row">{p.instrument}</th>
                <td>{p.product ?? '—'}</td>
                <td class={`num ${tone(p.quantity)}`}>{formatQty(p.quantity)}</td>
                <td class="num">{formatPrice(p.averagePrice)}</td>
                <td class="num">{formatPrice(last)}</td>
                <td class="num">{formatInr(last != null ? Math.abs(p.quantity) * last : p.value)}</td>
                <td class={`num ${tone(u)}`}>{formatSignedInr(u)}</td>
                <td class={`num ${tone(p.realisedPnl)}`}>{formatSignedInr(p.realisedPnl)}</td>
                <td class="num">{formatInr(p.charges)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={showAccount ? 7 : 6}>
              Total
            </th>
            <td class={`num ${tone(totalU)}`}>{formatSignedInr(totalU)}</td>
            <td class={`num ${tone(totalR)}`}>{formatSignedInr(totalR)}</td>
            <td class="num">{formatInr(totalC)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function TradesTable({ list, showAccount }: { list: TradeDto[]; showAccount?: boolean }) {
  if (!list.length) return <Empty>No trades yet.</Empty>;
  return (
    <div class="table-wrap">
      <table class="table compact" aria-label="Trades" id="trades-table">
        <thead>
          <tr>
            <th scope="col">Time (IST)</th>
            {showAccount && <th scope="col">Account</th>}
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
            <tr key={`${t.accountId}-${t.id ?? i}`} data-trade={t.id}>
              <td class="small">{formatIstTime(t.time)}</td>
              {showAccount && <td class="small">{accountLabel(t.accountId)}</td>}
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

/** "All my accounts" or one of them; rendered only when there is more than one. */
export function ScopePicker({ scope, onChange, id = 'scope-account' }: { scope: Scope; onChange: (s: Scope) => void; id?: string }) {
  if (accounts.value.length < 2) return null;
  return (
    <span class="scope-picker">
      <label for={id}>Account</label>{' '}
      <select id={id} class="select-small" value={scope ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">All my accounts</option>
        {accounts.value.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name} (#{a.id})
          </option>
        ))}
      </select>
    </span>
  );
}

function body<T>(s: AsyncState<T>, feature: string, action: string, render: (d: T) => ComponentChildren) {
  if (s.unavailable) return <Unavailable feature={feature} />;
  if (s.error && !s.data) return <ErrorBanner error={s.error} action={action} onRetry={s.reload} />;
  if (!s.data) return <Spinner />;
  return render(s.data);
}

type BlotterTab = 'open' | 'orders' | 'trades' | 'positions';

/** The workspace's bottom panel: open orders, all orders, trades, positions, all live. */
export function Blotter() {
  const [tab, setTab] = useState<BlotterTab>('open');
  const [scope, setScope] = useState<Scope>(null);
  const o = useLiveOrders(scope);
  const p = useLivePositions(scope);
  const t = useLiveTrades(scope);
  const openList = (o.data ?? []).filter(isOpen);
  const many = accounts.value.length > 1 && !scope;
  return (
    <div class="blotter">
      <div class="blotter-head">
        <Tabs
          label="Blotter"
          value={tab}
          onChange={setTab}
          tabs={[
            ['open', `Open orders${o.data ? ` (${openList.length})` : ''}`],
            ['orders', `All orders${o.data ? ` (${o.data.length})` : ''}`],
            ['trades', 'Trades'],
            ['positions', `Positions${p.data ? ` (${p.data.filter((x) => x.quantity !== 0).length})` : ''}`],
          ]}
        />
        <ScopePicker scope={scope} onChange={setScope} id="blotter-account" />
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="blotter-body" data-testid="blotter">
        {tab === 'positions' && body(p, 'Positions', 'load positions', (d) => <PositionsTable list={d} showAccount={many} />)}
        {tab === 'open' && body(o, 'Orders', 'load orders', () => <OrdersTable compact label="Open orders" list={openList} showAccount={many} empty="No open orders." />)}
        {tab === 'orders' && body(o, 'Orders', 'load orders', (d) => <OrdersTable compact label="All orders" list={d} showAccount={many} />)}
        {tab === 'trades' && body(t, 'Trades', 'load trades', (d) => <TradesTable list={d} showAccount={many} />)}
      </div>
    </div>
  );
}
