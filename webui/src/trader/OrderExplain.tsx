import { orders } from '../api/endpoints';
import { readOrder } from '../api/read';
import { useAsync } from '../components/hooks';
import { rules } from '../admin/rulesApi';
import { Badge, ErrorBanner, Spinner } from '../components/ui';
import { formatIstDateTime, formatPrice, formatQty } from '../lib/format';

type Obj = Record<string, unknown>;

function arr(v: unknown): Obj[] {
  return Array.isArray(v) ? (v as Obj[]) : [];
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Why an order is where it is: the signal behind it, the rules that fired, the versions used, its state history. */
export function OrderExplain({ id }: { id: string }) {
  const r = useAsync(
    async (signal) => {
      const order = await orders.get(id, { signal });
      // an order that names its rule decision: fetch the stored explanation (versions, fired rules, facts)
      const decisionId = (order.decisionId ?? order.riskDecisionId) as string | undefined;
      if (decisionId && !order.decision && !order.decisions) {
        try {
          order.decision = await rules.explain(decisionId, { signal });
        } catch {
          /* the order's own fields still explain it */
        }
      }
      return order;
    },
    [id],
    { pollMs: 10_000 },
  );
  if (r.loading && !r.data) return <Spinner label="Loading the order" />;
  if (r.error && !r.data) return <ErrorBanner error={r.error} action="load the order" onRetry={r.reload} />;
  const raw = (r.data ?? {}) as Obj;
  const o = readOrder(raw);
  const decisions = arr(raw.decisions).length ? arr(raw.decisions) : raw.decision ? [raw.decision as Obj] : [];
  const explain = (raw.explanation ?? raw.explain ?? {}) as Obj;
  const signal = (raw.signal ?? explain.signal) as Obj | undefined;
  const history = arr(raw.history ?? raw.events ?? raw.transitions);
  const fills = arr(raw.fills ?? raw.trades);
  return (
    <div class="explain" data-testid="order-explain">
      <dl class="kv">
        <dt>Order</dt>
        <dd>
          {o.id} {o.clientOrderId ? <span class="muted small">client id {o.clientOrderId}</span> : null}
        </dd>
        <dt>What</dt>
        <dd>
          <span class={o.side === 'BUY' ? 'buy-text' : 'sell-text'}>{o.side}</span> {formatQty(o.quantity)} {o.instrument} · {o.orderType} {o.product} {o.validity}
          {o.price ? ` @ ${formatPrice(o.price)}` : ''}
          {o.triggerPrice ? ` trigger ${formatPrice(o.triggerPrice)}` : ''}
        </dd>
        <dt>Status</dt>
        <dd>
          <Badge value={o.status} /> {o.reason && <span class="decision-reason">{o.reason}</span>}
        </dd>
        <dt>Filled</dt>
        <dd>
          {formatQty(o.filledQuantity)} / {formatQty(o.quantity)}
          {o.averagePrice ? ` at avg ${formatPrice(o.averagePrice)}` : ''}
        </dd>
        <dt>Source</dt>
        <dd>{o.strategy ? `strategy ${o.strategy}` : 'manual (order ticket)'}</dd>
      </dl>
      {signal && (
        <>
          <h3>Signal</h3>
          <dl class="kv small">
            {Object.entries(signal).map(([k, v]) => (
              <>
                <dt key={`${k}t`}>{k}</dt>
                <dd key={`${k}d`}>{text(v)}</dd>
              </>
            ))}
          </dl>
        </>
      )}
      <h3>Rule decisions</h3>
      {decisions.length === 0 ? (
        <p class="muted">No rule decision recorded for this order.</p>
      ) : (
        decisions.map((d, i) => {
          const fired = arr(d.rulesFired ?? d.firedRules ?? d.rules).length ? arr(d.rulesFired ?? d.firedRules ?? d.rules) : ((d.rulesFired ?? d.firedRules ?? []) as unknown[]);
          const versions = (d.versions ?? d.ruleSetVersions ?? d.ruleSets ?? {}) as Obj | Obj[];
          const facts = (d.facts ?? d.keyFacts ?? d.factValues ?? {}) as Obj;
          return (
            <div class="decision-card" key={i}>
              <div>
                <strong>{text(d.kind ?? d.stage ?? d.ruleSet ?? 'decision')}</strong> <Badge value={text(d.outcome ?? d.action ?? d.result ?? d.decision)} />{' '}
                {d.reason ? <span>{text(d.reason)}</span> : null}
                {d.ruleName ? <span class="small muted"> (rule “{text(d.ruleName)}”)</span> : null}
              </div>
              <div class="small">
                Rules fired: {Array.isArray(fired) && fired.length ? fired.map((f) => (typeof f === 'string' ? f : text((f as Obj).name ?? f))).join(', ') : 'none'}
              </div>
              <div class="small muted">
                Versions:{' '}
                {Array.isArray(versions)
                  ? versions.map((v) => `${text(v.kind)} v${text(v.version)}`).join(', ') || '—'
                  : Object.entries(versions).map(([k, v]) => `${k} v${text(v)}`).join(', ') || text(d.version ?? d.ruleSetVersion)}
              </div>
              {Object.keys(facts).length > 0 && (
                <dl class="kv small">
                  {Object.entries(facts).map(([k, v]) => (
                    <>
                      <dt key={`${k}t`}>{k}</dt>
                      <dd key={`${k}d`}>{text(v)}</dd>
                    </>
                  ))}
                </dl>
              )}
            </div>
          );
        })
      )}
      {history.length > 0 && (
        <>
          <h3>History</h3>
          <ol class="timeline">
            {history.map((h, i) => (
              <li key={i}>
                <span class="small muted">{formatIstDateTime(text(h.time ?? h.occurredAt ?? h.at))}</span> <Badge value={text(h.status ?? h.state ?? h.to)} /> {h.reason || h.detail ? <span class="small">{text(h.reason ?? h.detail)}</span> : null}
              </li>
            ))}
          </ol>
        </>
      )}
      {fills.length > 0 && (
        <>
          <h3>Fills</h3>
          <ul class="plain small">
            {fills.map((f, i) => (
              <li key={i}>
                {formatIstDateTime(text(f.time ?? f.filledAt ?? f.occurredAt))}: {text(f.quantity)} @ {formatPrice(Number(f.price))}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
