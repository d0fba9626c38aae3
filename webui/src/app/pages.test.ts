import { describe, expect, it } from 'vitest';
import { describeValue, parseMetrics } from '../admin/ClusterPage';
import { readAudit } from '../admin/AuditPage';
import { readVersion } from '../admin/rulesApi';
import { readSwitches } from '../trader/KillSwitch';
import { decisionOf } from '../trader/OrderTicket';
import { isOpen, mergeOrder } from '../lib/orders';
import { readSummary } from '../trader/PositionsPage';
import { heldValue } from '../admin/HeldOrdersPage';
import { killSwitchPowers, switchName } from '../trader/KillSwitch';
import { pickSelected } from '../trader/accounts';
import { streamKeys } from '../trader/liveData';
import { readOrderDetail } from '../api/endpoints';
import { rangeFor } from '../trader/ChartPanel';
import { readBacktest, readCurves } from '../lib/backtests';
import { checkParams, typedParams } from '../components/ParamForm';
import { normalisePath } from './router';
import { readOrder } from '../api/read';

describe('screen logic', () => {
  it('sums Prometheus samples per metric, skipping comments and NaN', () => {
    const m = parseMetrics('# HELP x\njvm_threads_live_threads 74.0\nhttp_server_requests_seconds_count{uri="/a"} 3\nhttp_server_requests_seconds_count{uri="/b"} 4\nfoo NaN\n');
    expect(m).toEqual({ jvm_threads_live_threads: 74, http_server_requests_seconds_count: 7 });
  });
  it('describes nested health figures in words', () => {
    expect(describeValue({ closed: 0, stored: 12000, feeds: { simulator: { status: 'UP' } } })).toBe('closed 0 · stored 12,000 · feeds (simulator (status UP))');
  });
  it('reads audit entries flat or nested', () => {
    expect(readAudit({ seq: 3, occurredAt: 'x', actor: 'a', action: 'USER_CREATED', targetType: 'user', targetId: 'asha', detail: { roles: 'TRADER' } }))
      .toMatchObject({ seq: 3, actor: 'a', targetId: 'asha', detail: { roles: 'TRADER' } });
    expect(readAudit({ seq: 4, record: { actor: 'b', action: 'X', targetType: 't', targetId: 'i' } }).actor).toBe('b');
  });
  it('reads rule versions with their validation', () => {
    const v = readVersion({ version: 3, status: 'DRAFT', drl: 'rule', validation: [{ line: 4, column: 2, message: 'bad' }], scenarioResults: [{ name: 's', passed: false, expected: 'REJECT', actual: 'APPROVE' }] });
    expect(v.validation).toEqual([{ line: 4, column: 2, message: 'bad', severity: 'error' }]);
    expect(v.scenarioResults[0]).toMatchObject({ name: 's', passed: false });
  });
  it('reads kill switch states in several shapes', () => {
    expect(readSwitches({ global: { engaged: true, reason: 'fat finger', by: 'admin' }, accounts: { A1: false } }))
      .toEqual([
        { scope: 'GLOBAL', target: null, engaged: true, reason: 'fat finger', by: 'admin', at: undefined },
        { scope: 'ACCOUNT', target: 'A1', engaged: false, reason: undefined, by: undefined, at: undefined },
      ]);
    expect(readSwitches([{ scope: 'strategy', target: 's1', engaged: true }])[0]).toMatchObject({ scope: 'STRATEGY', target: 's1', engaged: true });
  });
  it('reads the node kill switch list', () => {
    const s = readSwitches({
      globalEngaged: false,
      switches: [
        { scope: 'GLOBAL', target: '*', engaged: false, reason: '', changedBy: 'admin', changedAt: '2026-11-20T04:00:00Z' },
        { scope: 'ACCOUNT', target: '7', engaged: true, reason: 'fat finger', changedBy: 'tara', changedAt: '2026-11-20T04:01:00Z' },
      ],
    });
    expect(s).toEqual([
      { scope: 'GLOBAL', target: null, engaged: false, reason: undefined, by: 'admin', at: '2026-11-20T04:00:00Z' },
      { scope: 'ACCOUNT', target: '7', engaged: true, reason: 'fat finger', by: 'tara', at: '2026-11-20T04:01:00Z' },
    ]);
    expect(switchName(s[0])).toBe('everything (global)');
    expect(switchName({ scope: 'STRATEGY', target: 'sma-1' })).toBe('strategy sma-1');
  });
  it('lets traders engage only their own account switch and admins do everything', () => {
    expect(killSwitchPowers({ admin: false, trader: true })).toEqual({ engage: true, release: false, scopes: ['ACCOUNT'] });
    expect(killSwitchPowers({ admin: true, trader: false })).toEqual({ engage: true, release: true, scopes: ['GLOBAL', 'ACCOUNT', 'STRATEGY'] });
    expect(killSwitchPowers({ admin: false, trader: false }).engage).toBe(false);
  });
  it('shows the rule decision of a rejected order', () => {
    const d = decisionOf(readOrder({ id: '9', instrument: 'NSE:INFY', side: 'BUY', type: 'LIMIT', quantity: 1000, status: 'REJECTED', reason: 'order value 1500000 exceeds the limit of 1000000', decision: 'REJECT', decisionRule: 'max order value' }));
    expect(d).toMatchObject({ status: 'REJECTED', rejected: true, held: false, reason: 'order value 1500000 exceeds the limit of 1000000', rule: 'max order value' });
  });
  it('replaces an order with its streamed update (the node sends the whole order)', () => {
    const open = { id: '1', instrument: 'NSE:INFY', side: 'BUY', type: 'LIMIT', quantity: 5, status: 'OPEN', price: 10 };
    const list = [readOrder(open)];
    const next = mergeOrder(list, readOrder({ ...open, status: 'FILLED', filledQuantity: 5, averagePrice: 9.95 }));
    expect(next[0]).toMatchObject({ instrument: 'NSE:INFY', price: 10, status: 'FILLED', filledQuantity: 5 });
    expect(isOpen(next[0])).toBe(false);
    expect(mergeOrder(next, readOrder({ id: '2', status: 'NEW' })).map((o) => o.id)).toEqual(['1', '2']);
  });
  it('reads the order detail document', () => {
    const d = readOrderDetail({
      order: { id: 'o1', accountId: 3, instrument: 'NSE:INFY', side: 'BUY', type: 'SL_M', quantity: 10, triggerPrice: 1500, status: 'OPEN', algorithm: 'TRAILING_STOP', algorithmParameters: { trail: '5' } },
      history: [{ type: 'CREATED' }],
      fills: [{ id: 'f1', accountId: 3, orderId: 'o1', instrument: 'NSE:INFY', side: 'BUY', quantity: 10, price: 1500, charges: 1.2, time: '2026-11-20T04:00:00Z' }],
      children: [{ id: 'o1:stop', parentId: 'o1', instrument: 'NSE:INFY', side: 'BUY', type: 'SL_M', quantity: 10, status: 'OPEN' }],
      explanation: { decisionId: 'd1' },
    });
    expect(d.order).toMatchObject({ accountId: '3', orderType: 'SL-M', algorithm: 'TRAILING_STOP', algorithmParameters: { trail: '5' } });
    expect(d.fills[0]).toMatchObject({ accountId: '3', orderId: 'o1', fees: 1.2 });
    expect(d.children[0].parentId).toBe('o1');
    expect(d.history).toHaveLength(1);
  });
  it('shows the portfolio figures the node sends, in order', () => {
    const rows = readSummary({ cash: 990000.5, equity: 1000100, realisedPnl: 0, unrealisedPnl: -12.5, charges: 3.2, openPositions: 1, accounts: [] });
    expect(rows.map((r) => r.label)).toEqual(['Equity', 'Cash', 'Unrealised P&L', 'Realised P&L', 'Charges paid', 'Open positions']);
    expect(rows[2]).toEqual({ label: 'Unrealised P&L', value: -12.5, kind: 'pnl' });
  });
  it('values held orders at their limit price', () => {
    expect(heldValue(readOrder({ id: 'h', instrument: 'NSE:INFY', side: 'BUY', type: 'LIMIT', quantity: 400, price: 1500, status: 'HELD' }))).toBe(600000);
    expect(heldValue(readOrder({ id: 'm', instrument: 'NSE:INFY', side: 'BUY', type: 'MARKET', quantity: 4, status: 'HELD' }))).toBeNull();
  });
  it('keeps the chosen account while it exists, else takes the first', () => {
    const list = [{ id: '3', name: 'Paper', broker: 'paper' }, { id: '5', name: 'Zerodha', broker: 'kite' }];
    expect(pickSelected(list, '5')).toBe('5');
    expect(pickSelected(list, '9')).toBe('3');
    expect(pickSelected([], '9')).toBeNull();
  });
  it('streams one account or all of the trader’s', () => {
    expect(streamKeys('5', ['3', '5'])).toEqual(['5']);
    expect(streamKeys(null, ['3', '5', '3'])).toEqual(['3', '5']);
  });
  it('loads about 600 bars of history per timeframe', () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    const r = rangeFor('1m', now);
    const hours = (now - Date.parse(r.from)) / 3_600_000;
    expect(hours).toBeCloseTo((600 / 60) * (24 / 6.25), 1);
  });
  it('reads backtests and curves', () => {
    expect(readBacktest({ id: 'b1', status: 'RUNNING', progress: 42 }).progress).toBeCloseTo(0.42);
    expect(readCurves([{ at: '2026-11-20T04:00:00Z', equity: 100, drawdown: 0.02, inMarket: true }])).toEqual({
      equity: [{ time: Date.parse('2026-11-20T04:00:00Z') / 1000, value: 100 }],
      drawdown: [{ time: Date.parse('2026-11-20T04:00:00Z') / 1000, value: -2 }],
    });
  });
  it('checks and types parameters against their schema', () => {
    const specs = [
      { name: 'fast', type: 'INTEGER', min: 2, max: 50, defaultValue: 10 },
      { name: 'ratio', type: 'DECIMAL' },
      { name: 'long', type: 'BOOLEAN', defaultValue: false },
    ];
    expect(checkParams(specs, { fast: '1', ratio: 'x' })).toEqual({ fast: 'fast must be at least 2', ratio: 'ratio must be a number' });
    expect(checkParams(specs, { fast: '2.5', ratio: '1' })).toEqual({ fast: 'fast must be a whole number' });
    expect(typedParams(specs, { ratio: '0.5' })).toEqual({ fast: 10, ratio: 0.5, long: false });
  });
  it('normalises route paths', () => {
    expect(normalisePath('/admin/rules/')).toBe('/admin/rules');
    expect(normalisePath('/admin/index.html')).toBe('/admin');
    expect(normalisePath('')).toBe('/');
  });
});
