import { describe, expect, it } from 'vitest';
import { readOrder, readPosition, readTrade } from '../api/read';
import { ApiError } from './problem';
import {
  canCancel, canModify, decisionHeadline, decisionOf, describeEvent, describeHistory, inferEventTypes, isOpen, mergeOrder, mergeOrders, mergePosition, mergeTrade, outcomeUncertain, readExplanation, SubmissionKeys,
} from './orders';

const dto = (over: Record<string, unknown>) =>
  readOrder({
    id: 'o1', clientOrderId: 'k1', accountId: 3, parentId: '', strategyId: '', instrument: 'NSE:INFY', side: 'BUY', type: 'LIMIT', product: 'CNC', validity: 'DAY',
    quantity: 10, filledQuantity: 0, price: 1400, triggerPrice: null, averagePrice: null, charges: 0, status: 'OPEN', reason: '', algorithm: 'DIRECT',
    algorithmParameters: {}, brokerOrderId: '', decisionId: 'd1', decision: 'APPROVE', decisionRule: '', createdBy: 'tara',
    createdAt: '2026-11-20T04:00:00Z', updatedAt: '2026-11-20T04:00:01Z', ...over,
  });

describe('the node OrderDto', () => {
  it('reads every field, with the account id as text and empty strings as absent', () => {
    const o = dto({ type: 'SL_M', price: null, triggerPrice: 1390.5 });
    expect(o).toMatchObject({ id: 'o1', accountId: '3', orderType: 'SL-M', triggerPrice: 1390.5, status: 'OPEN', algorithm: 'DIRECT', decision: 'APPROVE', createdBy: 'tara' });
    expect(o.parentId).toBeUndefined();
    expect(o.decisionRule).toBeUndefined();
    expect(o.reason).toBeNull();
  });
  it('reads fills and positions', () => {
    expect(readTrade({ id: 'f1', accountId: 3, orderId: 'o1', brokerOrderId: 'b1', instrument: 'NSE:INFY', side: 'BUY', product: 'CNC', quantity: 5, price: 1401.5, charges: 2.31, time: '2026-11-20T04:00:02Z' }))
      .toEqual({ id: 'f1', accountId: '3', orderId: 'o1', brokerOrderId: 'b1', instrument: 'NSE:INFY', side: 'BUY', product: 'CNC', quantity: 5, price: 1401.5, fees: 2.31, time: '2026-11-20T04:00:02Z' });
    expect(readPosition({ accountId: 3, instrument: 'NSE:INFY', product: 'CNC', quantity: 5, averagePrice: 1401.5, lastPrice: 1402, marketValue: 7010, realisedPnl: 0, unrealisedPnl: 2.5, charges: 2.31, boughtQuantity: 5, soldQuantity: 0 }))
      .toMatchObject({ accountId: '3', quantity: 5, value: 7010, unrealisedPnl: 2.5, charges: 2.31 });
  });
});

describe('order states', () => {
  it('knows which orders still work and what may change', () => {
    expect(['NEW', 'HELD', 'PENDING_SUBMIT', 'OPEN', 'PARTIALLY_FILLED', 'UNKNOWN'].every((status) => isOpen({ status }))).toBe(true);
    expect(['FILLED', 'CANCELLED', 'REJECTED'].some((status) => isOpen({ status }))).toBe(false);
    expect(canCancel(dto({ status: 'UNKNOWN' }))).toBe(true);
    expect(canModify(dto({}))).toBe(true);
    expect(canModify(dto({ status: 'UNKNOWN' }))).toBe(false);
    expect(canModify(dto({ status: 'FILLED' }))).toBe(false);
    // a parent worked by an algorithm is cancelled, never modified (the node answers 409)
    expect(canModify(dto({ algorithm: 'TWAP' }))).toBe(false);
  });
});

describe('merging streamed events', () => {
  it('puts new orders by time, newest first, and never lets an older update win', () => {
    let list = [dto({ id: 'a', createdAt: '2026-11-20T04:00:00Z' })];
    list = mergeOrder(list, dto({ id: 'b', createdAt: '2026-11-20T05:00:00Z' }));
    list = mergeOrder(list, dto({ id: 'c', createdAt: '2026-11-20T04:30:00Z' }));
    expect(list.map((o) => o.id)).toEqual(['b', 'c', 'a']);
    list = mergeOrder(list, dto({ id: 'a', status: 'CANCELLED', updatedAt: '2026-11-20T06:00:00Z' }));
    list = mergeOrder(list, dto({ id: 'a', status: 'OPEN', updatedAt: '2026-11-20T05:59:00Z' }));
    expect(list.find((o) => o.id === 'a')?.status).toBe('CANCELLED');
  });
  it('keeps streamed updates newer than a REST snapshot', () => {
    const streamed = [dto({ id: 'a', status: 'FILLED', filledQuantity: 10, updatedAt: '2026-11-20T04:00:05Z' })];
    const fresh = [dto({ id: 'a', status: 'OPEN', updatedAt: '2026-11-20T04:00:01Z' }), dto({ id: 'b' })];
    const merged = mergeOrders(streamed, fresh);
    expect(merged.find((o) => o.id === 'a')).toMatchObject({ status: 'FILLED', filledQuantity: 10 });
    expect(merged).toHaveLength(2);
  });
  it('adds a fill once and replaces a position', () => {
    const f = readTrade({ id: 'f1', accountId: 3, orderId: 'o1', instrument: 'NSE:INFY', side: 'BUY', quantity: 5, price: 10, time: '2026-11-20T04:00:02Z' });
    expect(mergeTrade(mergeTrade([], f), f)).toHaveLength(1);
    const p = readPosition({ accountId: 3, instrument: 'NSE:INFY', product: 'CNC', quantity: 5 });
    const list = mergePosition(mergePosition([], p), { ...p, quantity: 8 });
    expect(list).toEqual([{ ...p, quantity: 8 }]);
    expect(mergePosition(list, { ...p, product: 'MIS' })).toHaveLength(2);
  });
});

describe('the rule decision on the ticket', () => {
  it('puts a rejection and its rule up front', () => {
    const d = decisionOf(dto({ status: 'REJECTED', decision: 'REJECT', decisionRule: 'market closed today', reason: 'the exchange is closed today (weekend or holiday)' }));
    expect(d).toMatchObject({ rejected: true, held: false, rule: 'market closed today', reason: 'the exchange is closed today (weekend or holiday)' });
    expect(decisionHeadline(d)).toBe('Buy 10 INFY was rejected by the rule “market closed today”.');
  });
  it('says when an order waits for approval', () => {
    const d = decisionOf(dto({ status: 'HELD', decision: 'HOLD_FOR_APPROVAL', decisionRule: 'hold large orders for approval' }));
    expect(d.held).toBe(true);
    expect(decisionHeadline(d)).toMatch(/held for a risk officer’s approval \(rule “hold large orders for approval”\)/);
  });
  it('reads the explanation with versions and fired rules', () => {
    const e = readExplanation({ decisionId: 'd1', kind: 'risk', outcome: 'REJECT', ruleName: 'max order value', reason: 'too big', versions: { risk: 2, workflow: 1 }, firedRules: ['max order value'], facts: { order: {} }, elapsedMicros: 830 });
    expect(e).toMatchObject({ outcome: 'REJECT', rule: 'max order value', versions: ['risk v2', 'workflow v1'], firedRules: ['max order value'], elapsedMicros: 830 });
    expect(readExplanation(null)).toBeNull();
  });
});

describe('order history in words', () => {
  it('describes each journaled event', () => {
    const created = describeEvent({ type: 'CREATED', order: { id: 'o1', side: 'BUY', quantity: 10, instrument: 'NSE:INFY', type: 'LIMIT', limitPrice: 1400, status: 'NEW', createdBy: 'tara', createdAt: '2026-11-20T04:00:00Z', decision: { ruleName: '' } } });
    expect(created).toEqual({ at: '2026-11-20T04:00:00Z', type: 'CREATED', status: 'NEW', text: 'Placed by tara: BUY 10 NSE:INFY LIMIT @ 1400' });
    expect(describeEvent({ type: 'SUBMITTING', orderId: 'o1', at: 't' })).toMatchObject({ status: 'PENDING_SUBMIT', text: 'Sent to the broker' });
    expect(describeEvent({ type: 'BROKER_REPORTED', update: { status: 'OPEN', message: '' }, at: 't' })).toMatchObject({ status: 'OPEN', text: 'Broker reports working at the exchange' });
    expect(describeEvent({ type: 'FILLED', fill: { quantity: 5, price: 1400.05 }, at: 't' }).text).toBe('Filled 5 @ 1400.05');
    expect(describeEvent({ type: 'CANCEL_REQUESTED', actor: 'tara', at: 't' }).text).toBe('Cancel requested by tara');
    expect(describeEvent({ type: 'CANCELLED', reason: 'cancelled by tara', at: 't' })).toMatchObject({ status: 'CANCELLED', text: 'Cancelled: cancelled by tara' });
    expect(describeEvent({ type: 'MODIFIED', quantity: 20, limitPrice: 1395, triggerPrice: null, at: 't' }).text).toBe('Changed: quantity 20, price 1395');
    expect(describeEvent({ type: 'RELEASED', actor: 'rita', at: 't' })).toMatchObject({ status: 'NEW', text: 'Approved by rita' });
    expect(describeEvent({ type: 'REJECTED', reason: 'declined by rita: too big', at: 't' }).status).toBe('REJECTED');
  });
});

describe('order history without event types', () => {
  // what the node sends today: the journaled records without their `type`
  const created = (status: string) => ({ order: { id: 'o1', side: 'BUY', quantity: 3, instrument: 'NSE:INFY', type: 'LIMIT', limitPrice: 1345.7, status, createdBy: 'tara', createdAt: 't0', decision: { ruleName: '' } } });
  it('tells the events apart by their fields', () => {
    const events = [created('NEW'), { orderId: 'o1', at: 't1' }, { orderId: 'o1', update: { status: 'OPEN', message: '' }, at: 't2' }, { orderId: 'o1', actor: 'tara', at: 't3' }, { orderId: 'o1', reason: 'cancelled by tara', at: 't4' }];
    expect(inferEventTypes(events, 'CANCELLED')).toEqual(['CREATED', 'SUBMITTING', 'BROKER_REPORTED', 'CANCEL_REQUESTED', 'CANCELLED']);
    const words = describeHistory(events, 'CANCELLED');
    expect(words[0]).toMatchObject({ at: 't0', text: 'Placed by tara: BUY 3 NSE:INFY LIMIT @ 1345.7' });
    expect(words.map((w) => w.status)).toEqual(['NEW', 'PENDING_SUBMIT', 'OPEN', null, 'CANCELLED']);
  });
  it('uses the context where fields alone are ambiguous', () => {
    expect(inferEventTypes([created('HELD'), { orderId: 'o1', actor: 'rita', at: 't1' }, { orderId: 'o1', at: 't2' }], 'OPEN')).toEqual(['CREATED', 'RELEASED', 'SUBMITTING']);
    expect(inferEventTypes([created('HELD'), { orderId: 'o1', reason: 'declined by rita: too big', at: 't1' }], 'REJECTED')).toEqual(['CREATED', 'REJECTED']);
    expect(inferEventTypes([created('NEW'), { orderId: 'o1', at: 't1' }, { orderId: 'o1', reason: 'broker timeout', at: 't2' }, { orderId: 'o1', update: { status: 'OPEN' }, at: 't3' }], 'OPEN'))
      .toEqual(['CREATED', 'SUBMITTING', 'OUTCOME_UNKNOWN', 'BROKER_REPORTED']);
    expect(inferEventTypes([created('NEW'), { orderId: 'o1', quantity: 5, limitPrice: 10, triggerPrice: null, at: 't1' }, { orderId: 'o1', fill: { quantity: 5, price: 10 }, at: 't2' }], 'FILLED'))
      .toEqual(['CREATED', 'MODIFIED', 'FILLED']);
  });
  it('trusts the type when the node sends it', () => {
    expect(inferEventTypes([{ type: 'CANCELLED', reason: 'x' }], 'OPEN')).toEqual(['CANCELLED']);
  });
});

describe('idempotency keys of ticket submissions', () => {
  it('reuses the key when the same order is sent again after an unknown outcome', () => {
    let n = 0;
    const keys = new SubmissionKeys(() => `k${++n}`);
    expect(keys.keyFor('{"q":1}')).toBe('k1');
    // no answer: the retry must carry the same key
    expect(keys.keyFor('{"q":1}')).toBe('k1');
    // a different order is a different submission
    expect(keys.keyFor('{"q":2}')).toBe('k2');
    keys.settle();
    // after a definite answer, sending the same terms again is a new order
    expect(keys.keyFor('{"q":2}')).toBe('k3');
  });
  it('knows which failures leave the outcome open', () => {
    expect(outcomeUncertain(new ApiError('network', 0, {}))).toBe(true);
    expect(outcomeUncertain(new ApiError('timeout', 0, {}))).toBe(true);
    expect(outcomeUncertain(new ApiError('http', 503, { detail: 'broker unavailable' }))).toBe(true);
    expect(outcomeUncertain(new ApiError('http', 400, { detail: 'quantity is required' }))).toBe(false);
    expect(outcomeUncertain(new ApiError('http', 423, { detail: 'kill switch' }))).toBe(false);
  });
});
