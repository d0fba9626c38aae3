import { describe, expect, it } from 'vitest';
import {
  applyEvent, backtestRequest, checkBacktestForm, checkRanges, expandRange, formFieldOf, formFromRequest, formatSpan, isoDurationMs, mergeRest,
  metricRows, noBarsMessage, optimisationRequest, readBacktest, readCurves, readOptimisation, readOptimisationRun, readRoundTrip,
  type BacktestForm,
} from './backtests';
import { problemFromResponse } from './problem';

const REQUEST = {
  strategy: 'sma-crossover', parameters: { fast: '5', slow: '20' }, instruments: ['NSE:INFY'], timeframe: '1m',
  from: '2025-01-06T03:45:00Z', to: '2025-01-08T00:00:00Z', accountId: null, initialCapital: 1000000,
  brokerSettings: { slippageBps: '2' }, benchmark: null, riskFreeRate: 0.065, warmUpBars: null,
};

const METRICS = {
  start: '2025-01-06T03:46:00Z', end: '2025-01-07T10:00:00Z', initialEquity: 1000000.0, finalEquity: 1012345.5, totalReturn: 0.0123455, cagr: 4.2,
  annualisedVolatility: 0.12, sharpeRatio: 1.234, sortinoRatio: 2.5, maxDrawdown: 0.0321, maxDrawdownDuration: 'PT26H30M', maxDrawdownRecovered: false,
  exposure: 0.45, valueAtRisk95: 0.0012, expectedShortfall95: 0.0018, valueAtRisk99: 0.002, expectedShortfall99: 0.003, trades: 12, winRate: 0.5,
  profitFactor: null, expectancy: -120.5, averageWin: 900, averageLoss: -1000, netProfit: -1446, totalCharges: 321.4, beta: null, alpha: null,
  bars: 750, signals: 30, orders: 24,
};

describe('backtests', () => {
  it('reads a backtest as the node sends it', () => {
    const b = readBacktest({ id: 'B1', strategy: 'sma-crossover', status: 'RUNNING', progress: 0.42, bars: 0, error: '', request: REQUEST, metrics: null, createdAt: '2026-11-20T04:00:00Z' });
    expect(b).toMatchObject({ id: 'B1', status: 'RUNNING', progress: 0.42, metrics: null, error: undefined });
    expect(b.request).toMatchObject({ instruments: ['NSE:INFY'], timeframe: '1m', initialCapital: 1000000, brokerSettings: { slippageBps: '2' }, riskFreeRate: 0.065, accountId: undefined });
    expect(readBacktest({ id: 'b', status: 'RUNNING', progress: 42 }).progress).toBeCloseTo(0.42);
  });

  it('follows the stream and never goes back from a final state', () => {
    const b = readBacktest({ id: 'B1', status: 'QUEUED', progress: 0, request: REQUEST });
    const running = applyEvent(b, { id: 'B1', kind: 'backtest', status: 'RUNNING', progress: 0.5, done: 375, total: 750, error: '' });
    expect(running).toMatchObject({ status: 'RUNNING', progress: 0.5, done: 375, total: 750 });
    const done = applyEvent(running, { status: 'DONE', progress: 1, done: 750, total: 750 });
    expect(done.status).toBe('DONE');
    expect(applyEvent(done, { status: 'RUNNING', progress: 0.9 }).status).toBe('DONE');
    // a slower REST answer does not undo the stream; a final REST answer (with metrics) wins
    expect(mergeRest(running, readBacktest({ id: 'B1', status: 'RUNNING', progress: 0.2, request: REQUEST })).progress).toBe(0.5);
    expect(mergeRest(done, readBacktest({ id: 'B1', status: 'RUNNING', progress: 0.9, request: REQUEST })).status).toBe('DONE');
    const final = readBacktest({ id: 'B1', status: 'DONE', progress: 1, request: REQUEST, metrics: METRICS });
    expect(mergeRest(running, final).metrics).not.toBeNull();
    const failed = applyEvent(running, { status: 'FAILED', progress: 0.6, error: 'equity reached zero at 2025-01-06T05:00:00Z' });
    expect(failed.error).toContain('equity reached zero');
  });

  it('says the metrics in words: rupees, signed returns, losses, durations, undefined ones', () => {
    const rows = metricRows(METRICS);
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.totalReturn).toMatchObject({ label: 'Total return', value: '+1.23 %', tone: 'up' });
    expect(by.sharpeRatio.value).toBe('1.23');
    expect(by.maxDrawdown.value).toBe('−3.21 %');
    expect(by.maxDrawdownDuration).toMatchObject({ value: '1 d 2 h', hint: 'not recovered by the end' });
    expect(by.winRate.value).toBe('50.00 %');
    expect(by.profitFactor).toMatchObject({ value: '—', hint: 'not defined for this run' });
    expect(by.expectancy).toMatchObject({ value: '−₹120.50', tone: 'down' });
    expect(by.valueAtRisk95.value).toBe('−0.12 %');
    expect(by.finalEquity.value).toBe('₹10,12,345.50');
    expect(by.trades.value).toBe('12');
    // beta and alpha only with a benchmark
    expect(by.beta).toBeUndefined();
    expect(metricRows({ ...METRICS, beta: 0.8, alpha: 0.02 }).find((r) => r.key === 'alpha')?.value).toBe('+2.00 %');
    expect(rows.map((r) => r.label).slice(0, 6)).toEqual(['Total return', 'CAGR', 'Sharpe', 'Sortino', 'Max drawdown', 'Max drawdown duration']);
    expect(metricRows(null)).toEqual([]);
  });

  it('reads ISO-8601 durations', () => {
    expect(isoDurationMs('PT26H30M')).toBe(26.5 * 3600_000);
    expect(isoDurationMs('P2DT3H')).toBe(51 * 3600_000);
    expect(isoDurationMs('PT0S')).toBe(0);
    expect(isoDurationMs('PT1.5S')).toBe(1500);
    expect(isoDurationMs('nonsense')).toBeNull();
    expect(formatSpan(0)).toBe('none');
    expect(formatSpan(45 * 60_000)).toBe('45 min');
    expect(formatSpan(3 * 3600_000 + 20 * 60_000)).toBe('3 h 20 min');
  });

  it('turns the equity rows into equity and drawdown series', () => {
    const c = readCurves([
      { at: '2025-01-06T03:46:00Z', equity: 1000000, drawdown: 0, inMarket: false },
      { at: '2025-01-06T03:47:00Z', equity: 990000, drawdown: 0.01, inMarket: true },
    ]);
    const t0 = Date.parse('2025-01-06T03:46:00Z') / 1000;
    expect(c.equity).toEqual([{ time: t0, value: 1000000 }, { time: t0 + 60, value: 990000 }]);
    expect(c.drawdown).toEqual([{ time: t0, value: 0 }, { time: t0 + 60, value: -1 }]);
    // without a drawdown column it is computed from the highs
    expect(readCurves([{ at: 1736135160, equity: 100 }, { at: 1736135220, equity: 95 }]).drawdown[1].value).toBeCloseTo(-5);
  });

  it('reads round trips', () => {
    expect(readRoundTrip({ instrument: 'NSE:INFY', side: 'BUY', quantity: 66, entryTime: '2025-01-06T04:00:00Z', entryPrice: 1500.5, exitTime: '2025-01-06T05:00:00Z', exitPrice: 1510, pnl: 580.2, charges: 46.8 }))
      .toMatchObject({ side: 'BUY', quantity: 66, entryPrice: 1500.5, pnl: 580.2, charges: 46.8 });
  });
});

const FORM: BacktestForm = {
  strategy: 'sma-crossover', parameters: { fast: '5', slow: '20' }, instruments: 'nse:infy', timeframe: '1m', from: '2025-01-06T09:15', to: '2025-01-08T05:30',
  capital: '10,00,000', slippageBps: '2', brokeragePercent: '', benchmark: '', riskFreePercent: '6.5', warmUpBars: '', accountId: '',
};

describe('the backtest form', () => {
  it('sends only fields the node takes, times as UTC instants read from IST', () => {
    expect(backtestRequest(FORM)).toEqual({
      strategy: 'sma-crossover', parameters: { fast: '5', slow: '20' }, instruments: ['NSE:INFY'], timeframe: '1m',
      from: '2025-01-06T03:45:00.000Z', to: '2025-01-08T00:00:00.000Z', initialCapital: 1000000, brokerSettings: { slippageBps: '2' }, riskFreeRate: 0.065,
    });
    const more = backtestRequest({ ...FORM, capital: '', slippageBps: '', brokeragePercent: '0.03', benchmark: 'nse:niftybees', riskFreePercent: '', warmUpBars: '100', accountId: '7' });
    expect(more).toMatchObject({ brokerSettings: { brokerageIntradayPercent: '0.03' }, benchmark: 'NSE:NIFTYBEES', warmUpBars: 100, accountId: 7 });
    expect(more).not.toHaveProperty('initialCapital');
    expect(more).not.toHaveProperty('riskFreeRate');
  });

  it('checks it before sending', () => {
    expect(checkBacktestForm(FORM)).toEqual({});
    const e = checkBacktestForm({ ...FORM, instruments: 'INFY', from: '2025-01-08T09:15', to: '2025-01-06T09:15', capital: '-5', slippageBps: '900', warmUpBars: '1.5', benchmark: 'NIFTY' });
    expect(Object.keys(e).sort()).toEqual(['benchmark', 'capital', 'instruments', 'slippageBps', 'to', 'warmUpBars']);
    expect(e.to).toBe('The end must be after the start');
    expect(checkBacktestForm({ ...FORM, from: '' }).from).toMatch(/start/);
  });

  it('fills the form from a past backtest', () => {
    const f = formFromRequest(readBacktest({ id: 'B1', request: REQUEST }).request);
    expect(f).toMatchObject({ instruments: 'NSE:INFY', from: '2025-01-06T09:15', to: '2025-01-08T05:30', capital: '1000000', slippageBps: '2', riskFreePercent: '6.5', accountId: '' });
    expect(backtestRequest(f)).toMatchObject({ from: '2025-01-06T03:45:00.000Z', to: '2025-01-08T00:00:00.000Z', riskFreeRate: 0.065 });
  });

  it('explains a range without bars and maps request fields to form fields', () => {
    const e = problemFromResponse(422, 'Unprocessable content', { status: 422, detail: 'no 1m bars of NSE:INFY in the range' }, null);
    expect(noBarsMessage(e)).toMatch(/^No bars to test: no 1m bars of NSE:INFY in the range\. Import bars/);
    expect(noBarsMessage(problemFromResponse(400, 'Bad', { detail: 'x' }, null))).toBeNull();
    expect(formFieldOf('initialCapital')).toBe('capital');
    expect(formFieldOf('brokerSettings.slippageBps')).toBe('slippageBps');
    expect(formFieldOf('from')).toBe('from');
  });
});

describe('optimisation', () => {
  const none = { from: '', to: '', step: '', values: '' };
  it('expands ranges as the node does and counts the backtests', () => {
    expect(expandRange({ ...none, from: '5', to: '20', step: '5' })).toEqual(['5', '10', '15', '20']);
    expect(expandRange({ ...none, from: '0.5', to: '1', step: '0.25' })).toEqual(['0.5', '0.75', '1']);
    expect(expandRange({ ...none, values: 'middle, upper' })).toEqual(['middle', 'upper']);
    expect(expandRange(none)).toEqual([]);
    expect(expandRange({ ...none, from: '20', to: '5', step: '5' })).toBeNull();
    expect(checkRanges({ fast: { ...none, from: '5', to: '20', step: '5' }, slow: { ...none, values: '30 50' } }, 'grid', '')).toEqual({ errors: {}, runs: 8 });
    expect(checkRanges({ fast: none }, 'grid', '').errors._).toMatch(/Vary at least one/);
    expect(checkRanges({ fast: { ...none, from: '1', to: '10000', step: '1' }, slow: { ...none, from: '1', to: '10', step: '1' } }, 'grid', '').errors._).toMatch(/at most 20,000/);
    expect(checkRanges({ fast: { ...none, from: '1', to: '100', step: '1' } }, 'random', '25').runs).toBe(25);
    expect(checkRanges({ fast: { ...none, from: '1', to: '100', step: '1' } }, 'random', '0').errors.samples).toBeDefined();
  });

  it('builds the request with the varied parameters only', () => {
    const body = optimisationRequest({ strategy: 'sma-crossover' }, { fast: { ...none, from: '5', to: '20', step: '5' }, slow: { ...none, values: '30, 50' }, k: none }, 'grid', 'totalReturn', '50');
    expect(body).toEqual({
      backtest: { strategy: 'sma-crossover' }, method: 'grid', rankBy: 'totalReturn',
      ranges: { fast: { from: 5, to: 20, step: 5 }, slow: { values: ['30', '50'] } },
    });
    expect(optimisationRequest({}, {}, 'random', 'sharpeRatio', '50').samples).toBe(50);
  });

  it('reads optimisations and their runs', () => {
    const o = readOptimisation({ id: 'O1', strategy: 'sma-crossover', method: 'grid', status: 'DONE', progress: 1, runs: 6, error: '', summary: { rankBy: 'totalReturn', bestParameters: { fast: '5', slow: '20' }, bestScore: 0.01 } });
    expect(o).toMatchObject({ id: 'O1', status: 'DONE', runs: 6, error: undefined });
    expect(o.summary?.bestParameters).toEqual({ fast: '5', slow: '20' });
    expect(readOptimisationRun({ rank: 5, fold: 0, phase: 'SEARCH', parameters: { fast: '30', slow: '20' }, score: null, metrics: null, error: 'fast (30) must be less than slow (20)' }))
      .toMatchObject({ rank: 5, score: null, error: 'fast (30) must be less than slow (20)' });
  });
});
