// Backtests and optimisations as the node sends them (platform/backtest …/rest), the requests the
// backtests page sends, and the metrics in words. Fractions are plain numbers on the wire (0.05 =
// 5 %), money is rupees, an undefined statistic is null.
import { num, str } from '../api/read';
import { formatInr, formatPct, formatQty, formatSignedInr, isoToIstLocal, istLocalToIso } from './format';
import { ApiError } from './problem';

type Obj = Record<string, unknown>;

export const FINAL_STATUSES = ['DONE', 'FAILED', 'CANCELLED'];

export function isFinal(status: string | undefined): boolean {
  return FINAL_STATUSES.includes(String(status ?? '').toUpperCase());
}

/** The request a backtest was run with (BacktestRequestDto). */
export interface BacktestRequestView {
  strategy: string;
  parameters: Record<string, string>;
  instruments: string[];
  timeframe: string;
  from?: string;
  to?: string;
  accountId?: string;
  initialCapital: number | null;
  brokerSettings: Record<string, string>;
  benchmark?: string;
  riskFreeRate: number | null;
  warmUpBars: number | null;
}

/** A backtest (BacktestDto), with what the `backtests` stream adds while it runs. */
export interface Backtest {
  id: string;
  strategy: string;
  /** QUEUED, RUNNING, DONE, FAILED or CANCELLED. */
  status: string;
  /** 0 to 1, null when unknown. */
  progress: number | null;
  bars: number | null;
  /** Units done and in all (bars of a backtest, runs of an optimisation), from the stream. */
  done: number | null;
  total: number | null;
  error?: string;
  request: BacktestRequestView;
  /** Once DONE; null before. */
  metrics: Record<string, unknown> | null;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
}

function text(v: unknown): string | undefined {
  const t = str(v);
  return t === null || t.trim() === '' ? undefined : t;
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Obj)) if (x !== null && x !== undefined) out[k] = String(x);
  }
  return out;
}

function fraction(v: unknown): number | null {
  const n = num(v);
  if (n === null) return null;
  return n > 1 ? n / 100 : n;
}

export function readRequest(raw: unknown): BacktestRequestView {
  const o = (raw ?? {}) as Obj;
  const inst = o.instruments ?? (o.instrument ? [o.instrument] : []);
  return {
    strategy: String(o.strategy ?? ''),
    parameters: stringMap(o.parameters),
    instruments: Array.isArray(inst) ? (inst as unknown[]).map(String) : [],
    timeframe: String(o.timeframe ?? ''),
    from: text(o.from),
    to: text(o.to),
    accountId: o.accountId === null || o.accountId === undefined ? undefined : String(o.accountId),
    initialCapital: num(o.initialCapital),
    brokerSettings: stringMap(o.brokerSettings),
    benchmark: text(o.benchmark),
    riskFreeRate: num(o.riskFreeRate),
    warmUpBars: num(o.warmUpBars),
  };
}

export function readBacktest(raw: unknown): Backtest {
  const o = (raw ?? {}) as Obj;
  const request = readRequest(o.request ?? o.spec ?? {});
  const metrics = o.metrics && typeof o.metrics === 'object' && !Array.isArray(o.metrics) ? (o.metrics as Record<string, unknown>) : null;
  return {
    id: String(o.id ?? o.backtestId ?? ''),
    strategy: String(o.strategy ?? request.strategy ?? ''),
    status: String(o.status ?? o.state ?? '').toUpperCase(),
    progress: fraction(o.progress ?? o.percentComplete),
    bars: num(o.bars),
    done: num(o.done),
    total: num(o.total),
    error: text(o.error ?? o.message),
    request: { ...request, strategy: request.strategy || String(o.strategy ?? '') },
    metrics: metrics && Object.keys(metrics).length ? metrics : null,
    createdAt: text(o.createdAt ?? o.submittedAt),
    startedAt: text(o.startedAt),
    finishedAt: text(o.finishedAt),
  };
}

/**
 * A `backtests` stream event ({id, kind, status, progress, done, total, error}) applied to what the
 * page knows. A final state in the stream never goes back to RUNNING (a late REST answer can).
 */
export function applyEvent<T extends { status: string; progress: number | null; done?: number | null; total?: number | null; error?: string }>(current: T, event: unknown): T {
  const e = (event ?? {}) as Obj;
  const status = text(e.status)?.toUpperCase();
  if (isFinal(current.status) && status && !isFinal(status)) return current;
  const progress = fraction(e.progress);
  return {
    ...current,
    status: status ?? current.status,
    progress: progress ?? current.progress,
    done: num(e.done) ?? current.done ?? null,
    total: num(e.total) ?? current.total ?? null,
    error: text(e.error) ?? current.error,
  };
}

/**
 * A REST answer merged with what the page already knows (perhaps from the stream, which is ahead of
 * polling): a final REST answer wins (it carries the metrics); otherwise progress never goes back.
 */
export function mergeRest<T extends { status: string; progress: number | null; error?: string }>(known: T | null | undefined, rest: T): T {
  if (!known || isFinal(rest.status)) return rest;
  if (isFinal(known.status)) return { ...rest, status: known.status, progress: known.progress, error: known.error ?? rest.error };
  const ahead = (known.progress ?? 0) > (rest.progress ?? 0);
  return ahead ? { ...rest, status: known.status === 'RUNNING' ? 'RUNNING' : rest.status, progress: known.progress } : rest;
}

// ---- metrics ----

/** ISO-8601 duration ("PT72H30M", "P2DT3H", "PT0S") → milliseconds, or null. */
export function isoDurationMs(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const m = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(iso.trim());
  if (!m || iso.trim() === 'P' || iso.trim().endsWith('T')) return null;
  const [, neg, d, h, min, s] = m;
  const ms = ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
  return neg ? -ms : ms;
}

/** "2 d 4 h", "3 h 20 min", "45 min", "30 s", "none". */
export function formatSpan(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms <= 0) return 'none';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const totalMin = Math.round(s / 60);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const min = totalMin % 60;
  if (d) return h ? `${d} d ${h} h` : `${d} d`;
  if (h) return min ? `${h} h ${min} min` : `${h} h`;
  return `${min} min`;
}

/** 12.34 % (no sign): for shares of something, like a win rate or exposure. */
export function formatShare(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return `${(v * 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
}

function plain(v: number | null, digits = 2): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return v.toLocaleString('en-IN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export interface MetricRow {
  key: string;
  label: string;
  value: string;
  /** up / down for a figure that is good or bad by its sign. */
  tone?: 'up' | 'down';
  hint?: string;
}

type Kind = 'signedPct' | 'share' | 'loss' | 'ratio' | 'inr' | 'signedInr' | 'int' | 'duration';

/** Which metrics to show, in order: [names on the wire, label, kind, hint, shown only when defined]. */
const METRICS: Array<[string[], string, Kind, string?, boolean?]> = [
  [['totalReturn'], 'Total return', 'signedPct'],
  [['cagr'], 'CAGR', 'signedPct', 'compound annual growth rate'],
  [['sharpeRatio', 'sharpe'], 'Sharpe', 'ratio', 'annualised'],
  [['sortinoRatio', 'sortino'], 'Sortino', 'ratio', 'annualised'],
  [['maxDrawdown'], 'Max drawdown', 'loss', 'deepest fall from a high'],
  [['maxDrawdownDuration'], 'Max drawdown duration', 'duration', 'from its peak to recovery (or the end)'],
  [['winRate'], 'Win rate', 'share', 'trades with a profit after charges'],
  [['profitFactor'], 'Profit factor', 'ratio', 'gross profit ÷ gross loss'],
  [['expectancy'], 'Expectancy', 'signedInr', 'mean P&L per trade'],
  [['exposure'], 'Exposure', 'share', 'bars with a position open'],
  [['valueAtRisk95', 'var95'], 'VaR 95 %', 'loss', 'historical, per bar'],
  [['expectedShortfall95', 'cvar95'], 'CVaR 95 %', 'loss', 'historical, per bar'],
  [['valueAtRisk99', 'var99'], 'VaR 99 %', 'loss', 'historical, per bar'],
  [['expectedShortfall99', 'cvar99'], 'CVaR 99 %', 'loss', 'historical, per bar'],
  [['beta'], 'Beta', 'ratio', 'against the benchmark', true],
  [['alpha'], 'Alpha', 'signedPct', "Jensen's, per year, against the benchmark", true],
  [['annualisedVolatility'], 'Volatility', 'share', 'annualised'],
  [['trades', 'numberOfTrades'], 'Trades', 'int', 'closed round trips'],
  [['netProfit'], 'Net profit', 'signedInr', 'sum of trade P&L, after charges'],
  [['averageWin'], 'Average win', 'signedInr'],
  [['averageLoss'], 'Average loss', 'signedInr'],
  [['totalCharges', 'fees'], 'Charges', 'inr', 'brokerage and taxes'],
  [['initialEquity'], 'Initial capital', 'inr'],
  [['finalEquity'], 'Final equity', 'inr'],
  [['bars'], 'Bars', 'int', 'replayed'],
  [['signals'], 'Signals', 'int'],
  [['orders'], 'Orders', 'int'],
];

function toneOf(kind: Kind, n: number | null): MetricRow['tone'] {
  if (n === null || n === 0) return undefined;
  if (kind === 'signedPct' || kind === 'signedInr') return n > 0 ? 'up' : 'down';
  return undefined;
}

/** The metrics in words, in a fixed order; undefined statistics show "—" (beta and alpha hide). */
export function metricRows(metrics: Record<string, unknown> | null | undefined): MetricRow[] {
  if (!metrics) return [];
  const rows: MetricRow[] = [];
  for (const [names, label, kind, hint, onlyWhenDefined] of METRICS) {
    const key = names.find((n) => n in metrics);
    if (!key) continue;
    const raw = metrics[key];
    const n = num(raw);
    if (onlyWhenDefined && n === null) continue;
    let value: string;
    let rowHint = hint;
    switch (kind) {
      case 'signedPct':
        value = formatPct(n);
        break;
      case 'share':
        value = formatShare(n);
        break;
      case 'loss':
        value = n === null ? '—' : n === 0 ? '0.00 %' : `−${formatShare(Math.abs(n))}`;
        break;
      case 'ratio':
        value = plain(n);
        break;
      case 'inr':
        value = formatInr(n);
        break;
      case 'signedInr':
        value = formatSignedInr(n);
        break;
      case 'int':
        value = formatQty(n);
        break;
      case 'duration': {
        value = formatSpan(isoDurationMs(raw));
        if (metrics.maxDrawdownRecovered === false && value !== 'none' && value !== '—') rowHint = 'not recovered by the end';
        else if (metrics.maxDrawdownRecovered === true && value !== 'none') rowHint = 'recovered';
        break;
      }
    }
    rows.push({ key, label, value, tone: toneOf(kind, n), hint: value === '—' ? 'not defined for this run' : rowHint });
  }
  return rows;
}

// ---- equity, trades, orders ----

function epochSeconds(v: unknown): number | null {
  if (typeof v === 'number') return v > 1e11 ? Math.floor(v / 1000) : v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : Math.floor(t / 1000);
  }
  return null;
}

export interface Curves {
  equity: Array<{ time: number; value: number }>;
  /** Percent below the high so far, as negative numbers (−3.5 = 3.5 % down). */
  drawdown: Array<{ time: number; value: number }>;
}

/** GET /backtests/{id}/equity: [{at, equity, drawdown, inMarket}] → chart series. */
export function readCurves(raw: unknown): Curves {
  const list = Array.isArray(raw) ? raw : (((raw as Obj)?.points ?? (raw as Obj)?.equity ?? []) as unknown[]);
  const equity: Curves['equity'] = [];
  const drawdown: Curves['drawdown'] = [];
  let peak = -Infinity;
  for (const item of Array.isArray(list) ? list : []) {
    const o = (item ?? {}) as Obj;
    const time = epochSeconds(o.at ?? o.time ?? o.timestamp);
    const value = num(o.equity ?? o.value);
    if (time === null || value === null) continue;
    equity.push({ time, value });
    peak = Math.max(peak, value);
    const dd = num(o.drawdown);
    const fall = dd !== null ? Math.abs(dd) : peak > 0 ? 1 - value / peak : 0;
    drawdown.push({ time, value: fall === 0 ? 0 : -fall * 100 });
  }
  return { equity, drawdown };
}

/** A closed round trip (Rows.Trade). */
export interface RoundTrip {
  instrument: string;
  /** BUY for a long trade, SELL for a short one. */
  side: string;
  quantity: number;
  entryTime?: string;
  entryPrice: number | null;
  exitTime?: string;
  exitPrice: number | null;
  pnl: number | null;
  charges: number | null;
}

export function readRoundTrip(raw: unknown): RoundTrip {
  const o = (raw ?? {}) as Obj;
  return {
    instrument: String(o.instrument ?? ''),
    side: String(o.side ?? '').toUpperCase(),
    quantity: num(o.quantity) ?? 0,
    entryTime: text(o.entryTime),
    entryPrice: num(o.entryPrice),
    exitTime: text(o.exitTime),
    exitPrice: num(o.exitPrice),
    pnl: num(o.pnl),
    charges: num(o.charges),
  };
}

/** An order a backtest placed (Rows.Order). */
export interface BacktestOrder {
  orderId: string;
  instrument: string;
  side: string;
  quantity: number;
  type: string;
  limitPrice: number | null;
  status: string;
  filledQuantity: number;
  averagePrice: number | null;
  charges: number | null;
  message?: string;
  createdAt?: string;
  updatedAt?: string;
}

export function readBacktestOrder(raw: unknown): BacktestOrder {
  const o = (raw ?? {}) as Obj;
  return {
    orderId: String(o.orderId ?? o.id ?? ''),
    instrument: String(o.instrument ?? ''),
    side: String(o.side ?? '').toUpperCase(),
    quantity: num(o.quantity) ?? 0,
    type: String(o.type ?? '').replace(/_/g, '-'),
    limitPrice: num(o.limitPrice),
    status: String(o.status ?? '').toUpperCase(),
    filledQuantity: num(o.filledQuantity) ?? 0,
    averagePrice: num(o.averagePrice),
    charges: num(o.charges),
    message: text(o.message),
    createdAt: text(o.createdAt),
    updatedAt: text(o.updatedAt),
  };
}

// ---- the form ----

export interface BacktestForm {
  strategy: string;
  parameters: Record<string, string>;
  instruments: string;
  timeframe: string;
  /** datetime-local values, read as IST. */
  from: string;
  to: string;
  /** Rupees; blank = the node's default (₹10,00,000). */
  capital: string;
  /** Basis points; blank = the paper broker's default. */
  slippageBps: string;
  /** Brokerage on intraday orders, % of turnover; blank = the paper broker's default. */
  brokeragePercent: string;
  /** Blank = no benchmark (no beta, no alpha). */
  benchmark: string;
  /** Annual, in percent (6.5 = 6.5 %); blank = 0. */
  riskFreePercent: string;
  warmUpBars: string;
  /** Whose risk limits the rules apply; blank = the default limits. */
  accountId: string;
}

const INSTRUMENT = /^[A-Z][A-Z0-9_]*:[A-Z0-9][A-Z0-9&_.-]*$/;

function instrumentsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
}

function numberOr(text: string): number | null {
  const t = text.replace(/[,_\s₹]/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

/** Checks the form before sending; messages by field ("from", "capital" …). */
export function checkBacktestForm(f: BacktestForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.strategy) e.strategy = 'Choose a strategy';
  const inst = instrumentsOf(f.instruments);
  if (!inst.length) e.instruments = 'Name at least one instrument, e.g. NSE:INFY';
  else if (inst.some((i) => !INSTRUMENT.test(i))) e.instruments = 'Write instruments as EXCHANGE:SYMBOL, e.g. NSE:INFY';
  if (!f.timeframe) e.timeframe = 'Choose a timeframe';
  const from = istLocalToIso(f.from);
  const to = istLocalToIso(f.to);
  if (!from) e.from = 'Give the start date and time (IST)';
  if (!to) e.to = 'Give the end date and time (IST)';
  if (from && to && Date.parse(to) <= Date.parse(from)) e.to = 'The end must be after the start';
  const capital = numberOr(f.capital);
  if (capital !== null && !(capital > 0)) e.capital = 'Capital must be a positive amount in rupees';
  const slip = numberOr(f.slippageBps);
  if (slip !== null && !(slip >= 0 && slip <= 500)) e.slippageBps = 'Slippage must be 0 to 500 basis points';
  const brokerage = numberOr(f.brokeragePercent);
  if (brokerage !== null && !(brokerage >= 0 && brokerage <= 100)) e.brokeragePercent = 'Brokerage must be 0 to 100 %';
  if (f.benchmark.trim() && !INSTRUMENT.test(f.benchmark.trim().toUpperCase())) e.benchmark = 'Write the benchmark as EXCHANGE:SYMBOL, e.g. NSE:NIFTYBEES';
  const rf = numberOr(f.riskFreePercent);
  if (rf !== null && !(rf > -100 && rf < 100)) e.riskFreePercent = 'The risk-free rate is an annual percentage, e.g. 6.5';
  const warm = numberOr(f.warmUpBars);
  if (warm !== null && !(Number.isInteger(warm) && warm >= 0 && warm <= 100_000)) e.warmUpBars = 'Warm-up is 0 to 1,00,000 whole bars';
  return e;
}

/** "2025-01-06T09:15" (IST) → "2025-01-06T03:45:00.000Z". */
function utcInstant(local: string): string | undefined {
  const iso = istLocalToIso(local);
  return iso ? new Date(iso).toISOString() : undefined;
}

/** The body of POST /backtests: only the fields the node takes (it refuses unknown ones). */
export function backtestRequest(f: BacktestForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    strategy: f.strategy,
    parameters: f.parameters,
    instruments: instrumentsOf(f.instruments),
    timeframe: f.timeframe,
    from: utcInstant(f.from),
    to: utcInstant(f.to),
  };
  const capital = numberOr(f.capital);
  if (capital !== null) body.initialCapital = capital;
  const broker: Record<string, string> = {};
  const slip = numberOr(f.slippageBps);
  if (slip !== null) broker.slippageBps = String(slip);
  const brokerage = numberOr(f.brokeragePercent);
  if (brokerage !== null) broker.brokerageIntradayPercent = String(brokerage);
  if (Object.keys(broker).length) body.brokerSettings = broker;
  if (f.benchmark.trim()) body.benchmark = f.benchmark.trim().toUpperCase();
  const rf = numberOr(f.riskFreePercent);
  if (rf !== null) body.riskFreeRate = Math.round(rf * 1e6) / 1e8;
  const warm = numberOr(f.warmUpBars);
  if (warm !== null) body.warmUpBars = warm;
  if (f.accountId) body.accountId = Number(f.accountId);
  return body;
}

/**
 * For a 422 (no bars in the range): what to tell the trader, with what to do about it; else null.
 */
export function noBarsMessage(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const detail = error.detail ?? 'there are no bars in the range';
  return `No bars to test: ${detail}. Import bars for this instrument and timeframe (workspace chart → Import CSV, or POST /api/v1/bars/import), or choose a range that has them.`;
}

/** The form's field a backtest request field belongs to ("initialCapital" → "capital" …). */
export function formFieldOf(apiField: string | null): string | null {
  if (!apiField) return null;
  const map: Record<string, string> = {
    initialCapital: 'capital',
    'brokerSettings.slippageBps': 'slippageBps',
    'brokerSettings.brokerageIntradayPercent': 'brokeragePercent',
    riskFreeRate: 'riskFreePercent',
  };
  return map[apiField] ?? apiField;
}

// ---- optimisation ----

export const RANK_BY: Array<[string, string]> = [
  ['sharpeRatio', 'Sharpe ratio'],
  ['sortinoRatio', 'Sortino ratio'],
  ['totalReturn', 'Total return'],
  ['cagr', 'CAGR'],
  ['netProfit', 'Net profit'],
  ['profitFactor', 'Profit factor'],
  ['winRate', 'Win rate'],
  ['expectancy', 'Expectancy'],
  ['maxDrawdown', 'Max drawdown (smallest first)'],
];

/** One parameter's range in the form: from/to/step for numbers, a list of values otherwise. */
export interface RangeForm {
  from: string;
  to: string;
  step: string;
  values: string;
}

export interface Optimisation {
  id: string;
  strategy: string;
  method: string;
  status: string;
  progress: number | null;
  runs: number | null;
  done: number | null;
  total: number | null;
  error?: string;
  summary: Record<string, unknown> | null;
  createdAt?: string;
  finishedAt?: string;
}

export function readOptimisation(raw: unknown): Optimisation {
  const o = (raw ?? {}) as Obj;
  const summary = o.summary && typeof o.summary === 'object' && !Array.isArray(o.summary) ? (o.summary as Record<string, unknown>) : null;
  return {
    id: String(o.id ?? ''),
    strategy: String(o.strategy ?? ''),
    method: String(o.method ?? 'grid'),
    status: String(o.status ?? '').toUpperCase(),
    progress: fraction(o.progress),
    runs: num(o.runs),
    done: num(o.done),
    total: num(o.total),
    error: text(o.error),
    summary: summary && Object.keys(summary).length ? summary : null,
    createdAt: text(o.createdAt),
    finishedAt: text(o.finishedAt),
  };
}

export interface OptimisationRun {
  rank: number;
  fold: number;
  phase: string;
  parameters: Record<string, string>;
  score: number | null;
  metrics: Record<string, unknown> | null;
  error?: string;
}

export function readOptimisationRun(raw: unknown): OptimisationRun {
  const o = (raw ?? {}) as Obj;
  return {
    rank: num(o.rank) ?? 0,
    fold: num(o.fold) ?? 0,
    phase: String(o.phase ?? 'SEARCH'),
    parameters: stringMap(o.parameters),
    score: num(o.score),
    metrics: o.metrics && typeof o.metrics === 'object' ? (o.metrics as Record<string, unknown>) : null,
    error: text(o.error),
  };
}

/** The values a numeric range expands to (as the node does), or null when it is malformed. */
export function expandRange(r: RangeForm): string[] | null {
  if (r.values.trim()) return r.values.split(/[\s,;]+/).filter(Boolean);
  if (!r.from.trim() && !r.to.trim() && !r.step.trim()) return [];
  const from = Number(r.from);
  const to = Number(r.to);
  const step = Number(r.step || '1');
  if (![from, to, step].every(Number.isFinite) || step <= 0 || to < from) return null;
  const out: string[] = [];
  for (let i = 0; from + i * step <= to + 1e-9 && out.length <= 10_000; i++) out.push(String(Math.round((from + i * step) * 1e9) / 1e9));
  return out;
}

/** Checks the ranges; messages by parameter name, and how many backtests a grid would run. */
export function checkRanges(ranges: Record<string, RangeForm>, method: string, samples: string): { errors: Record<string, string>; runs: number } {
  const errors: Record<string, string> = {};
  let runs = 1;
  let varied = 0;
  for (const [name, r] of Object.entries(ranges)) {
    const values = expandRange(r);
    if (values === null) {
      errors[name] = `${name}: give from ≤ to and a positive step, or a list of values`;
      continue;
    }
    if (!values.length) continue;
    varied++;
    runs *= values.length;
  }
  if (!varied && !Object.keys(errors).length) errors._ = 'Vary at least one parameter: give its range';
  if (method === 'random') {
    const n = Number(samples);
    if (!Number.isInteger(n) || n < 1 || n > 20_000) errors.samples = 'Samples must be 1 to 20,000';
    else runs = Math.min(runs, n);
  } else if (runs > 20_000) {
    errors._ = `The ranges span ${formatQty(runs)} combinations; at most 20,000. Use larger steps.`;
  }
  return { errors, runs: varied ? runs : 0 };
}

/** The body of POST /backtests/optimisations. */
export function optimisationRequest(
  backtest: Record<string, unknown>,
  ranges: Record<string, RangeForm>,
  method: string,
  rankBy: string,
  samples: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, r] of Object.entries(ranges)) {
    if (r.values.trim()) out[name] = { values: r.values.split(/[\s,;]+/).filter(Boolean) };
    else if (r.from.trim() || r.to.trim()) out[name] = { from: Number(r.from), to: Number(r.to), step: Number(r.step || '1') };
  }
  const body: Record<string, unknown> = { backtest, method, ranges: out, rankBy };
  if (method === 'random') body.samples = Number(samples);
  return body;
}

/** The form filled from a past backtest's request ("Use these settings"). */
export function formFromRequest(r: BacktestRequestView): BacktestForm {
  const rf = r.riskFreeRate;
  return {
    strategy: r.strategy,
    parameters: { ...r.parameters },
    instruments: r.instruments.join(', '),
    timeframe: r.timeframe,
    from: r.from ? isoToIstLocal(r.from) : '',
    to: r.to ? isoToIstLocal(r.to) : '',
    capital: r.initialCapital === null ? '' : String(r.initialCapital),
    slippageBps: r.brokerSettings.slippageBps ?? '',
    brokeragePercent: r.brokerSettings.brokerageIntradayPercent ?? '',
    benchmark: r.benchmark ?? '',
    riskFreePercent: rf === null ? '' : String(Math.round(rf * 1e8) / 1e6),
    warmUpBars: r.warmUpBars === null ? '' : String(r.warmUpBars),
    accountId: r.accountId ?? '',
  };
}
