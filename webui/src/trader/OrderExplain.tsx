import { useEffect, useRef } from 'preact/hooks';
import { orders } from '../api/endpoints';
import { useAsync } from '../components/hooks';
import { Badge, Empty, ErrorBanner, Spinner } from '../components/ui';
import { formatInr, formatIstDateTime, formatIstTime, formatPrice, formatQty } from '../lib/format';
import { describeHistory, readExplanation, statusText } from '../lib/orders';
import { subscribe } from '../app/live';
import { Link } from '../app/router';
import { accountLabel } from './accounts';
import { OrderActions, OrdersTable } from './Blotter';

/**
 * One order in full: its terms, where it is and how it got there (the journaled history), its
 * fills, the child orders of an execution algorithm, and the rule decision that let it through or
 * stopped it (fired rules, rule-set versions, the facts the rules saw). Follows the live stream.
 */
export function OrderExplain({ id }: { id: string }) {
  const r = useAsync((signal) => orders.get(id, { signal }), [id], { pollMs: 15_000 });
  const account = r.data?.order.accountId;
  const childIds = (r.data?.children ?? []).map((c) => c.id).join(',');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!account) return;
    const related = (orderId: unknown, parentId?: unknown) => orderId === id || parentId === id || childIds.split(',').includes(String(orderId));
    const soon = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(r.reload, 250);
    };
    const offOrders = subscribe({ channel: 'orders', key: account }, (d) => {
      const o = (d ?? {}) as Record<string, unknown>;
      if (related(o.id, o.parentId)) soon();
    });
    const offFills = subscribe({ channel: 'fills', key: account }, (d) => {
      const f = (d ?? {}) as Record<string, unknown>;
      if (related(f.orderId)) soon();
    });
    return () => {
      offOrders();
      offFills();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [account, id, childIds]);

  if (r.loading && !r.data) return <Spinner label="Loading the order" />;
  if (r.error && !r.data) return <ErrorBanner error={r.error} action={`load order ${id}`} onRetry={r.reload} />;
  if (!r.data) return null;
  const { order: o, history, fills, children } = r.data;
  const explanation = readExplanation(r.data.explanation);
  const events = describeHistory(history, o.status);
  const params = Object.entries(o.algorithmParameters ?? {});
  return (
    <div class="explain" data-testid="order-detail" data-status={o.status}>
      <dl class="kv">
        <dt>Order</dt>
        <dd>
          {o.id} {o.clientOrderId ? <span class="muted small">client id {o.clientOrderId}</span> : null}
        </dd>
        <dt>Status</dt>
        <dd>
          <Badge value={o.status} /> <span class="small muted">{statusText(o.status)}</span>
          {o.reason && <div class="decision-reason">{o.reason}</div>}
        </dd>
        <dt>What</dt>
        <dd>
          <span class={o.side === 'BUY' ? 'buy-text' : 'sell-text'}>{o.side}</span> {formatQty(o.quantity)} {o.instrument} · {o.orderType} {o.product} {o.validity}
          {o.price ? ` @ ₹${formatPrice(o.price)}` : ''}
          {o.triggerPrice ? ` · trigger ₹${formatPrice(o.triggerPrice)}` : ''}
        </dd>
        <dt>Filled</dt>
        <dd>
          {formatQty(o.filledQuantity)} of {formatQty(o.quantity)}
          {o.averagePrice ? ` at an average of ₹${formatPrice(o.averagePrice)}` : ''}
        </dd>
        <dt>Charges</dt>
        <dd>{formatInr(o.charges)}</dd>
        <dt>Account</dt>
        <dd>{accountLabel(o.accountId)}</dd>
        <dt>Execution</dt>
        <dd>
          {o.algorithm ?? 'DIRECT'}
          {params.length ? <span class="small muted"> ({params.map(([k, v]) => `${k} ${v}`).join(', ')})</span> : null}
        </dd>
        {o.parentId && (
          <>
            <dt>Parent</dt>
            <dd>
              <Link href={`/orders?id=${encodeURIComponent(o.parentId)}`}>{o.parentId}</Link>
            </dd>
          </>
        )}
        <dt>Source</dt>
        <dd>{o.strategyId ? `strategy ${o.strategyId}` : `placed by ${o.createdBy ?? 'a trader'}`}</dd>
        {o.brokerOrderId && (
          <>
            <dt>Broker id</dt>
            <dd class="mono">{o.brokerOrderId}</dd>
          </>
        )}
        <dt>Placed</dt>
        <dd>{formatIstDateTime(o.createdAt)}</dd>
        <dt>Last change</dt>
        <dd>{formatIstDateTime(o.updatedAt)}</dd>
      </dl>
      <div class="row">
        <OrderActions order={o} detailLink={false} />
      </div>

      <h3>Rule decision</h3>
      {explanation ? (
        <div class="decision-card" data-testid="rule-explanation">
          <div>
            <Badge value={explanation.outcome} tone={explanation.outcome === 'REJECT' ? 'bad' : explanation.outcome === 'HOLD_FOR_APPROVAL' ? 'warn' : 'good'} />{' '}
            {explanation.rule ? <strong>rule “{explanation.rule}”</strong> : <span>no rule objected</span>}
            {explanation.reason ? <span>: {explanation.reason}</span> : null}
          </div>
          <div class="small">Rules fired: {explanation.firedRules.length ? explanation.firedRules.join(', ') : 'none'}</div>
          <div class="small muted">
            Rule sets: {explanation.versions.join(', ') || '—'} · decided {formatIstDateTime(explanation.decidedAt)}
            {explanation.elapsedMicros !== null ? ` in ${(explanation.elapsedMicros / 1000).toFixed(1)} ms` : ''}
          </div>
          {explanation.facts !== null && (
            <details>
              <summary class="small">What the rules saw</summary>
              <pre class="code small">{JSON.stringify(explanation.facts, null, 2)}</pre>
            </details>
          )}
        </div>
      ) : o.decision ? (
        <p>
          <Badge value={o.decision} /> {o.decisionRule ? `rule “${o.decisionRule}”` : ''}
        </p>
      ) : (
        <p class="muted">No rule decision recorded for this order.</p>
      )}

      <h3>State history</h3>
      {events.length === 0 ? (
        <p class="muted">No history yet.</p>
      ) : (
        <ol class="timeline" aria-label="State history">
          {events.map((h, i) => (
            <li key={i} data-event={h.type} data-status={h.status ?? undefined}>
              <span class="small muted">{formatIstTime(h.at)}</span> {h.status ? <Badge value={h.status} /> : null} <span class="small">{h.text}</span>
            </li>
          ))}
        </ol>
      )}

      <h3>Fills</h3>
      {fills.length === 0 ? (
        <p class="muted">No fills.</p>
      ) : (
        <table class="table compact" aria-label="Fills of this order">
          <thead>
            <tr>
              <th scope="col">Time (IST)</th>
              <th scope="col" class="num">Qty</th>
              <th scope="col" class="num">Price</th>
              <th scope="col" class="num">Value</th>
              <th scope="col" class="num">Charges</th>
            </tr>
          </thead>
          <tbody>
            {fills.map((f, i) => (
              <tr key={f.id ?? i}>
                <td>{formatIstTime(f.time)}</td>
                <td class="num">{formatQty(f.quantity)}</td>
                <td class="num">{formatPrice(f.price)}</td>
                <td class="num">{formatInr(f.quantity * f.price)}</td>
                <td class="num">{formatInr(f.fees)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {(children.length > 0 || (o.algorithm && o.algorithm !== 'DIRECT')) && (
        <>
          <h3>Child orders</h3>
          {children.length ? <OrdersTable compact list={children} label="Child orders" /> : <Empty>No child orders yet.</Empty>}
        </>
      )}
    </div>
  );
}
