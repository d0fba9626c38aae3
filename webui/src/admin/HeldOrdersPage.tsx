import { useState } from 'preact/hooks';
import { orders } from '../api/endpoints';
import type { OrderDto } from '../api/types';
import { useAction, useAsync } from '../components/hooks';
import { Badge, Button, Empty, ErrorBanner, Modal, Panel, Spinner, toast, Unavailable } from '../components/ui';
import { formatInr, formatIstDateTime, formatPrice, formatQty } from '../lib/format';
import { friendlyMessage } from '../lib/problem';
import { hasRole, me } from '../app/session';
import { Link } from '../app/router';

/** The rupee value the rules judged: quantity × (limit, else trigger, else average) price. */
export function heldValue(o: OrderDto): number | null {
  const px = o.price ?? o.triggerPrice ?? o.averagePrice ?? null;
  return px === null ? null : px * o.quantity;
}

/**
 * Orders the workflow rules held for a person's approval (GET /orders?status=HELD). A risk
 * officer approves (the order goes on to the broker) or declines with a reason (it is rejected);
 * nobody approves an order they placed themselves.
 */
export function HeldOrdersPage() {
  const held = useAsync((signal) => orders.list({ status: 'HELD', limit: 500 }, { signal }), [], { pollMs: 5_000 });
  const [declining, setDeclining] = useState<OrderDto | null>(null);
  const mayDecide = hasRole('RISK_OFFICER');
  const approve = useAction(async (o: OrderDto) => {
    const after = await orders.approve(o.id);
    toast(`Order ${o.id} approved: it is ${after.status.toLowerCase().replace(/_/g, ' ')}.`, 'ok');
    held.setData((old) => (old ?? []).filter((x) => x.id !== o.id));
    held.reload();
  });
  const list = held.data ?? [];
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Held orders</h1>
        {held.loading && <Spinner />}
      </div>
      {held.unavailable ? (
        <Unavailable feature="Order approval" />
      ) : (
        <Panel title={`Waiting for approval${held.data ? ` (${list.length})` : ''}`}>
          <p class="small muted">
            Workflow rules hold orders that need a second look (for example, above the approval threshold). Approving sends the order to its broker; declining rejects it with your reason. {mayDecide ? 'You cannot approve an order you placed yourself.' : 'Only a risk officer can approve or decline.'}
          </p>
          <ErrorBanner error={held.error} action="load the held orders" onRetry={held.reload} />
          <ErrorBanner error={approve.error} action="approve the order" />
          {!held.data ? (
            !held.error && <Spinner />
          ) : list.length === 0 ? (
            <Empty>No orders are waiting for approval.</Empty>
          ) : (
            <div class="table-wrap">
              <table class="table" aria-label="Held orders" id="held-orders">
                <thead>
                  <tr>
                    <th scope="col">Placed (IST)</th>
                    <th scope="col">By</th>
                    <th scope="col">Account</th>
                    <th scope="col">Order</th>
                    <th scope="col" class="num">Value</th>
                    <th scope="col">Why held</th>
                    <th scope="col">
                      <span class="sr-only">Decision</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((o) => (
                    <tr key={o.id} data-order={o.id}>
                      <td class="small">{formatIstDateTime(o.createdAt)}</td>
                      <td>{o.createdBy ?? '—'}</td>
                      <td class="small">#{o.accountId}</td>
                      <td>
                        <span class={o.side === 'BUY' ? 'buy-text' : 'sell-text'}>{o.side}</span> {formatQty(o.quantity)} {o.instrument} · {o.orderType}
                        {o.price ? ` @ ${formatPrice(o.price)}` : ''} {o.product}
                        {o.algorithm && o.algorithm !== 'DIRECT' ? <Badge value={o.algorithm} tone="info" /> : null}
                        <div>
                          <Link class="small" href={`/orders?id=${encodeURIComponent(o.id)}`}>
                            Order {o.id}: details
                          </Link>
                        </div>
                      </td>
                      <td class="num">{formatInr(heldValue(o))}</td>
                      <td class="wrap small">
                        {o.reason || '—'}
                        {o.decisionRule ? <div class="muted">rule “{o.decisionRule}”</div> : null}
                      </td>
                      <td class="actions">
                        {mayDecide && (
                          <>
                            <Button
                              class="btn-small btn-primary"
                              busy={approve.busy}
                              disabled={o.createdBy === me.value?.username}
                              title={o.createdBy === me.value?.username ? 'You placed this order: another risk officer must approve it' : undefined}
                              onClick={() => void approve.run(o)}
                              aria-label={`Approve order ${o.id}`}
                            >
                              Approve
                            </Button>
                            <Button class="btn-small btn-danger" onClick={() => setDeclining(o)} aria-label={`Decline order ${o.id}`}>
                              Decline…
                            </Button>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
      )}
      <Modal open={declining !== null} title={declining ? `Decline order ${declining.id}` : 'Decline'} onClose={() => setDeclining(null)}>
        {declining && (
          <DeclineForm
            order={declining}
            onDone={(ok) => {
              if (ok) {
                held.setData((old) => (old ?? []).filter((x) => x.id !== declining.id));
                held.reload();
              }
              setDeclining(null);
            }}
          />
        )}
      </Modal>
    </main>
  );
}

function DeclineForm({ order, onDone }: { order: OrderDto; onDone: (declined: boolean) => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    if (!reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await orders.decline(order.id, reason.trim());
      toast(`Order ${order.id} declined.`, 'ok');
      onDone(true);
    } catch (e2) {
      setError(friendlyMessage(e2, 'decline the order'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit}>
      <p>
        {order.side} {formatQty(order.quantity)} {order.instrument} for {order.createdBy ?? 'the trader'}. The trader sees your reason on the rejected order.
      </p>
      <div class="field">
        <label for="decline-reason">Reason</label>
        <input id="decline-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} required />
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="row-end">
        <Button onClick={() => onDone(false)}>Keep it held</Button>
        <Button type="submit" class="btn-danger" busy={busy} disabled={!reason.trim()}>
          Decline the order
        </Button>
      </div>
    </form>
  );
}
