import { useEffect, useMemo, useState } from 'preact/hooks';
import { market, orders } from '../api/endpoints';
import { readOrder } from '../api/read';
import type { InstrumentDto, OrderDto } from '../api/types';
import { Badge, Button, ErrorBanner, Field } from '../components/ui';
import { checkTicket, estimatedValue, needsPrice, needsTrigger, ORDER_TYPES, PRODUCTS, VALIDITIES, type OrderType, type Product, type Side, type TicketInput, type Validity } from '../lib/orderValidation';
import { formatInr, formatPrice } from '../lib/format';
import { instruments, quoteOf } from './marketStore';
import { accounts, selectedAccount } from './accounts';
import { ApiError } from '../lib/problem';

const TYPE_HELP: Record<OrderType, string> = {
  MARKET: 'Buy or sell at the best available price now.',
  LIMIT: 'Trade only at your price or better.',
  SL: 'Stop-loss limit: when the trigger is hit, a limit order is placed at your price.',
  'SL-M': 'Stop-loss market: when the trigger is hit, a market order is placed.',
};

/** window event asking the ticket to take a side and focus its quantity (F1 / F2). */
export const TICKET_EVENT = 'sharewise:ticket';

export interface Decision {
  status: string;
  reason: string | null;
  rules: string[];
  order: OrderDto | null;
}

/** What the server said about a placed order: its status and, if rejected or held, why. */
export function decisionOf(raw: unknown): Decision {
  const o = (raw ?? {}) as Record<string, unknown>;
  const order = readOrder(o);
  const d = (o.decision ?? o.ruleDecision ?? o.risk ?? {}) as Record<string, unknown>;
  const fired = (d.rulesFired ?? d.firedRules ?? o.rulesFired ?? d.rules ?? []) as unknown[];
  return {
    status: order.status || String(d.outcome ?? d.action ?? ''),
    reason: order.reason ?? ((d.reason ?? d.message ?? null) as string | null),
    rules: fired.map((r) => (typeof r === 'string' ? r : String((r as Record<string, unknown>).name ?? (r as Record<string, unknown>).rule ?? JSON.stringify(r)))),
    order,
  };
}

export function OrderTicket({ instrument }: { instrument: string }) {
  const [input, setInput] = useState<TicketInput>({
    side: 'BUY', orderType: 'LIMIT', product: 'CNC', validity: 'DAY', quantity: '1', price: '', triggerPrice: '',
  });
  const [touched, setTouched] = useState(false);
  const [details, setDetails] = useState<InstrumentDto | null>(instruments.get(instrument) ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const q = quoteOf(instrument).value;

  useEffect(() => {
    setDecision(null);
    setError(null);
    setInput((i) => ({ ...i, price: '', triggerPrice: '' }));
    const known = instruments.get(instrument);
    setDetails(known ?? null);
    if (known) return;
    const c = new AbortController();
    market.instrument(instrument, { signal: c.signal }).then((d) => {
      instruments.set(instrument, d);
      setDetails(d);
    }, () => {});
    return () => c.abort();
  }, [instrument]);

  useEffect(() => {
    const onTicket = (e: Event) => {
      const side = (e as CustomEvent<Side>).detail;
      setInput((i) => ({ ...i, side }));
      setTimeout(() => (document.querySelector('.ticket input[name=quantity]') as HTMLInputElement | null)?.select(), 0);
    };
    window.addEventListener(TICKET_EVENT, onTicket);
    return () => window.removeEventListener(TICKET_EVENT, onTicket);
  }, []);

  const rules = { tickSize: details?.tickSize ?? 0.05, lotSize: details?.lotSize ?? 1 };
  const check = useMemo(() => checkTicket(input, rules, q?.last ?? null), [input, rules.tickSize, rules.lotSize, q?.last]);
  const value =
    estimatedValue(check.order, q?.last ?? null) ??
    (() => {
      // before the ticket is complete: quantity × (price typed, else last price)
      const qty = Number(input.quantity);
      const px = Number(input.price) || Number(input.triggerPrice) || q?.last || 0;
      return Number.isFinite(qty) && qty > 0 && px > 0 ? qty * px : null;
    })();
  const set = (patch: Partial<TicketInput>) => setInput((i) => ({ ...i, ...patch }));
  const err = (f: keyof typeof check.errors) => (touched ? check.errors[f] : undefined);

  async function submit(e: Event) {
    e.preventDefault();
    setTouched(true);
    if (!check.order) return;
    setBusy(true);
    setError(null);
    setDecision(null);
    const key = crypto.randomUUID();
    try {
      const res = await orders.place({ ...check.order, instrument, account: selectedAccount.value ?? undefined }, key);
      setDecision(decisionOf(res));
    } catch (e2) {
      // a rule rejection may come back as an error status with the order in the body
      if (e2 instanceof ApiError && e2.status === 422 && (e2.problem as Record<string, unknown>).errors) {
        const errs = (e2.problem.errors ?? {}) as Record<string, unknown>;
        setDecision({ status: 'REJECTED', reason: e2.detail ?? null, rules: ((errs.rulesFired ?? errs.rules ?? []) as string[]).map(String), order: null });
      } else setError(e2);
    } finally {
      setBusy(false);
    }
  }

  const side = input.side;
  return (
    <form class={`ticket ticket-${side.toLowerCase()}`} onSubmit={submit} aria-label={`Order ticket for ${instrument}`} noValidate>
      <div class="ticket-head">
        <div class="seg side-toggle" role="radiogroup" aria-label="Side">
          {(['BUY', 'SELL'] as Side[]).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={side === s} class={`seg-btn ${side === s ? `on ${s.toLowerCase()}` : ''}`} onClick={() => set({ side: s })}>
              {s === 'BUY' ? 'Buy' : 'Sell'}
            </button>
          ))}
        </div>
        <div class="ticket-inst">
          <strong>{instrument}</strong>
          <span class="muted small">
            LTP {formatPrice(q?.last, rules.tickSize)} · tick {rules.tickSize} · lot {rules.lotSize}
          </span>
        </div>
      </div>
      {accounts.value.length > 1 && (
        <Field label="Account">
          {(id) => (
            <select id={id} value={selectedAccount.value ?? ''} onChange={(e) => (selectedAccount.value = e.currentTarget.value)}>
              {accounts.value.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name ?? a.id}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div class="seg type-toggle" role="radiogroup" aria-label="Order type">
        {ORDER_TYPES.map((t) => (
          <button key={t} type="button" role="radio" aria-checked={input.orderType === t} title={TYPE_HELP[t]} class={`seg-btn ${input.orderType === t ? 'on' : ''}`} onClick={() => set({ orderType: t })}>
            {t}
          </button>
        ))}
      </div>
      <p class="muted small">{TYPE_HELP[input.orderType]}</p>
      <div class="ticket-grid">
        <Field label="Quantity" error={err('quantity')} hint={rules.lotSize > 1 ? `Multiples of ${rules.lotSize}` : undefined}>
          {(id, d) => <input id={id} name="quantity" inputMode="numeric" aria-invalid={!!err('quantity')} aria-describedby={d} value={input.quantity} onInput={(e) => set({ quantity: e.currentTarget.value })} />}
        </Field>
        <Field label="Limit price (₹)" error={needsPrice(input.orderType) ? err('price') : undefined}>
          {(id, d) => (
            <input
              id={id}
              name="price"
              inputMode="decimal"
              disabled={!needsPrice(input.orderType)}
              placeholder={needsPrice(input.orderType) ? formatPrice(q?.last, rules.tickSize) : 'At market'}
              aria-invalid={!!err('price')}
              aria-describedby={d}
              value={needsPrice(input.orderType) ? input.price : ''}
              onInput={(e) => set({ price: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field label="Trigger price (₹)" error={needsTrigger(input.orderType) ? err('triggerPrice') : undefined}>
          {(id, d) => (
            <input
              id={id}
              name="triggerPrice"
              inputMode="decimal"
              disabled={!needsTrigger(input.orderType)}
              placeholder={needsTrigger(input.orderType) ? '' : 'Not needed'}
              aria-invalid={!!err('triggerPrice')}
              aria-describedby={d}
              value={needsTrigger(input.orderType) ? input.triggerPrice : ''}
              onInput={(e) => set({ triggerPrice: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field label="Product" error={err('product')}>
          {(id) => (
            <select id={id} name="product" value={input.product} onChange={(e) => set({ product: e.currentTarget.value as Product })}>
              {PRODUCTS.map((p) => (
                <option key={p} value={p}>
                  {p === 'CNC' ? 'CNC (delivery)' : p === 'MIS' ? 'MIS (intraday)' : 'NRML (carry forward)'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Validity" error={err('validity')}>
          {(id) => (
            <select id={id} name="validity" value={input.validity} onChange={(e) => set({ validity: e.currentTarget.value as Validity })}>
              {VALIDITIES.map((v) => (
                <option key={v} value={v}>
                  {v === 'DAY' ? 'DAY (till close)' : 'IOC (immediate or cancel)'}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {check.warnings.map((w) => (
        <p key={w} class="warn-text small" role="status">
          ⚠ {w}
        </p>
      ))}
      <div class="ticket-foot">
        <span class="muted">
          Approx. value <strong class="num">{formatInr(value)}</strong>
        </span>
        <Button type="submit" class={side === 'BUY' ? 'btn-buy' : 'btn-sell'} busy={busy}>
          {side === 'BUY' ? 'Buy' : 'Sell'} {instrument.split(':')[1] ?? instrument}
        </Button>
      </div>
      <div class="muted small keys" aria-hidden="true">
        F1 buy · F2 sell · F3 orders · / search
      </div>
      <ErrorBanner error={error} action="place the order" />
      {decision && <DecisionBox decision={decision} />}
    </form>
  );
}

export function DecisionBox({ decision }: { decision: Decision }) {
  const rejected = /REJECT/i.test(decision.status);
  const held = /HOLD|HELD|APPROVAL/i.test(decision.status);
  return (
    <div class={`decision ${rejected ? 'decision-bad' : held ? 'decision-warn' : 'decision-ok'}`} role={rejected ? 'alert' : 'status'} data-testid="order-decision">
      <div>
        <Badge value={decision.status || 'SENT'} /> {decision.order?.id ? <span class="muted small">order {decision.order.id}</span> : null}
      </div>
      {decision.reason && <p class="decision-reason">{rejected ? 'Rejected: ' : held ? 'Held: ' : ''}{decision.reason}</p>}
      {decision.rules.length > 0 && <p class="small muted">Rules: {decision.rules.join(', ')}</p>}
    </div>
  );
}
