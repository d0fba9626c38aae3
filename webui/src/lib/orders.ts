// What the order screens know about orders, fills and positions, without a browser: which
// statuses are still working, how streamed updates merge into a list, how a journaled history
// event and a rule explanation read in words, and the idempotency key of a ticket submission.
import type { OrderDto, PositionDto, TradeDto } from '../api/types';
import { instrumentId, num, orderTypeLabel } from '../api/read';
import { ApiError } from './problem';
import { formatPrice } from './format';

type Obj = Record<string, unknown>;

/** Every status the node sends (OrderStatus). */
export const ORDER_STATUSES = ['NEW', 'HELD', 'PENDING_SUBMIT', 'OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED', 'UNKNOWN'] as const;

const FINAL = new Set(['FILLED', 'CANCELLED', 'REJECTED']);

/** Still working: not filled, cancelled or rejected. */
export function isOpen(o: Pick<OrderDto, 'status'>): boolean {
  return o.status !== '' && !FINAL.has(o.status.toUpperCase());
}

/** Whether the trader may cancel it (the node answers 409 for a finished one). */
export function canCancel(o: Pick<OrderDto, 'status'>): boolean {
  return isOpen(o);
}

/** Whether its quantity or prices may change: open, not worked by an algorithm, outcome known. */
export function canModify(o: Pick<OrderDto, 'status' | 'algorithm' | 'orderType'>): boolean {
  const s = o.status.toUpperCase();
  if (!isOpen(o) || s === 'UNKNOWN' || s === 'PENDING_SUBMIT') return false;
  return !o.algorithm || o.algorithm === 'DIRECT';
}

/** What a status means, in a trader's words (for titles and screen readers). */
export function statusText(status: string): string {
  switch (status.toUpperCase()) {
    case 'NEW':
      return 'accepted, about to go to the broker';
    case 'HELD':
      return 'held for a risk officer’s approval';
    case 'PENDING_SUBMIT':
      return 'being sent to the broker';
    case 'OPEN':
      return 'working at the exchange';
    case 'PARTIALLY_FILLED':
      return 'partly filled, the rest is working';
    case 'FILLED':
      return 'completely filled';
    case 'CANCELLED':
      return 'cancelled';
    case 'REJECTED':
      return 'rejected';
    case 'UNKNOWN':
      return 'outcome unknown: the platform is checking with the broker';
    default:
      return status.toLowerCase().replace(/_/g, ' ');
  }
}

function time(v: string | undefined): number {
  const t = v ? Date.parse(v) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/**
 * Merges an order (a streamed update or a REST row) into a list, newest first. An update older
 * than what the list holds (a REST snapshot racing the stream) does not undo a newer one.
 */
export function mergeOrder(list: OrderDto[] | undefined, o: OrderDto): OrderDto[] {
  const cur = list ?? [];
  if (!o.id) return cur;
  const i = cur.findIndex((x) => x.id === o.id);
  if (i >= 0) {
    const old = cur[i];
    if (o.updatedAt && old.updatedAt && time(o.updatedAt) < time(old.updatedAt)) return cur;
    const next = [...cur];
    next[i] = { ...old, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) } as OrderDto;
    return next;
  }
  const at = time(o.createdAt);
  const j = cur.findIndex((x) => time(x.createdAt) < at);
  return j < 0 ? [...cur, o] : [...cur.slice(0, j), o, ...cur.slice(j)];
}

/** A fresh REST list merged with what the stream already delivered (neither loses updates). */
export function mergeOrders(streamed: OrderDto[] | undefined, fresh: OrderDto[]): OrderDto[] {
  let out = [...fresh].sort((a, b) => time(b.createdAt) - time(a.createdAt));
  for (const o of streamed ?? []) {
    const known = out.find((x) => x.id === o.id);
    if (!known || time(o.updatedAt) > time(known.updatedAt)) out = mergeOrder(out, o);
  }
  return out;
}

/** Adds a fill once (the REST list and the stream may both carry it), newest first. */
export function mergeTrade(list: TradeDto[] | undefined, t: TradeDto): TradeDto[] {
  const cur = list ?? [];
  const key = (x: TradeDto) => `${x.accountId ?? ''}|${x.id ?? ''}|${x.orderId ?? ''}`;
  if (t.id && cur.some((x) => key(x) === key(t))) return cur;
  const at = time(t.time);
  const j = cur.findIndex((x) => time(x.time) < at);
  return j < 0 ? [...cur, t] : [...cur.slice(0, j), t, ...cur.slice(j)];
}

/** Replaces the position of the same account, instrument and product, or adds it. */
export function mergePosition(list: PositionDto[] | undefined, p: PositionDto): PositionDto[] {
  const cur = list ?? [];
  const same = (x: PositionDto) => x.instrument === p.instrument && (x.accountId ?? '') === (p.accountId ?? '') && (x.product ?? '') === (p.product ?? '');
  const i = cur.findIndex(same);
  if (i < 0) return [...cur, p];
  const next = [...cur];
  next[i] = p;
  return next;
}

// ---- the rule decision of a placed order

export interface TicketDecision {
  status: string;
  /** APPROVE, MODIFY, HOLD_FOR_APPROVAL or REJECT. */
  outcome: string;
  rule: string | null;
  reason: string | null;
  rejected: boolean;
  held: boolean;
  order: OrderDto;
}

/** What the node decided about a placed order (201 even when the rules rejected it). */
export function decisionOf(order: OrderDto): TicketDecision {
  const status = order.status.toUpperCase();
  const outcome = (order.decision ?? '').toUpperCase();
  return {
    status,
    outcome,
    rule: order.decisionRule || null,
    reason: order.reason || null,
    rejected: status === 'REJECTED',
    held: status === 'HELD' || outcome === 'HOLD_FOR_APPROVAL',
    order,
  };
}

/** One sentence for the ticket: what happened to the order and why. */
export function decisionHeadline(d: TicketDecision): string {
  const o = d.order;
  const what = `${o.side === 'SELL' ? 'Sell' : 'Buy'} ${o.quantity} ${o.instrument.split(':')[1] ?? o.instrument}`;
  if (d.rejected) return `${what} was rejected${d.rule ? ` by the rule “${d.rule}”` : ''}.`;
  if (d.held) return `${what} is held for a risk officer’s approval${d.rule ? ` (rule “${d.rule}”)` : ''}.`;
  if (d.status === 'FILLED') return `${what} is filled${o.averagePrice ? ` at an average of ₹${formatPrice(o.averagePrice)}` : ''}.`;
  if (d.status === 'UNKNOWN') return `${what}: the broker did not answer in time; the platform is checking whether it was placed.`;
  if (d.outcome === 'MODIFY') return `${what} was accepted with changes${d.rule ? ` by the rule “${d.rule}”` : ''}.`;
  return `${what} was accepted (${statusText(d.status)}).`;
}

// ---- explanation (GET /orders/{id} → explanation)

export interface RuleExplanation {
  decisionId: string;
  kind: string;
  outcome: string;
  rule: string | null;
  reason: string | null;
  decidedAt: string | null;
  /** "risk v2", "workflow v1" */
  versions: string[];
  firedRules: string[];
  facts: unknown;
  elapsedMicros: number | null;
}

export function readExplanation(raw: unknown): RuleExplanation | null {
  if (!raw || typeof raw !== 'object') return null;
  const e = raw as Obj;
  const versions = e.versions && typeof e.versions === 'object' ? Object.entries(e.versions as Obj).map(([k, v]) => `${k} v${v}`) : [];
  return {
    decisionId: String(e.decisionId ?? ''),
    kind: String(e.kind ?? 'risk'),
    outcome: String(e.outcome ?? ''),
    rule: e.ruleName ? String(e.ruleName) : null,
    reason: e.reason ? String(e.reason) : null,
    decidedAt: e.decidedAt ? String(e.decidedAt) : null,
    versions,
    firedRules: Array.isArray(e.firedRules) ? e.firedRules.map(String) : [],
    facts: e.facts ?? null,
    elapsedMicros: num(e.elapsedMicros),
  };
}

// ---- history (GET /orders/{id} → history: the journaled OrderEvents)

export interface HistoryEntry {
  at: string | null;
  /** The event type as journaled (CREATED, FILLED…). */
  type: string;
  /** The status the order moved to, when the event sets one. */
  status: string | null;
  text: string;
}

function money(v: unknown): string {
  const n = num(v);
  return n === null ? '' : String(n);
}

function has(e: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(e, key);
}

/**
 * The journal's event type from an event's fields, for a node that sends the events without
 * their `type` (the records differ in their fields, except the few told apart by context: who
 * acts on a HELD order releases it; a reason with more than fills after it is an unknown outcome).
 */
export function inferEventTypes(events: unknown[], finalStatus: string): string[] {
  const types: string[] = [];
  let status = '';
  events.forEach((raw, i) => {
    const e = (raw ?? {}) as Obj;
    let type = typeof e.type === 'string' && e.type ? e.type.toUpperCase() : '';
    if (!type) {
      if (has(e, 'order')) type = 'CREATED';
      else if (has(e, 'update')) type = 'BROKER_REPORTED';
      else if (has(e, 'fill')) type = 'FILLED';
      else if (has(e, 'modification')) type = 'MODIFY_REQUESTED';
      else if (has(e, 'limitPrice') || has(e, 'quantity')) type = 'MODIFIED';
      else if (has(e, 'detail')) type = 'WORKING';
      else if (has(e, 'actor')) type = status === 'HELD' ? 'RELEASED' : 'CANCEL_REQUESTED';
      else if (has(e, 'reason')) {
        const later = events.slice(i + 1).map((x) => (x ?? {}) as Obj);
        const onlyFillsAfter = later.every((x) => (typeof x.type === 'string' ? x.type.toUpperCase() === 'FILLED' : has(x, 'fill')));
        const fin = finalStatus.toUpperCase();
        if (status === 'HELD') type = 'REJECTED';
        else if (onlyFillsAfter && (fin === 'CANCELLED' || fin === 'REJECTED')) type = fin;
        else type = 'OUTCOME_UNKNOWN';
      } else type = 'SUBMITTING';
    }
    types.push(type);
    const moved = describeEvent({ ...e, type }).status;
    if (type === 'CREATED') status = String(((e.order ?? {}) as Obj).status ?? 'NEW');
    else if (moved) status = moved;
  });
  return types;
}

/** An order's journal in words, oldest first. */
export function describeHistory(events: unknown[], finalStatus: string): HistoryEntry[] {
  const types = inferEventTypes(events, finalStatus);
  return events.map((e, i) => describeEvent({ ...((e ?? {}) as Obj), type: types[i] }));
}

/** A journaled order event in words. */
export function describeEvent(raw: unknown): HistoryEntry {
  const e = (raw ?? {}) as Obj;
  const type = String(e.type ?? '').toUpperCase();
  const at = (e.at ?? e.time ?? null) as string | null;
  switch (type) {
    case 'CREATED': {
      const o = (e.order ?? {}) as Obj;
      const status = String(o.status ?? 'NEW');
      const d = (o.decision ?? {}) as Obj;
      const price = money(o.limitPrice ?? o.price);
      const trigger = money(o.triggerPrice);
      const terms = `${o.side ?? ''} ${o.quantity ?? ''} ${instrumentId(o.instrument)} ${orderTypeLabel(o.type)}${price ? ` @ ${price}` : ''}${trigger ? ` trigger ${trigger}` : ''}`.replace(/\s+/g, ' ').trim();
      const by = o.createdBy ? ` by ${o.createdBy}` : '';
      const rule = d.ruleName ? ` — rule “${d.ruleName}”${o.message ? `: ${o.message}` : ''}` : o.message ? ` — ${o.message}` : '';
      return { at: at ?? (o.createdAt as string) ?? null, type, status, text: `Placed${by}: ${terms}${rule}` };
    }
    case 'RELEASED':
      return { at, type, status: 'NEW', text: `Approved by ${e.actor ?? 'a risk officer'}` };
    case 'SUBMITTING':
      return { at, type, status: 'PENDING_SUBMIT', text: 'Sent to the broker' };
    case 'WORKING':
      return { at, type, status: 'OPEN', text: `Being worked${e.detail ? `: ${e.detail}` : ''}` };
    case 'BROKER_REPORTED': {
      const u = (e.update ?? {}) as Obj;
      const status = u.status ? String(u.status) : null;
      return { at, type, status, text: `Broker reports ${status ? statusText(status) : 'a change'}${u.message ? `: ${u.message}` : ''}` };
    }
    case 'FILLED': {
      const f = (e.fill ?? {}) as Obj;
      return { at, type, status: null, text: `Filled ${f.quantity ?? ''} @ ${money(f.price)}`.trim() };
    }
    case 'OUTCOME_UNKNOWN':
      return { at, type, status: 'UNKNOWN', text: `Outcome unknown${e.reason ? `: ${e.reason}` : ''}` };
    case 'REJECTED':
      return { at, type, status: 'REJECTED', text: `Rejected${e.reason ? `: ${e.reason}` : ''}` };
    case 'CANCEL_REQUESTED':
      return { at, type, status: null, text: `Cancel requested by ${e.actor ?? 'someone'}` };
    case 'CANCELLED':
      return { at, type, status: 'CANCELLED', text: `Cancelled${e.reason ? `: ${e.reason}` : ''}` };
    case 'MODIFY_REQUESTED': {
      const m = (e.modification ?? {}) as Obj;
      const parts = [m.quantity != null ? `quantity ${m.quantity}` : '', m.limitPrice != null ? `price ${money(m.limitPrice)}` : '', m.triggerPrice != null ? `trigger ${money(m.triggerPrice)}` : ''].filter(Boolean);
      return { at, type, status: null, text: `Change requested by ${e.actor ?? 'someone'}${parts.length ? `: ${parts.join(', ')}` : ''}` };
    }
    case 'MODIFIED': {
      const parts = [e.quantity != null ? `quantity ${e.quantity}` : '', e.limitPrice != null ? `price ${money(e.limitPrice)}` : '', e.triggerPrice != null ? `trigger ${money(e.triggerPrice)}` : ''].filter(Boolean);
      return { at, type, status: null, text: `Changed${parts.length ? `: ${parts.join(', ')}` : ''}` };
    }
    default:
      return { at, type: type || 'EVENT', status: (e.status as string) ?? null, text: String(e.reason ?? e.detail ?? e.message ?? type.toLowerCase().replace(/_/g, ' ')) };
  }
}

// ---- idempotency of ticket submissions

/**
 * One idempotency key per submission. Sending the same order again after an answer that leaves
 * its fate open (no answer, a timeout, a 5xx, 429) reuses the key, so the node places it at most
 * once; after a definite answer, the next submission is a new order with a new key.
 */
export class SubmissionKeys {
  private pending: { fingerprint: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key for sending `fingerprint` (the request body) now. */
  keyFor(fingerprint: string): string {
    if (this.pending && this.pending.fingerprint === fingerprint) return this.pending.key;
    this.pending = { fingerprint, key: this.newKey() };
    return this.pending.key;
  }

  /** The node answered definitely (placed, rejected, refused): the next submission is new. */
  settle(): void {
    this.pending = null;
  }

  /** The key a retry would reuse, if any. */
  get retryKey(): string | null {
    return this.pending?.key ?? null;
  }
}

/** Whether an error leaves open whether the order was placed (so a retry must reuse the key). */
export function outcomeUncertain(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  if (e.kind === 'network' || e.kind === 'timeout') return true;
  if (e.kind === 'aborted') return true;
  // 409 on placing: "an order with this client order id is still being placed; retry"
  return e.status >= 500 || e.status === 429 || e.status === 408 || e.status === 409;
}
