import { describe, expect, it } from 'vitest';
import {
  checkInstanceForm, displayState, fieldProblem, instanceActions, instanceRequest, isSettling, mergeSignals, parseInstruments, readInstance,
  readSignal, readStrategyType,
} from './strategies';
import { problemFromResponse } from './problem';
import { checkParams, initialParams, paramText, rangeText, stepValue } from '../components/ParamForm';

// shapes as platform/strategies …/rest sends them
const SMA = {
  id: 'sma-crossover',
  name: 'SMA crossover',
  description: 'Signals ENTER_LONG when the fast SMA crosses above the slow SMA',
  pluginId: 'com.sharewise.strategy.sma-crossover',
  pluginVersion: '0.1.0',
  extraTimeframes: [],
  parameters: [
    { name: 'fast', type: 'INTEGER', defaultValue: 10, min: 1.0, max: 500.0, choices: [], description: 'Bars in the fast moving average' },
    { name: 'slow', type: 'INTEGER', defaultValue: 30, min: 2.0, max: 1000.0, choices: [], description: 'Bars in the slow moving average' },
  ],
};

const INSTANCE = {
  id: 'S-7',
  accountId: 3,
  name: 'INFY trend',
  strategyType: 'sma-crossover',
  pluginId: 'com.sharewise.strategy.sma-crossover',
  pluginVersion: '0.1.0',
  instruments: ['NSE:INFY'],
  timeframe: '5m',
  parameters: { fast: '10', slow: '30' },
  state: 'RUNNING',
  status: 'STARTING',
  lastError: '',
  detail: '',
  bars: 0,
  signals: 0,
  createdBy: 'tara',
  createdAt: '2026-11-20T04:00:00Z',
  updatedAt: '2026-11-20T04:00:01Z',
};

describe('strategy types and instances', () => {
  it('reads a strategy type with its parameter schema', () => {
    const t = readStrategyType(SMA);
    expect(t).toMatchObject({ id: 'sma-crossover', name: 'SMA crossover', pluginVersion: '0.1.0' });
    expect(t.parameters[0]).toEqual({ name: 'fast', type: 'INTEGER', description: 'Bars in the fast moving average', defaultValue: 10, min: 1, max: 500, choices: null });
    const choice = readStrategyType({ id: 'b', parameters: [{ name: 'exitAt', type: 'CHOICE', defaultValue: 'middle', choices: ['middle', 'upper'] }] });
    expect(choice.parameters[0].choices).toEqual(['middle', 'upper']);
  });

  it('reads an instance: account as text, empty strings as absent, the running status', () => {
    const i = readInstance(INSTANCE);
    expect(i).toMatchObject({ id: 'S-7', accountId: '3', name: 'INFY trend', instruments: ['NSE:INFY'], timeframe: '5m', state: 'RUNNING', status: 'STARTING' });
    expect(i.lastError).toBeUndefined();
    expect(i.detail).toBeUndefined();
    expect(displayState(i)).toBe('STARTING');
    expect(isSettling(i)).toBe(true);
    expect(isSettling(readInstance({ ...INSTANCE, status: 'RUNNING' }))).toBe(false);
    const paused = readInstance({ ...INSTANCE, state: 'PAUSED', status: 'PAUSED', lastError: 'took 120 ms for one bar (budget 50 ms)' });
    expect(paused.lastError).toBe('took 120 ms for one bar (budget 50 ms)');
    expect(displayState(readInstance({ ...INSTANCE, status: 'WAITING' }))).toBe('WAITING');
  });

  it('offers only the actions the node accepts in each state', () => {
    expect(instanceActions({ state: 'RUNNING' })).toEqual({ start: false, pause: true, stop: true });
    expect(instanceActions({ state: 'PAUSED' })).toEqual({ start: true, pause: false, stop: true });
    expect(instanceActions({ state: 'STOPPED' })).toEqual({ start: true, pause: false, stop: false });
  });

  it('builds the create request with text parameters and a numeric account', () => {
    const specs = readStrategyType(SMA).parameters;
    const body = instanceRequest({
      accountId: '3', name: ' INFY trend ', strategyType: 'sma-crossover', instruments: 'nse:infy, NSE:TCS nse:infy', timeframe: '5m',
      parameters: paramText(specs, { fast: ' 5 ' }), start: true,
    });
    expect(body).toEqual({ accountId: 3, name: 'INFY trend', strategyType: 'sma-crossover', instruments: ['NSE:INFY', 'NSE:TCS'], timeframe: '5m', parameters: { fast: '5', slow: '30' }, start: true });
  });

  it('checks the form before sending', () => {
    expect(checkInstanceForm({ accountId: '3', name: '', instruments: 'NSE:INFY', timeframe: '5m' })).toEqual({});
    const e = checkInstanceForm({ accountId: '', name: 'x'.repeat(101), instruments: 'INFY', timeframe: '' });
    expect(Object.keys(e).sort()).toEqual(['accountId', 'instruments', 'name', 'timeframe']);
    expect(e.instruments).toContain('EXCHANGE:SYMBOL');
    expect(parseInstruments('  ').error).toMatch(/at least one/);
    expect(parseInstruments('BSE:M&M').instruments).toEqual(['BSE:M&M']);
  });
});

describe('parameter forms', () => {
  const specs = readStrategyType(SMA).parameters;
  it('starts from the defaults, or the instance’s stored values', () => {
    expect(initialParams(specs)).toEqual({ fast: '10', slow: '30' });
    expect(initialParams(specs, { fast: '7' })).toEqual({ fast: '7', slow: '30' });
  });
  it('checks numbers, whole numbers, ranges, choices and booleans', () => {
    expect(checkParams(specs, {})).toEqual({});
    expect(checkParams(specs, { fast: '0', slow: '' })).toEqual({ fast: 'fast must be at least 1', slow: 'slow must be a number' });
    expect(checkParams(specs, { fast: '600' })).toEqual({ fast: 'fast must be at most 500' });
    const more = [
      { name: 'exitAt', type: 'CHOICE', defaultValue: 'middle', choices: ['middle', 'upper'] },
      { name: 'allowShort', type: 'BOOLEAN', defaultValue: false },
    ];
    expect(checkParams(more, { exitAt: 'lower' })).toEqual({ exitAt: 'exitAt must be one of middle, upper' });
    expect(paramText(more, { allowShort: 'true' })).toEqual({ exitAt: 'middle', allowShort: 'true' });
  });
  it('shows the range in words and steps within it with the arrow keys', () => {
    expect(rangeText(specs[0])).toBe('1–500');
    expect(rangeText({ name: 'k', type: 'DECIMAL', min: 0.5 })).toBe('at least 0.5');
    expect(stepValue(specs[0], 500, 1)).toBe(500);
    expect(stepValue(specs[0], 10, -1)).toBe(9);
    expect(stepValue({ name: 'k', type: 'DECIMAL', min: 0 }, 2, 1)).toBeCloseTo(2.1);
  });
});

describe('refusals point at their field', () => {
  it('reads the strategy API’s "field: message" detail', () => {
    const e = problemFromResponse(400, 'Bad request', { status: 400, detail: 'parameters.fast: fast (40) must be less than slow (30)' }, null);
    expect(fieldProblem(e)).toEqual({ field: 'param:fast', message: 'fast (40) must be less than slow (30)' });
    const i = problemFromResponse(400, 'Bad request', { status: 400, detail: 'instruments[1]: not EXCHANGE:SYMBOL: INFY' }, null);
    expect(fieldProblem(i)).toEqual({ field: 'instruments', message: 'not EXCHANGE:SYMBOL: INFY' });
    const unknown = problemFromResponse(404, 'Not found', { status: 404, detail: 'unknown instrument NSE:NOPE' }, null);
    expect(fieldProblem(unknown)?.field).toBe('instruments');
  });
  it('reads the backtest API’s errors.field, bare parameter names included', () => {
    const e = problemFromResponse(400, 'Bad request', { status: 400, detail: 'fast (40) must be less than slow (30)', errors: { field: 'fast' } }, null);
    expect(fieldProblem(e, ['fast', 'slow'])).toEqual({ field: 'param:fast', message: 'fast (40) must be less than slow (30)' });
    const f = problemFromResponse(400, 'Bad request', { status: 400, detail: 'to must be after from', errors: { field: 'to' } }, null);
    expect(fieldProblem(f, ['fast'])).toEqual({ field: 'to', message: 'to must be after from' });
  });
  it('names no field for other problems', () => {
    expect(fieldProblem(problemFromResponse(409, 'Conflict', { status: 409, detail: 'instance S-1 is already running' }, null))).toBeNull();
    expect(fieldProblem(problemFromResponse(400, 'Bad request', { status: 400, detail: 'accountId is required' }, null))).toBeNull();
    expect(fieldProblem(new Error('x'))).toBeNull();
  });
});

describe('signals', () => {
  const raw = {
    id: 41, instanceId: 'S-7', accountId: 3, instrument: 'NSE:INFY', timeframe: '5m', action: 'ENTER_LONG', time: '2026-11-20T04:05:00Z', price: 1500.05,
    reason: 'SMA(10) crossed above SMA(30)', attributes: { fast: '1501.2' }, outcome: 'DROPPED', orderId: '', decisionId: 'd9', rule: 'max open positions', outcomeReason: 'already 5 open',
  };
  it('reads a signal with its outcome', () => {
    const s = readSignal(raw);
    expect(s).toMatchObject({ id: 41, accountId: '3', action: 'ENTER_LONG', price: 1500.05, outcome: 'DROPPED', rule: 'max open positions', outcomeReason: 'already 5 open' });
    expect(s.orderId).toBeUndefined();
    expect(readSignal({ ...raw, id: 42, outcome: 'ORDERED', orderId: 'O-12', rule: '' })).toMatchObject({ outcome: 'ORDERED', orderId: 'O-12', rule: undefined });
  });
  it('merges streamed signals newest first, once each, up to the limit', () => {
    const a = readSignal(raw);
    const b = readSignal({ ...raw, id: 42 });
    const c = readSignal({ ...raw, id: 43 });
    expect(mergeSignals([a, b], [c, b]).map((s) => s.id)).toEqual([43, 42, 41]);
    expect(mergeSignals([a, b], [c], 2).map((s) => s.id)).toEqual([43, 42]);
  });
});
