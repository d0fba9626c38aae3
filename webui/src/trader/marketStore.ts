// Shared market state of the trader workspace: the watchlist, the selected instrument and the
// latest quote per instrument (one signal each, so a tick re-renders only its own row).
import { signal, type Signal } from '@preact/signals';
import type { InstrumentDto, QuoteDto } from '../api/types';
import { readQuote } from '../api/read';
import { subscribe } from '../app/live';

const WATCH_KEY = 'sharewise.watchlist';
/** The simulator's default universe (CONTRACT.md), as a starting watchlist. */
const DEFAULT_WATCHLIST = ['NSE:INFY', 'NSE:TCS', 'NSE:RELIANCE', 'NSE:HDFCBANK', 'NSE:SBIN'];

function loadWatchlist(): string[] {
  try {
    const raw = localStorage.getItem(WATCH_KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : null;
    if (Array.isArray(list) && list.every((x) => typeof x === 'string')) return list;
  } catch {
    /* ignore */
  }
  return DEFAULT_WATCHLIST;
}

export const watchlist = signal<string[]>(typeof localStorage === 'undefined' ? DEFAULT_WATCHLIST : loadWatchlist());

function saveWatchlist(list: string[]): void {
  watchlist.value = list;
  try {
    localStorage.setItem(WATCH_KEY, JSON.stringify(list));
  } catch {
    /* private mode */
  }
}

export function addToWatchlist(id: string): void {
  const key = id.toUpperCase();
  if (!watchlist.value.includes(key)) saveWatchlist([...watchlist.value, key]);
}

export function removeFromWatchlist(id: string): void {
  saveWatchlist(watchlist.value.filter((x) => x !== id));
}

export function moveInWatchlist(id: string, delta: number): void {
  const list = [...watchlist.value];
  const i = list.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return;
  [list[i], list[j]] = [list[j], list[i]];
  saveWatchlist(list);
}

const initialSelected = (() => {
  if (typeof location === 'undefined') return DEFAULT_WATCHLIST[0];
  const q = new URLSearchParams(location.search).get('i');
  return q ? q.toUpperCase() : watchlist.value[0] ?? DEFAULT_WATCHLIST[0];
})();
export const selected = signal<string>(initialSelected);

export const instruments = new Map<string, InstrumentDto>();

const quoteSignals = new Map<string, Signal<QuoteDto | null>>();
export function quoteOf(id: string): Signal<QuoteDto | null> {
  let s = quoteSignals.get(id);
  if (!s) {
    s = signal<QuoteDto | null>(null);
    quoteSignals.set(id, s);
  }
  return s;
}

/** Sets a quote, keeping the previous last price for the tick direction. */
export function putQuote(q: QuoteDto): void {
  if (!q.instrument) return;
  const s = quoteOf(q.instrument);
  const prev = s.value;
  // keep fields the stream may not carry (prevClose) from the REST snapshot
  s.value = {
    ...q,
    prevClose: q.prevClose ?? prev?.prevClose ?? null,
    change: q.change ?? (q.last !== null && prev?.prevClose ? q.last - prev.prevClose : prev?.change ?? null),
    changePct:
      q.changePct ?? (q.last !== null && prev?.prevClose ? ((q.last - prev.prevClose) / prev.prevClose) * 100 : prev?.changePct ?? null),
  };
  lastDirection.set(q.instrument, prev?.last != null && q.last != null ? Math.sign(q.last - prev.last) : 0);
}

export const lastDirection = new Map<string, number>();

/** Streams quotes for `id` into its signal while the returned function is not called. */
export function streamQuote(id: string): () => void {
  return subscribe({ channel: 'quotes', key: id }, (data) => putQuote(readQuote(data, id)));
}
