import { describe, expect, it } from 'vitest';
import { checkTicket, estimatedValue, onTickGrid, roundToTick, type TicketInput } from './orderValidation';

const rules = { tickSize: 0.05, lotSize: 1 };
const base: TicketInput = {
  side: 'BUY', orderType: 'LIMIT', product: 'CNC', validity: 'DAY', quantity: '10', price: '1534.05', triggerPrice: '',
};

describe('order ticket validation', () => {
  it('accepts a valid limit order and builds the draft', () => {
    const r = checkTicket(base, rules);
    expect(r.errors).toEqual({});
    expect(r.order).toEqual({ side: 'BUY', orderType: 'LIMIT', product: 'CNC', validity: 'DAY', quantity: 10, price: 1534.05, triggerPrice: null });
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
