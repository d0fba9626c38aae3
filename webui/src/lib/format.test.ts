import { describe, expect, it } from 'vitest';
import {
  formatInr, formatInrCompact, formatIstDateTime, formatIstTime, formatPct, formatPrice,
  formatQty, formatSignedInr, isoToIstLocal, istLocalToIso, tickDecimals, utcSecondsToIstChartTime,
  formatIstDate, formatIstShort, formatVolumeCompact, barOpenTime,
} from './format';

describe('rupee formatting', () => {
  it('groups in lakh and crore with the rupee sign', () => {
    expect(formatInr(12345678.9)).toBe('₹1,23,45,678.90');
    expect(formatInr(1534.05)).toBe('₹1,534.05');
    expect(formatInr(0)).toBe('₹0.00');
  });
  it('signs P&L with a real minus', () => {
    expect(formatSignedInr(1250.5)).toBe('+₹1,250.50');
    expect(formatSignedInr(-100000)).toBe('−₹1,00,000.00');
  });
  it('shortens to lakh and crore', () => {
    expect(formatInrCompact(12_34_567)).toBe('₹12.35 L');
    expect(formatInrCompact(4_20_00_000)).toBe('₹4.20 Cr');
    expect(formatInrCompact(-5_00_00_000)).toBe('−₹5.00 Cr');
    expect(formatInrCompact(999)).toBe('₹999.00');
    expect(formatVolumeCompact(1_05_00_000)).toBe('1.05 Cr');
  });
  it('shows a dash for missing values', () => {
    expect(formatInr(null)).toBe('—');
    expect(formatInr(Number.NaN)).toBe('—');
    expect(formatQty(undefined)).toBe('—');
  });
  it('uses the decimals the tick size needs', () => {
    expect(tickDecimals(0.05)).toBe(2);
    expect(tickDecimals(0.0025)).toBe(4);
    expect(tickDecimals(1)).toBe(0);
    expect(formatPrice(1534.1, 0.05)).toBe('1,534.10');
    expect(formatQty(1234567)).toBe('12,34,567');
  });
  it('formats percentages with sign', () => {
    expect(formatPct(0.0125)).toBe('+1.25 %');
    expect(formatPct(-0.4, true)).toBe('−0.40 %');
  });
});

describe('bar boundaries', () => {
  const at = (iso: string) => Date.parse(iso) / 1000;
  it('aligns intraday bars from the 09:15 IST open', () => {
    expect(barOpenTime(at('2026-11-20T04:02:10Z'), 300)).toBe(at('2026-11-20T04:00:00Z')); // 09:32:10 IST → 09:30
    expect(barOpenTime(at('2026-11-20T04:20:00Z'), 1800)).toBe(at('2026-11-20T04:15:00Z')); // 09:50 → 09:45
    expect(barOpenTime(at('2026-11-20T04:50:00Z'), 3600)).toBe(at('2026-11-20T04:45:00Z')); // 10:20 → 10:15
  });
  it('puts times before 09:15 IST in the previous session day', () => {
    expect(barOpenTime(at('2026-11-20T03:00:00Z'), 86400)).toBe(at('2026-11-19T03:45:00Z'));
  });
});

describe('IST times', () => {
  it('shows instants in Asia/Kolkata whatever the machine zone', () => {
    // 09:59:59 UTC = 15:29:59 IST
    expect(formatIstTime('2026-11-20T09:59:59Z')).toBe('15:29:59');
    expect(formatIstDateTime('2026-11-20T09:59:59Z')).toBe('20 Nov 2026, 15:29:59 IST');
    // 20:00 UTC is already the next day in India
    expect(formatIstDate('2026-11-20T20:00:00Z')).toBe('21 Nov 2026');
    expect(formatIstShort('2026-11-20T09:59:59Z')).toBe('20 Nov, 15:29');
  });
  it('reads datetime-local input as IST', () => {
    expect(istLocalToIso('2026-11-21T09:15')).toBe('2026-11-21T09:15:00+05:30');
    expect(istLocalToIso('')).toBeNull();
    expect(isoToIstLocal('2026-11-21T03:45:00Z')).toBe('2026-11-21T09:15');
  });
  it('shifts chart times by +05:30', () => {
    expect(utcSecondsToIstChartTime(0)).toBe(19800);
  });
});
