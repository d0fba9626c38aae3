import { describe, expect, it } from 'vitest';
import { checkModify, checkTicket, estimatedValue, onTickGrid, roundToTick, toPlaceOrderBody, type TicketInput } from './orderValidation';

const rules = { tickSize: 0.05, lotSize: 1 };
const base: TicketInput = {
  side: 'BUY', orderType: 'LIMIT', product: 'CNC', validity: 'DAY', quantity: '10', price: '1534.05', triggerPrice: '',
};

describe('order ticket validation', () => {
  it('accepts a valid limit order and builds the draft', () => {
    const r = checkTicket(base, rules);
    expect(r.errors).toEqual({});
    expect(r.order).toEqual({ side: 'BUY', orderType: 'LIMIT', product: 'CNC', validity: 'DAY', quantity: 10, price: 1534.05, triggerPrice: null, algorithm: 'DIRECT', algorithmParameters: {} });
    expect(estimatedValue(r.order, null)).toBeCloseTo(15340.5);
  });
  it('rejects prices off the tick grid and suggests neighbours', () => {
    const r = checkTicket({ ...base, price: '1534.03' }, rules);
    expect(r.errors.price).toBe('Limit price must be a multiple of the tick size 0.05 (e.g. 1534 or 1534.05).');
    expect(r.order).toBeNull();
  });
  it('tolerates floating point on the grid', () => {
    expect(onTickGrid(0.3, 0.1)).toBe(true);
    expect(onTickGrid(101.15, 0.05)).toBe(true);
    expect(roundToTick(101.1234, 0.05)).toBe(101.1);
  });
  it('enforces lot size', () => {
    const r = checkTicket({ ...base, quantity: '30' }, { tickSize: 0.05, lotSize: 25 });
    expect(r.errors.quantity).toBe('Quantity must be a multiple of the lot size 25 (e.g. 25 or 50).');
    expect(checkTicket({ ...base, quantity: '50' }, { tickSize: 0.05, lotSize: 25 }).errors.quantity).toBeUndefined();
  });
  it('rejects zero, negative and fractional quantities', () => {
    expect(checkTicket({ ...base, quantity: '0' }, rules).errors.quantity).toMatch(/more than zero/);
    expect(checkTicket({ ...base, quantity: '-5' }, rules).errors.quantity).toMatch(/more than zero/);
    expect(checkTicket({ ...base, quantity: '2.5' }, rules).errors.quantity).toMatch(/whole number/);
    expect(checkTicket({ ...base, quantity: '' }, rules).errors.quantity).toBe('Enter a quantity.');
  });
  it('market orders need no price and send none', () => {
    const r = checkTicket({ ...base, orderType: 'MARKET', price: 'abc' }, rules);
    expect(r.errors).toEqual({});
    expect(r.order?.price).toBeNull();
  });
  it('stop-loss needs both prices in the right order', () => {
    const sl = { ...base, orderType: 'SL' as const, price: '100', triggerPrice: '101' };
    expect(checkTicket(sl, rules).errors.triggerPrice).toMatch(/at or below the limit price/);
    expect(checkTicket({ ...sl, triggerPrice: '99.5' }, rules).errors).toEqual({});
    expect(checkTicket({ ...sl, side: 'SELL', triggerPrice: '99.5' }, rules).errors.triggerPrice).toMatch(/at or above/);
    expect(checkTicket({ ...sl, triggerPrice: '' }, rules).errors.triggerPrice).toBe('Enter a trigger price.');
  });
  it('SL-M needs only a trigger and cannot be IOC', () => {
    const slm = { ...base, orderType: 'SL-M' as const, price: '', triggerPrice: '101' };
    const r = checkTicket(slm, rules);
    expect(r.errors).toEqual({});
    expect(r.order).toMatchObject({ price: null, triggerPrice: 101 });
    expect(checkTicket({ ...slm, validity: 'IOC' }, rules).errors.validity).toMatch(/cannot be IOC/);
  });
  it('warns when a stop would trigger at once or a limit is far away', () => {
    const slm = { ...base, orderType: 'SL-M' as const, triggerPrice: '99' };
    expect(checkTicket(slm, rules, 100).warnings[0]).toMatch(/trigger at once/);
    expect(checkTicket({ ...base, price: '120' }, rules, 100).warnings[0]).toMatch(/20.0 % away/);
  });
});

describe('execution algorithms on the ticket', () => {
  it('bracket needs a target above and a stop below a buy entry, on the tick grid', () => {
    const b = { ...base, price: '1500', algorithm: 'BRACKET' as const };
    expect(checkTicket({ ...b, params: {} }, rules).errors).toMatchObject({ target: 'Enter a target price.', stop: 'Enter a stop-loss trigger.' });
    expect(checkTicket({ ...b, params: { target: '1490', stop: '1480' } }, rules).errors.target).toBe('For a buy, the target must be above the entry price 1500.');
    expect(checkTicket({ ...b, params: { target: '1550.02', stop: '1480' } }, rules).errors.target).toMatch(/multiple of the tick size 0.05/);
    const ok = checkTicket({ ...b, params: { target: '1550', stop: '1480' } }, rules);
    expect(ok.errors).toEqual({});
    expect(ok.order).toMatchObject({ algorithm: 'BRACKET', algorithmParameters: { target: '1550', stop: '1480' } });
    // a sell bracket is the other way round; a market entry is judged against the last price
    expect(checkTicket({ ...b, side: 'SELL', orderType: 'MARKET', params: { target: '1550', stop: '1480' } }, rules, 1500).errors).toMatchObject({
      target: 'For a sell, the target must be below the entry price 1500.',
      stop: 'For a sell, the stop-loss must be above the entry price 1500.',
    });
  });
  it('trailing stop is an SL-M order with one trailing distance', () => {
    const t = { ...base, orderType: 'SL-M' as const, triggerPrice: '1480', side: 'SELL' as const, algorithm: 'TRAILING_STOP' as const };
    expect(checkTicket({ ...t, params: {} }, rules).errors.trail).toMatch(/either in rupees or in percent/);
    expect(checkTicket({ ...t, params: { trail: '5', trailPercent: '1' } }, rules).errors.trail).toMatch(/one of the two/);
    expect(checkTicket({ ...t, params: { trailPercent: '100' } }, rules).errors.trailPercent).toMatch(/less than 100/);
    expect(checkTicket({ ...t, params: { trailPercent: '1.5' } }, rules).order?.algorithmParameters).toEqual({ trailPercent: '1.5' });
    expect(checkTicket({ ...t, orderType: 'LIMIT', price: '1500', params: { trail: '5' } }, rules).errors.algorithm).toMatch(/choose SL-M/);
  });
  it('iceberg takes legs or a leg quantity in whole lots, on MARKET or LIMIT', () => {
    const i = { ...base, quantity: '100', price: '1500', algorithm: 'ICEBERG' as const };
    expect(checkTicket({ ...i, params: { legs: '3' } }, rules).order?.algorithmParameters).toEqual({ legs: '3' });
    expect(checkTicket({ ...i, params: { legs: '3', legQuantity: '10' } }, rules).errors.legs).toMatch(/one of the two/);
    expect(checkTicket({ ...i, quantity: '100', params: { legQuantity: '30' } }, { tickSize: 0.05, lotSize: 25 }).errors.legQuantity).toBe('Each leg must be a multiple of the lot size 25.');
    expect(checkTicket({ ...i, params: { legQuantity: '101' } }, rules).errors.legQuantity).toBe('Leg quantity must be between 1 and 100.');
    expect(checkTicket({ ...i, orderType: 'SL', triggerPrice: '1499', params: { legs: '2' } }, rules).errors.algorithm).toMatch(/MARKET or LIMIT/);
  });
  it('TWAP and VWAP check their ranges and leave defaults to the node', () => {
    const t = { ...base, price: '1500', algorithm: 'TWAP' as const };
    expect(checkTicket({ ...t, params: {} }, rules).order?.algorithmParameters).toEqual({});
    expect(checkTicket({ ...t, params: { minutes: '0' } }, rules).errors.minutes).toBe('Minutes must be between 1 and 1440.');
    expect(checkTicket({ ...t, params: { slices: '2.5' } }, rules).errors.slices).toBe('Slices must be a whole number.');
    const v = checkTicket({ ...t, algorithm: 'VWAP', params: { minutes: '20', slices: '4', days: '61' } }, rules);
    expect(v.errors.days).toBe('Days of history must be between 1 and 60.');
    expect(checkTicket({ ...t, algorithm: 'VWAP', params: { minutes: '20', slices: '4', days: '5' } }, rules).order?.algorithmParameters).toEqual({ minutes: '20', slices: '4', days: '5' });
  });
});

describe('the order as sent', () => {
  it('builds the POST /orders body with the wire names', () => {
    const slm = checkTicket({ ...base, orderType: 'SL-M', triggerPrice: '1480', side: 'SELL', algorithm: 'TRAILING_STOP', params: { trail: '5' } }, rules).order!;
    expect(toPlaceOrderBody(slm, '3', 'NSE:INFY')).toEqual({
      accountId: 3, instrument: 'NSE:INFY', side: 'SELL', quantity: 10, type: 'SL_M', triggerPrice: 1480, product: 'CNC', validity: 'DAY', algorithm: 'TRAILING_STOP', algorithmParameters: { trail: '5' },
    });
    const limit = checkTicket(base, rules).order!;
    expect(toPlaceOrderBody(limit, '3', 'NSE:INFY')).toEqual({ accountId: 3, instrument: 'NSE:INFY', side: 'BUY', quantity: 10, type: 'LIMIT', price: 1534.05, product: 'CNC', validity: 'DAY' });
  });
});

describe('modifying an open order', () => {
  const open = { orderType: 'LIMIT', quantity: 10, filledQuantity: 4, price: 1400, triggerPrice: null };
  it('sends only what changed', () => {
    expect(checkModify(open, { quantity: '20', price: '1400', triggerPrice: '' }, rules)).toEqual({ errors: {}, change: { quantity: 20 } });
    expect(checkModify(open, { quantity: '10', price: '1399.95', triggerPrice: '' }, rules).change).toEqual({ price: 1399.95 });
    expect(checkModify(open, { quantity: '10', price: '1400', triggerPrice: '' }, rules).errors.form).toBe('Nothing changed.');
  });
  it('keeps the tick, the lot and what already filled', () => {
    expect(checkModify(open, { quantity: '4', price: '1400', triggerPrice: '' }, rules).errors.quantity).toBe('Quantity must be more than the 4 already filled.');
    expect(checkModify(open, { quantity: '10', price: '1400.01', triggerPrice: '' }, rules).errors.price).toMatch(/tick size/);
    expect(checkModify({ ...open, filledQuantity: 0 }, { quantity: '30', price: '1400', triggerPrice: '' }, { tickSize: 0.05, lotSize: 25 }).errors.quantity).toMatch(/lot size 25/);
    expect(checkModify({ orderType: 'SL-M', quantity: 5, filledQuantity: 0, triggerPrice: 1380 }, { quantity: '5', price: '', triggerPrice: '1385' }, rules).change).toEqual({ triggerPrice: 1385 });
  });
});
