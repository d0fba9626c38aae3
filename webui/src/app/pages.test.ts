import { describe, expect, it } from 'vitest';
import { describeValue, parseMetrics } from '../admin/ClusterPage';
import { readAudit } from '../admin/AuditPage';
import { readVersion } from '../admin/rulesApi';
import { readSwitches } from '../trader/KillSwitch';
import { decisionOf } from '../trader/OrderTicket';
import { isOpen, mergeOrder } from '../trader/Blotter';
import { rangeFor } from '../trader/ChartPanel';
import { readBacktest, readCurve } from '../trader/BacktestsPage';
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
  it('shows the rule decision of a rejected order', () => {
    const d = decisionOf({ id: '9', instrument: 'NSE:INFY', side: 'BUY', orderType: 'LIMIT', quantity: 1000, status: 'REJECTED', reason: 'order value ₹15,00,000 above the limit ₹10,00,000', decision: { rulesFired: ['Max order value'] } });
    expect(d).toMatchObject({ status: 'REJECTED', reason: 'order value ₹15,00,000 above the limit ₹10,00,000', rules: ['Max order value'] });
  });
  it('merges streamed order updates without losing known fields', () => {
    const list = [readOrder({ id: '1', instrument: 'NSE:INFY', side: 'BUY', orderType: 'LIMIT', quantity: 5, status: 'OPEN', price: 10 })];
    const next = mergeOrder(list, readOrder({ id: '1', status: 'FILLED', filledQuantity: 5 }));
    expect(next[0]).toMatchObject({ instrument: 'NSE:INFY', price: 10, status: 'FILLED', filledQuantity: 5 });
    expect(isOpen(next[0])).toBe(false);
    expect(mergeOrder(next, readOrder({ id: '2', status: 'NEW' })).map((o) => o.id)).toEqual(['2', '1']);
  });
  it('loads about 600 bars of history per timeframe', () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    const r = rangeFor('1m', now);
    const hours = (now - Date.parse(r.from)) / 3_600_000;
    expect(hours).toBeCloseTo((600 / 60) * (24 / 6.25), 1);
  });
  it('reads backtests and curves', () => {
    expect(readBacktest({ id: 'b1', status: 'RUNNING', progress: 42 }).progress).toBeCloseTo(0.42);
    expect(readCurve({ points: [{ time: '2026-11-20T04:00:00Z', equity: 100 }] }, 'equity')).toEqual([{ time: Date.parse('2026-11-20T04:00:00Z') / 1000, value: 100 }]);
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
