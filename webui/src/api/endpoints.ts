// Every REST call the UI makes, in one place.
import { api } from './client';
import { readBars, readIndicator, readInstrument, readList, readOrder, readPosition, readQuote, readTrade } from './read';
import type { HealthDto, IndicatorDescriptorDto, PluginDto, PluginEventDto } from './types';

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

export interface PlaceOrder {
  account?: string;
  instrument: string;
  side: string;
  orderType: string;
  product: string;
  validity: string;
  quantity: number;
  price?: number | null;
  triggerPrice?: number | null;
  clientOrderId?: string;
}

export const orders = {
  list: async (query: Record<string, string> = {}, o: S = {}) => readList(await api.get<unknown>('/orders', { ...o, query }), 'orders').map(readOrder),
  get: (id: string, o: S = {}) => api.get<Record<string, unknown>>(`/orders/${encodeURIComponent(id)}`, o),
  place: async (order: PlaceOrder, idempotencyKey: string) =>
    api.post<unknown>('/orders', { ...order, clientOrderId: order.clientOrderId ?? idempotencyKey }, { headers: { 'Idempotency-Key': idempotencyKey }, timeoutMs: 20_000 }),
  modify: (id: string, change: Partial<PlaceOrder>) => api.put<unknown>(`/orders/${encodeURIComponent(id)}`, change),
  cancel: (id: string) => api.del<unknown>(`/orders/${encodeURIComponent(id)}`),
  trades: async (o: S = {}) => {
    try {
      return readList(await api.get<unknown>('/trades', o), 'trades', 'fills').map(readTrade);
    } catch {
      return readList(await api.get<unknown>('/orders/fills', o), 'fills', 'trades').map(readTrade);
    }
  },
};

export const portfolio = {
  positions: async (o: S = {}) => readList(await api.get<unknown>('/positions', o), 'positions').map(readPosition),
  summary: (o: S = {}) => api.get<Record<string, unknown>>('/portfolio', o),
};

export const killSwitch = {
  get: (o: S = {}) => api.get<Record<string, unknown>>('/killswitch', o),
  set: (body: { scope: string; target?: string; engaged: boolean; reason?: string }) => api.post<Record<string, unknown>>('/killswitch', body),
};
