import { describe, expect, it } from 'vitest';
import { readBars, readIndicator, readInstrument, readList, readOrder, readPosition, readQuote } from './read';

describe('wire readers', () => {
  it('reads the node QuoteDto', () => {
    const q = readQuote({
      instrument: 'NSE:INFY', time: '2026-11-20T09:59:59Z', last: 1534.05, lastQty: 10, volume: 123456,
      bid: 1534, ask: 1534.1, previousClose: 1520, change: 14.05, changePercent: 0.92,
    });
    expect(q).toMatchObject({ instrument: 'NSE:INFY', last: 1534.05, bid: 1534, ask: 1534.1, prevClose: 1520, change: 14.05, changePct: 0.92, volume: 123456 });
  });
  it('derives the change when only the previous close is known', () => {
    const q = readQuote({ instrument: 'NSE:TCS', last: 110, previousClose: 100 });
    expect(q.change).toBe(10);
    expect(q.changePct).toBe(10);
  });
  it('reads bars, sorts them and merges duplicates', () => {
    const bars = readBars([
      { instrument: 'NSE:INFY', timeframe: '5m', time: '2026-11-20T04:00:00Z', open: 2, high: 3, low: 1, close: 2.5, volume: 10 },
      { instrument: 'NSE:INFY', timeframe: '5m', time: '2026-11-20T03:55:00Z', open: 1, high: 2, low: 1, close: 2, volume: 5 },
      { time: '2026-11-20T04:00:00Z', open: 2, high: 4, low: 1, close: 3, volume: 12 },
      { time: 'garbage', open: 1, high: 1, low: 1, close: 1 },
    ]);
    expect(bars.map((b) => b.time)).toEqual([Date.parse('2026-11-20T03:55:00Z') / 1000, Date.parse('2026-11-20T04:00:00Z') / 1000]);
    expect(bars[1].high).toBe(4);
  });
  it('reads instruments with their tick and lot size', () => {
    expect(readInstrument({ id: 'NSE:SBIN', exchange: 'NSE', symbol: 'SBIN', tickSize: 0.05, lotSize: 1, name: 'STATE BANK' }))
      .toMatchObject({ id: 'NSE:SBIN', tickSize: 0.05, lotSize: 1, name: 'STATE BANK' });
    expect(readInstrument({ exchange: 'NSE', symbol: 'X' }).id).toBe('NSE:X');
  });
  it('reads indicator series in several shapes', () => {
    const t = '2026-11-20T04:00:00Z';
    const s = Date.parse(t) / 1000;
    // the node's columnar IndicatorSeriesDto, with warm-up nulls
    expect(
      readIndicator({ indicator: 'macd', outputs: ['macd', 'signal'], times: ['2026-11-20T03:55:00Z', t], values: { macd: [null, 1.5], signal: [null, null] } }, ['macd', 'signal']),
    ).toEqual({ macd: [{ time: s, value: 1.5 }] });
    expect(readIndicator({ outputs: { macd: [{ time: t, value: 1 }], signal: [{ time: t, value: 2 }] } }, ['macd', 'signal']))
      .toEqual({ macd: [{ time: s, value: 1 }], signal: [{ time: s, value: 2 }] });
    expect(readIndicator([{ time: t, values: { upper: 3, lower: 1 } }], ['upper', 'lower'])).toEqual({ upper: [{ time: s, value: 3 }], lower: [{ time: s, value: 1 }] });
    expect(readIndicator({ points: [{ time: t, value: 5 }, { time: t, value: null }] }, ['sma'])).toEqual({ sma: [{ time: s, value: 5 }] });
  });
  it('reads orders and positions with alternative names', () => {
    expect(readOrder({ orderId: 7, instrument: { exchange: 'NSE', symbol: 'INFY' }, side: 'BUY', type: 'LIMIT', quantity: 5, state: 'REJECTED', rejectReason: 'max order value' }))
      .toMatchObject({ id: '7', instrument: 'NSE:INFY', orderType: 'LIMIT', status: 'REJECTED', reason: 'max order value' });
    expect(readPosition({ instrument: 'NSE:INFY', netQuantity: -3, avgPrice: 10, realizedPnl: 5 })).toMatchObject({ quantity: -3, averagePrice: 10, realisedPnl: 5 });
  });
  it('finds the list in paged documents', () => {
    expect(readList({ entries: [1, 2], next: 3 }, 'entries')).toEqual([1, 2]);
    expect(readList({ items: [1] })).toEqual([1]);
    expect(readList(null)).toEqual([]);
  });
});
