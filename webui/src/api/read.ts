// Tolerant readers: turn whatever shape a node version sends into the UI's types.
import type { BarDto, InstrumentDto, OrderDto, PositionDto, QuoteDto, TradeDto } from './types';

type Obj = Record<string, unknown>;

export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
}

function pick(o: Obj, ...names: string[]): unknown {
  for (const n of names) if (o[n] !== undefined && o[n] !== null) return o[n];
  return undefined;
}

/** "NSE:INFY" from a string or an {exchange, symbol} object. */
export function instrumentId(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Obj;
    if (typeof o.id === 'string') return o.id;
    if (o.exchange && o.symbol) return `${o.exchange}:${o.symbol}`;
  }
  return '';
}

export function readInstrument(raw: unknown): InstrumentDto {
  const o = (raw ?? {}) as Obj;
  const id = instrumentId(pick(o, 'id', 'instrument')) || `${o.exchange}:${o.symbol}`;
  const [exchange, symbol] = id.split(':');
  return {
    id,
    exchange: str(o.exchange) ?? exchange,
    symbol: str(o.symbol) ?? symbol,
    name: str(o.name) ?? undefined,
    segment: str(o.segment) ?? undefined,
    tickSize: num(o.tickSize) ?? 0.05,
    lotSize: num(o.lotSize) ?? 1,
    isin: str(o.isin) ?? undefined,
  };
}

export function readQuote(raw: unknown, fallbackInstrument = ''): QuoteDto {
  const o = (raw ?? {}) as Obj;
  const last = num(pick(o, 'last', 'lastPrice', 'ltp', 'price'));
  const prevClose = num(pick(o, 'prevClose', 'previousClose', 'close'));
  let change = num(pick(o, 'change', 'netChange'));
  let changePct = num(pick(o, 'changePct', 'changePercent', 'percentChange'));
  if (change === null && last !== null && prevClose) change = last - prevClose;
  if (changePct === null && change !== null && prevClose) changePct = (change / prevClose) * 100;
  return {
    instrument: instrumentId(pick(o, 'instrument', 'id')) || fallbackInstrument,
    last,
    bid: num(pick(o, 'bid', 'bestBid')),
    ask: num(pick(o, 'ask', 'bestAsk')),
    volume: num(o.volume),
    open: num(o.open),
    high: num(o.high),
    low: num(o.low),
    prevClose,
    change,
    changePct,
    time: str(pick(o, 'exchangeTime', 'time', 'timestamp', 'updatedAt')),
  };
}

function epochSeconds(v: unknown): number | null {
  if (typeof v === 'number') return v > 1e11 ? Math.floor(v / 1000) : v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : Math.floor(t / 1000);
  }
  return null;
}

export function readBar(raw: unknown): BarDto | null {
  const o = (raw ?? {}) as Obj;
  const time = epochSeconds(pick(o, 'openTime', 'time', 'timestamp', 'start'));
  const open = num(o.open);
  const high = num(o.high);
  const low = num(o.low);
  const close = num(o.close);
  if (time === null || open === null || high === null || low === null || close === null) return null;
  return { time, open, high, low, close, volume: num(o.volume) ?? 0 };
}

/** Bars from an array or a {bars:[…]} document, sorted by time, duplicates (same time) merged. */
export function readBars(raw: unknown): BarDto[] {
  const list = Array.isArray(raw) ? raw : ((raw as Obj)?.bars as unknown[]) ?? [];
  const bars = list.map(readBar).filter((b): b is BarDto => b !== null);
  bars.sort((a, b) => a.time - b.time);
  const out: BarDto[] = [];
  for (const b of bars) {
    if (out.length && out[out.length - 1].time === b.time) out[out.length - 1] = b;
    else out.push(b);
  }
  return out;
}

/**
 * Indicator series: {outputs:{name:[{time,value}]}} or {series:[{name, points|values}]} or
 * [{time, values:{name:v}}] or [{time, value}].
 */
export function readIndicator(raw: unknown, outputs: string[]): Record<string, Array<{ time: number; value: number }>> {
  const result: Record<string, Array<{ time: number; value: number }>> = {};
  const add = (name: string, t: unknown, v: unknown) => {
    const time = epochSeconds(t);
    const value = num(v);
    if (time === null || value === null) return;
    (result[name] ??= []).push({ time, value });
  };
  const o = raw as Obj;
  if (o && Array.isArray(o.times) && o.values && typeof o.values === 'object' && !Array.isArray(o.values)) {
    // columnar: {times:[…], values:{output:[…]}} — values[i] belongs to times[i]; null in warm-up
    const times = o.times as unknown[];
    for (const [name, column] of Object.entries(o.values as Obj)) {
      if (!Array.isArray(column)) continue;
      column.forEach((v, i) => add(name, times[i], v));
    }
  } else if (o && !Array.isArray(o) && o.outputs && typeof o.outputs === 'object' && !Array.isArray(o.outputs)) {
    for (const [name, pts] of Object.entries(o.outputs as Obj)) {
      for (const p of (pts as Obj[]) ?? []) add(name, pick(p, 'time', 'openTime', 'timestamp'), p.value);
    }
  } else {
    const candidate = Array.isArray(raw) ? raw : (o?.points ?? o?.values ?? o?.series);
    const list: unknown[] = Array.isArray(candidate) ? candidate : [];
    for (const item of list) {
      const p = item as Obj;
      if (Array.isArray(p.points) && p.name) {
        for (const q of p.points as Obj[]) add(String(p.name), pick(q, 'time', 'openTime'), q.value);
        continue;
      }
      const t = pick(p, 'time', 'openTime', 'timestamp');
      if (p.values && typeof p.values === 'object') {
        for (const [name, v] of Object.entries(p.values as Obj)) add(name, t, v);
      } else {
        add(outputs[0] ?? 'value', t, p.value);
      }
    }
  }
  for (const pts of Object.values(result)) pts.sort((a, b) => a.time - b.time);
  return result;
}

/** Text or undefined: empty strings (the node's "none") become undefined. */
function text(v: unknown): string | undefined {
  const t = str(v);
  return t === null || t === '' ? undefined : t;
}

/** The order type as traders write it: the wire's SL_M is SL-M. */
export function orderTypeLabel(v: unknown): string {
  return String(v ?? '').toUpperCase().replace(/_/g, '-');
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Obj)) if (x !== null && x !== undefined) out[k] = String(x);
  return Object.keys(out).length ? out : undefined;
}

/** The node's OrderDto (older names tolerated). */
export function readOrder(raw: unknown): OrderDto {
  const o = (raw ?? {}) as Obj;
  const decision = o.decision && typeof o.decision === 'object' ? (o.decision as Obj) : null;
  return {
    id: String(pick(o, 'id', 'orderId') ?? ''),
    clientOrderId: text(o.clientOrderId),
    accountId: text(pick(o, 'accountId', 'account')),
    parentId: text(o.parentId),
    strategyId: text(pick(o, 'strategyId', 'strategy')),
    instrument: instrumentId(o.instrument),
    side: String(o.side ?? ''),
    orderType: orderTypeLabel(pick(o, 'type', 'orderType')),
    product: text(o.product),
    validity: text(o.validity),
    quantity: num(o.quantity) ?? 0,
    filledQuantity: num(pick(o, 'filledQuantity', 'filled')) ?? 0,
    price: num(pick(o, 'price', 'limitPrice')),
    triggerPrice: num(o.triggerPrice),
    averagePrice: num(pick(o, 'averagePrice', 'avgPrice')),
    charges: num(o.charges),
    status: String(pick(o, 'status', 'state') ?? ''),
    reason: text(pick(o, 'reason', 'message', 'rejectReason')) ?? null,
    algorithm: text(o.algorithm),
    algorithmParameters: stringMap(o.algorithmParameters),
    brokerOrderId: text(o.brokerOrderId),
    decisionId: text(decision ? decision.id : o.decisionId),
    decision: text(decision ? decision.outcome : o.decision),
    decisionRule: text(decision ? decision.ruleName : o.decisionRule),
    createdBy: text(o.createdBy),
    createdAt: text(pick(o, 'createdAt', 'submittedAt')),
    updatedAt: text(pick(o, 'updatedAt', 'lastUpdate')),
  };
}

/** The node's FillDto (an execution). */
export function readTrade(raw: unknown): TradeDto {
  const o = (raw ?? {}) as Obj;
  return {
    id: text(pick(o, 'id', 'fillId', 'tradeId')),
    accountId: text(pick(o, 'accountId', 'account')),
    orderId: text(o.orderId),
    brokerOrderId: text(o.brokerOrderId),
    instrument: instrumentId(o.instrument),
    side: String(o.side ?? ''),
    product: text(o.product),
    quantity: num(o.quantity) ?? 0,
    price: num(pick(o, 'price', 'fillPrice')) ?? 0,
    fees: num(pick(o, 'charges', 'fees')),
    time: text(pick(o, 'time', 'filledAt', 'exchangeTime')),
  };
}

/** The node's PositionDto, marked to the latest quote. */
export function readPosition(raw: unknown): PositionDto {
  const o = (raw ?? {}) as Obj;
  return {
    accountId: text(pick(o, 'accountId', 'account')),
    instrument: instrumentId(o.instrument),
    product: text(o.product),
    quantity: num(pick(o, 'quantity', 'netQuantity')) ?? 0,
    averagePrice: num(pick(o, 'averagePrice', 'avgPrice')),
    lastPrice: num(pick(o, 'lastPrice', 'ltp')),
    realisedPnl: num(pick(o, 'realisedPnl', 'realizedPnl')),
    unrealisedPnl: num(pick(o, 'unrealisedPnl', 'unrealizedPnl')),
    value: num(pick(o, 'marketValue', 'value')),
    charges: num(o.charges),
    boughtQuantity: num(o.boughtQuantity),
    soldQuantity: num(o.soldQuantity),
  };
}

/** A list from an array or a paged document ({items|content|data|orders…: […]}). */
export function readList(raw: unknown, ...names: string[]): unknown[] {
  if (Array.isArray(raw)) return raw;
  const o = (raw ?? {}) as Obj;
  for (const n of [...names, 'items', 'content', 'data', 'results']) {
    if (Array.isArray(o[n])) return o[n] as unknown[];
  }
  return [];
}
