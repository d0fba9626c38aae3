import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { orders } from '../api/endpoints';
import { Badge, Button, ErrorBanner, Field, Notice } from '../components/ui';
import {
  ALGORITHM_PARAMS, ALGORITHMS, checkTicket, estimatedValue, needsPrice, needsTrigger, ORDER_TYPES, PARAM_DEFAULTS, PRODUCTS, toPlaceOrderBody, VALIDITIES,
  type AlgoParam, type Algorithm, type OrderType, type PlaceOrderBody, type Product, type Side, type TicketInput, type Validity,
} from '../lib/orderValidation';
import { decisionHeadline, decisionOf, outcomeUncertain, SubmissionKeys, type TicketDecision } from '../lib/orders';
import { formatInr, formatPrice } from '../lib/format';
import { quoteOf } from './marketStore';
import { accountLabel, accounts, accountsLoaded, loadAccounts, selectAccount, selectedAccount } from './accounts';
import { useInstrumentRules } from './Blotter';
import { Link } from '../app/router';

export { decisionOf };

const TYPE_HELP: Record<OrderType, string> = {
  MARKET: 'Buy or sell at the best available price now.',
  LIMIT: 'Trade only at your price or better.',
  SL: 'Stop-loss limit: when the trigger is hit, a limit order is placed at your price.',
  'SL-M': 'Stop-loss market: when the trigger is hit, a market order is placed.',
};

const ALGO_LABEL: Record<Algorithm, string> = {
  DIRECT: 'Direct: send the order as it is',
  BRACKET: 'Bracket: entry with target and stop-loss',
  TRAILING_STOP: 'Trailing stop: a stop that follows the price',
  ICEBERG: 'Iceberg: show a little at a time',
  TWAP: 'TWAP: equal slices over time',
  VWAP: 'VWAP: slices sized like the usual volume',
};

const PARAM_LABEL: Record<AlgoParam, string> = {
  target: 'Target price (₹)',
  stop: 'Stop-loss trigger (₹)',
  trail: 'Trail by (₹)',
  trailPercent: 'or trail by (%)',
  legs: 'Number of legs',
  legQuantity: 'or quantity per leg',
  minutes: 'Over how many minutes',
  slices: 'Number of slices',
  days: 'Days of volume history',
};

/** window event asking the ticket to take a side and focus its quantity (F1 / F2). */
export const TICKET_EVENT = 'sharewise:ticket';

export function OrderTicket({ instrument }: { instrument: string }) {
  const [input, setInput] = useState<TicketInput>({
    side: 'BUY', orderType: 'LIMIT', product: 'CNC', validity: 'DAY', quantity: '1', price: '', triggerPrice: '', algorithm: 'DIRECT', params: {},
  });
  const [touched, setTouched] = useState(false);
  const details = useInstrumentRules(instrument);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [retryable, setRetryable] = useState<PlaceOrderBody | null>(null);
  const [decision, setDecision] = useState<TicketDecision | null>(null);
  const keys = useRef(new SubmissionKeys());
  const q = quoteOf(instrument).value;

  useEffect(() => void loadAccounts(), []);
  useEffect(() => {
    setDecision(null);
    setError(null);
    setRetryable(null);
    setTouched(false);
    setInput((i) => ({ ...i, price: '', triggerPrice: '', params: {} }));
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
  const setParam = (k: AlgoParam, v: string) => setInput((i) => ({ ...i, params: { ...i.params, [k]: v } }));
  const err = (f: keyof typeof check.errors) => (touched ? check.errors[f] : undefined);
  const account = selectedAccount.value;
  const noAccount = accountsLoaded.value && accounts.value.length === 0;

  async function send(body: PlaceOrderBody) {
    setBusy(true);
    setError(null);
    setRetryable(null);
    setDecision(null);
    const key = keys.current.keyFor(JSON.stringify(body));
    try {
      const placed = await orders.place(body, key);
      keys.current.settle();
      setDecision(decisionOf(placed));
    } catch (e) {
      if (outcomeUncertain(e)) setRetryable(body);
      else keys.current.settle();
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    setTouched(true);
    if (!check.order) {
      setDecision(null);
      return;
    }
    const draft = check.order;
    let target = selectedAccount.value;
    if (!target && !accountsLoaded.value) {
      // the accounts are still on their way (first seconds after sign-in): wait for them
      setBusy(true);
      await loadAccounts();
      setBusy(false);
      target = selectedAccount.value;
    }
    if (!target) {
      setError(new Error(accountsLoaded.value ? 'you have no trading account; placing orders needs the trader role' : 'your accounts could not be loaded; try again in a moment'));
      return;
    }
    void send(toPlaceOrderBody(draft, target, instrument));
  }

  const side = input.side;
  const algorithm = input.algorithm ?? 'DIRECT';
  return (
    <form class={`ticket ticket-${side.toLowerCase()}`} onSubmit={(e) => void submit(e)} aria-label={`Order ticket for ${instrument}`} noValidate>
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
      {accounts.value.length > 1 ? (
        <Field label="Account">
          {(id) => (
            <select id={id} name="account" value={account ?? ''} onChange={(e) => selectAccount(e.currentTarget.value)}>
              {accounts.value.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} (#{a.id}, {a.broker})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : account ? (
        <p class="small muted" data-testid="ticket-account">
          Account {accountLabel(account)}
        </p>
      ) : noAccount ? (
        <Notice kind="info">You have no trading account, so this ticket only checks orders. Trading needs the trader role.</Notice>
      ) : null}
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
        <Field label="Execution" error={err('algorithm')}>
          {(id, d) => (
            <select id={id} name="algorithm" aria-describedby={d} value={algorithm} onChange={(e) => set({ algorithm: e.currentTarget.value as Algorithm, params: {} })}>
              {ALGORITHMS.map((a) => (
                <option key={a} value={a}>
                  {ALGO_LABEL[a]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {ALGORITHM_PARAMS[algorithm].map((k) => (
          <Field key={`${algorithm}-${k}`} label={PARAM_LABEL[k]} error={err(k)}>
            {(id, d) => (
              <input
                id={id}
                name={`param-${k}`}
                inputMode="decimal"
                placeholder={PARAM_DEFAULTS[k] ? `default ${PARAM_DEFAULTS[k]}` : ''}
                aria-invalid={!!err(k)}
                aria-describedby={d}
                value={input.params?.[k] ?? ''}
                onInput={(e) => setParam(k, e.currentTarget.value)}
              />
            )}
          </Field>
        ))}
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
      {retryable && (
        <div class="banner banner-warn" role="status">
          <span>The server may have received this order. Sending it again is safe: it is placed at most once.</span>
          <Button class="btn-small" busy={busy} onClick={() => void send(retryable)}>
            Send again
          </Button>
        </div>
      )}
      {decision && <DecisionBox decision={decision} />}
    </form>
  );
}

/** The node's answer to a placed order, with the rule decision up front when it was refused. */
export function DecisionBox({ decision }: { decision: TicketDecision }) {
  const { rejected, held } = decision;
  const o = decision.order;
  return (
    <div class={`decision ${rejected ? 'decision-bad' : held ? 'decision-warn' : 'decision-ok'}`} role={rejected ? 'alert' : 'status'} data-testid="order-decision" data-status={decision.status} data-order={o.id}>
      <div class="decision-head">
        <Badge value={decision.status || 'SENT'} />
        <strong>{decisionHeadline(decision)}</strong>
      </div>
      {(rejected || held) && decision.reason && (
        <p class="decision-reason">
          {rejected ? 'Why: ' : 'Waiting because: '}
          {decision.reason}
        </p>
      )}
      {(rejected || held) && decision.rule && <p class="small">Rule: “{decision.rule}”</p>}
      {!rejected && !held && decision.outcome === 'MODIFY' && decision.rule && <p class="small">Changed by the rule “{decision.rule}”. Check the order’s details.</p>}
      <p class="small">
        <Link href={`/orders?id=${encodeURIComponent(o.id)}`}>Order {o.id}: details and rules explanation</Link>
      </p>
    </div>
  );
}
