// Formatting for Indian markets: rupees with lakh/crore grouping (en-IN), times in IST.

export const IST = 'Asia/Kolkata';
const IST_OFFSET_SECONDS = 19800; // +05:30, no daylight saving

const inr2 = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const num = (digits: number) =>
  new Intl.NumberFormat('en-IN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const numCache = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let f = numCache.get(digits);
  if (!f) {
    f = num(digits);
    numCache.set(digits, f);
  }
  return f;
}

const DASH = '—';

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** ₹1,23,45,678.90 — en-IN grouping (lakh, crore). */
export function formatInr(value: number | null | undefined): string {
  if (!finite(value)) return DASH;
  return inr2.format(value);
}

/** +₹1,234.50 / −₹12.00, for P&L. */
export function formatSignedInr(value: number | null | undefined): string {
  if (!finite(value)) return DASH;
  const body = inr2.format(Math.abs(value));
  if (value > 0) return `+${body}`;
  if (value < 0) return `−${body}`;
  return body;
}

/** ₹12.35 L, ₹4.20 Cr: for large figures where space is short. */
export function formatInrCompact(value: number | null | undefined): string {
  if (!finite(value)) return DASH;
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (abs >= 1e7) return `${sign}₹${numberFormat(2).format(abs / 1e7)} Cr`;
  if (abs >= 1e5) return `${sign}₹${numberFormat(2).format(abs / 1e5)} L`;
  return `${sign}${inr2.format(abs)}`;
}

/** Number of decimals a tick size needs (0.05 → 2, 0.0025 → 4, 1 → 0). */
export function tickDecimals(tickSize: number | null | undefined): number {
  if (!finite(tickSize) || tickSize <= 0) return 2;
  const text = tickSize.toString();
  if (text.includes('e-')) return Math.min(8, Number(text.split('e-')[1]));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.max(2, text.length - dot - 1);
}

/** A price without the currency sign, with the decimals its tick size needs: 1,534.05. */
export function formatPrice(value: number | null | undefined, tickSize?: number): string {
  if (!finite(value)) return DASH;
  return numberFormat(tickDecimals(tickSize ?? 0.05)).format(value);
}

/** A quantity or volume with en-IN grouping: 12,34,567. */
export function formatQty(value: number | null | undefined): string {
  if (!finite(value)) return DASH;
  return numberFormat(0).format(value);
}

/** Volume in lakh/crore shorthand: 12.3 L, 1.05 Cr. */
export function formatVolumeCompact(value: number | null | undefined): string {
  if (!finite(value)) return DASH;
  if (value >= 1e7) return `${numberFormat(2).format(value / 1e7)} Cr`;
  if (value >= 1e5) return `${numberFormat(2).format(value / 1e5)} L`;
  return numberFormat(0).format(value);
}

/** +1.25 % / −0.40 %. `ratio` is a fraction unless `alreadyPercent`. */
export function formatPct(value: number | null | undefined, alreadyPercent = false): string {
  if (!finite(value)) return DASH;
  const pct = alreadyPercent ? value : value * 100;
  const body = `${numberFormat(2).format(Math.abs(pct))} %`;
  if (pct > 0) return `+${body}`;
  if (pct < 0) return `−${body}`;
  return body;
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const dateTimeFmt = new Intl.DateTimeFormat('en-IN', {
  timeZone: IST,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const timeFmt = new Intl.DateTimeFormat('en-IN', {
  timeZone: IST,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const dateFmt = new Intl.DateTimeFormat('en-IN', {
  timeZone: IST,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
});

/** 21 Nov 2026, 15:29:59 IST */
export function formatIstDateTime(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  return d ? `${dateTimeFmt.format(d).replace(' at ', ', ')} IST` : DASH;
}

/** 15:29:59 (IST) */
export function formatIstTime(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  return d ? timeFmt.format(d) : DASH;
}

const shortFmt = new Intl.DateTimeFormat('en-IN', {
  timeZone: IST,
  day: '2-digit',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 21 Nov, 15:29 (IST): for dense tables whose header says IST. */
export function formatIstShort(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  return d ? shortFmt.format(d).replace(' at ', ', ') : DASH;
}

/** 21 Nov 2026 (IST calendar day) */
export function formatIstDate(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  return d ? dateFmt.format(d) : DASH;
}

/**
 * Shifts a UTC epoch-second timestamp so that a chart that draws UTC shows IST wall-clock time.
 * lightweight-charts draws times as UTC; this is its documented way to show another zone.
 */
export function utcSecondsToIstChartTime(epochSeconds: number): number {
  return epochSeconds + IST_OFFSET_SECONDS;
}

/** The inverse of {@link utcSecondsToIstChartTime}. */
export function istChartTimeToUtcSeconds(chartSeconds: number): number {
  return chartSeconds - IST_OFFSET_SECONDS;
}

/**
 * A `datetime-local` input value ("2026-11-21T09:15") read as IST wall-clock time → an ISO-8601
 * instant with offset ("2026-11-21T09:15:00+05:30"). Empty input → null.
 */
export function istLocalToIso(local: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(local.trim());
  if (!m) return null;
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}+05:30`;
}

/** An instant → the `datetime-local` value for it in IST ("2026-11-21T09:15"). */
export function isoToIstLocal(value: string | number | Date): string {
  const d = toDate(value);
  if (!d) return '';
  const shifted = new Date(d.getTime() + IST_OFFSET_SECONDS * 1000);
  return shifted.toISOString().slice(0, 16);
}

/** "3 s", "4 min", "2 h 5 min" — for uptimes and durations. */
export function formatDuration(ms: number | null | undefined): string {
  if (!finite(ms)) return DASH;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

/** 09:15 IST, the NSE session open, as seconds after midnight UTC (03:45 UTC). */
const SESSION_OPEN_UTC_SECONDS = 3 * 3600 + 45 * 60;

/**
 * The open time (UTC epoch seconds) of the bar of `timeframeSeconds` that contains `epochSeconds`,
 * on the node's bar boundaries: sessions start at 09:15 IST and bars are aligned from there.
 */
export function barOpenTime(epochSeconds: number, timeframeSeconds: number): number {
  const dayStart = Math.floor((epochSeconds - SESSION_OPEN_UTC_SECONDS) / 86400) * 86400 + SESSION_OPEN_UTC_SECONDS;
  if (timeframeSeconds >= 86400) return dayStart;
  return dayStart + Math.floor((epochSeconds - dayStart) / timeframeSeconds) * timeframeSeconds;
}
