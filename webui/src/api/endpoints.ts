// Every REST call the UI makes, in one place.
import { api } from './client';
import { readBars, readIndicator, readInstrument, readList, readOrder, readPosition, readQuote, readTrade } from './read';
import type { HealthDto, IndicatorDescriptorDto, OrderDto, PluginDto, PluginEventDto, TradeDto } from './types';
import type { PlaceOrderBody } from '../lib/orderValidation';
import { readInstance, readSignal, readStrategyType } from '../lib/strategies';
import { readBacktest, readBacktestOrder, readCurves, readOptimisation, readOptimisationRun, readRoundTrip } from '../lib/backtests';

type S = { signal?: AbortSignal };

export const health = (o: S = {}) => api.get<HealthDto>('/health', { ...o, acceptStatus: [503], timeoutMs: 10_000 });

export const plugins = {
  list: (o: S = {}) => api.get<PluginDto[]>('/plugins', o),
  history: (id: string, o: S = {}) => api.get<PluginEventDto[]>(`/plugins/${encodeURIComponent(id)}/history`, { ...o, query: { limit: 20 } }),
  install: (file: File) =>
    api.post<PluginDto>('/plugins', undefined, {
      rawBody: file,
      contentType: 'application/java-archive',
      headers: { 'X-File-Name': file.name },
      timeoutMs: 120_000,
    }),
  update: (id: string, file: File) =>
    api.put<PluginDto>(`/plugins/${encodeURIComponent(id)}`, undefined, {
      rawBody: file,
      contentType: 'application/java-archive',
      headers: { 'X-File-Name': file.name },
      timeoutMs: 120_000,
    }),
  uninstall: (id: string) => api.del<void>(`/plugins/${encodeURIComponent(id)}`, { timeoutMs: 60_000 }),
};

export const market = {
  instruments: async (query: string, o: S = {}) =>
    readList(await api.get<unknown>('/instruments', { ...o, query: { query, limit: 20 } }), 'instruments').map(readInstrument),
  instrument: async (id: string, o: S = {}) => readInstrument(await api.get<unknown>(`/instruments/${encodeURIComponent(id)}`, o)),
  quote: async (id: string, o: S = {}) => readQuote(await api.get<unknown>(`/quotes/${encodeURIComponent(id)}`, o), id),
  quotes: async (ids: string[], o: S = {}) =>
    readList(await api.get<unknown>('/quotes', { ...o, query: { instruments: ids.join(','), instrument: ids.join(',') } }), 'quotes').map((q) => readQuote(q)),
  bars: async (instrument: string, timeframe: string, from: string, to: string, o: S = {}) =>
    readBars(await api.get<unknown>('/bars', { ...o, query: { instrument, timeframe, from, to }, timeoutMs: 30_000 })),
  importBars: (instrument: string, timeframe: string, csv: File) =>
    api.post<unknown>('/bars/import', undefined, {
      query: { instrument, timeframe },
      rawBody: csv,
      contentType: 'text/csv',
      timeoutMs: 120_000,
    }),
  indicators: async (o: S = {}) => readList(await api.get<unknown>('/indicators', o), 'indicators') as IndicatorDescriptorDto[],
  indicator: async (
    d: IndicatorDescriptorDto,
    params: Record<string, string | number>,
    instrument: string,
    timeframe: string,
    from: string,
    to: string,
    o: S = {},
  ) =>
    readIndicator(
      await api.get<unknown>(`/indicators/${encodeURIComponent(d.id)}`, { ...o, query: { instrument, timeframe, from, to, ...params }, timeoutMs: 30_000 }),
      d.outputs,
    ),
};

type Q = Record<string, string | number | boolean | null | undefined>;

/** GET /orders/{id}: the order with its journal, fills, children and rule explanation. */
export interface OrderDetail {
  order: OrderDto;
  history: unknown[];
  fills: TradeDto[];
  children: OrderDto[];
  explanation: unknown;
}

export function readOrderDetail(raw: unknown): OrderDetail {
  const o = (raw ?? {}) as Record<string, unknown>;
  return {
    order: readOrder(o.order ?? o),
    history: Array.isArray(o.history) ? o.history : [],
    fills: (Array.isArray(o.fills) ? o.fills : []).map(readTrade),
    children: (Array.isArray(o.children) ? o.children : []).map(readOrder),
    explanation: o.explanation ?? null,
  };
}

export const orders = {
  /** Filters: accountId, status (comma-separated), open, instrument, parentId, limit. */
  list: async (query: Q = {}, o: S = {}) => readList(await api.get<unknown>('/orders', { ...o, query }), 'orders').map(readOrder),
  get: async (id: string, o: S = {}) => readOrderDetail(await api.get<unknown>(`/orders/${encodeURIComponent(id)}`, o)),
  /** Places an order; the same key on a retry places it at most once. Rule rejections are 201 too. */
  place: async (body: PlaceOrderBody, idempotencyKey: string) =>
    readOrder(await api.post<unknown>('/orders', body, { headers: { 'Idempotency-Key': idempotencyKey }, timeoutMs: 20_000 })),
  modify: async (id: string, change: { quantity?: number; price?: number; triggerPrice?: number }) =>
    readOrder(await api.put<unknown>(`/orders/${encodeURIComponent(id)}`, change)),
  cancel: async (id: string) => readOrder(await api.del<unknown>(`/orders/${encodeURIComponent(id)}`)),
  approve: async (id: string) => readOrder(await api.post<unknown>(`/orders/${encodeURIComponent(id)}/approve`)),
  decline: async (id: string, reason: string) => readOrder(await api.post<unknown>(`/orders/${encodeURIComponent(id)}/decline`, { reason })),
  trades: async (query: Q = {}, o: S = {}) => readList(await api.get<unknown>('/trades', { ...o, query }), 'trades', 'fills').map(readTrade),
};

export const portfolio = {
  positions: async (query: Q = {}, o: S = {}) => readList(await api.get<unknown>('/positions', { ...o, query }), 'positions').map(readPosition),
  summary: (query: Q = {}, o: S = {}) => api.get<Record<string, unknown>>('/portfolio', { ...o, query }),
};

export const killSwitch = {
  get: (o: S = {}) => api.get<Record<string, unknown>>('/killswitch', o),
  set: (body: { scope: string; target?: string; engaged: boolean; reason?: string }) => api.post<Record<string, unknown>>('/killswitch', body),
};

export interface AccountDto {
  id: string;
  name: string;
  broker: string;
  createdAt?: string;
}

export function readAccount(raw: unknown): AccountDto {
  const o = (raw ?? {}) as Record<string, unknown>;
  return {
    id: String(o.id ?? o.accountId ?? ''),
    name: String(o.name ?? o.label ?? o.id ?? ''),
    broker: String(o.broker ?? 'paper'),
    createdAt: (o.createdAt as string) ?? undefined,
  };
}

export const accountsApi = {
  /** The caller's accounts; a trader without any gets a paper account on this first call. */
  list: async (o: S = {}) => readList(await api.get<unknown>('/accounts', { ...o, timeoutMs: 8000 }), 'accounts').map(readAccount),
  add: async (name: string, broker = 'paper') => readAccount(await api.post<unknown>('/accounts', { name, broker })),
};

// ---- strategies (platform/strategies …/rest/StrategyResource) ----

const INSTANCES = '/strategies/instances';
const instancePath = (id: string) => `${INSTANCES}/${encodeURIComponent(id)}`;

export const strategiesApi = {
  /** The installed strategy types with their parameter schema. */
  types: async (o: S = {}) => readList(await api.get<unknown>('/strategies', o), 'strategies', 'types').map(readStrategyType),
  /** The caller's instances (risk officers and admins: everyone's). */
  instances: async (o: S = {}) => readList(await api.get<unknown>(INSTANCES, o), 'instances').map(readInstance),
  create: async (body: Record<string, unknown>) => readInstance(await api.post<unknown>(INSTANCES, body, { timeoutMs: 30_000 })),
  /** New name, instruments, timeframe or parameters; a running instance starts again with them. */
  update: async (id: string, body: Record<string, unknown>) => readInstance(await api.put<unknown>(instancePath(id), body, { timeoutMs: 30_000 })),
  remove: (id: string) => api.del<void>(instancePath(id), { timeoutMs: 30_000 }),
  act: async (id: string, action: 'start' | 'pause' | 'stop') => readInstance(await api.post<unknown>(`${instancePath(id)}/${action}`, undefined, { timeoutMs: 30_000 })),
  /** Newest first; `before` pages back by signal id. */
  signals: async (id: string, limit = 50, o: S = {}) => readList(await api.get<unknown>(`${instancePath(id)}/signals`, { ...o, query: { limit } }), 'signals').map(readSignal),
};

// ---- backtests (platform/backtest …/rest/BacktestResource) ----

const bt = (id: string) => `/backtests/${encodeURIComponent(id)}`;
const opt = (id: string) => `/backtests/optimisations/${encodeURIComponent(id)}`;

export const backtestsApi = {
  /** Answers 202 with the queued backtest; 400 names a bad field, 422 when there are no bars. */
  submit: async (body: Record<string, unknown>) => readBacktest(await api.post<unknown>('/backtests', body, { timeoutMs: 60_000 })),
  list: async (limit = 50, o: S = {}) => readList(await api.get<unknown>('/backtests', { ...o, query: { limit } }), 'backtests').map(readBacktest),
  get: async (id: string, o: S = {}) => readBacktest(await api.get<unknown>(bt(id), o)),
  equity: async (id: string, o: S = {}) => readCurves(await api.get<unknown>(`${bt(id)}/equity`, { ...o, timeoutMs: 30_000 })),
  trades: async (id: string, limit = 1000, o: S = {}) => readList(await api.get<unknown>(`${bt(id)}/trades`, { ...o, query: { limit }, timeoutMs: 30_000 }), 'trades').map(readRoundTrip),
  orders: async (id: string, limit = 1000, o: S = {}) => readList(await api.get<unknown>(`${bt(id)}/orders`, { ...o, query: { limit }, timeoutMs: 30_000 }), 'orders').map(readBacktestOrder),
  cancel: async (id: string) => readBacktest(await api.post<unknown>(`${bt(id)}/cancel`)),
  optimise: async (body: Record<string, unknown>) => readOptimisation(await api.post<unknown>('/backtests/optimisations', body, { timeoutMs: 60_000 })),
  optimisations: async (limit = 20, o: S = {}) => readList(await api.get<unknown>('/backtests/optimisations', { ...o, query: { limit } }), 'optimisations').map(readOptimisation),
  optimisation: async (id: string, o: S = {}) => readOptimisation(await api.get<unknown>(opt(id), o)),
  results: async (id: string, limit = 100, o: S = {}) => readList(await api.get<unknown>(`${opt(id)}/results`, { ...o, query: { limit } }), 'results').map(readOptimisationRun),
  cancelOptimisation: async (id: string) => readOptimisation(await api.post<unknown>(`${opt(id)}/cancel`)),
};
