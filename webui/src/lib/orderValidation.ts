// Client-side checks of the order ticket, mirroring the exchange's (and the paper broker's) rules
// so a trader hears about a mistake before the order leaves the page. The server checks again.

export type Side = 'BUY' | 'SELL';
export type OrderType = 'MARKET' | 'LIMIT' | 'SL' | 'SL-M';
export type Product = 'CNC' | 'MIS' | 'NRML';
export type Validity = 'DAY' | 'IOC';

export const ORDER_TYPES: readonly OrderType[] = ['MARKET', 'LIMIT', 'SL', 'SL-M'];
export const PRODUCTS: readonly Product[] = ['CNC', 'MIS', 'NRML'];
export const VALIDITIES: readonly Validity[] = ['DAY', 'IOC'];

export interface TicketInput {
  side: Side;
  orderType: OrderType;
  product: Product;
  validity: Validity;
  quantity: string;
  price: string;
  triggerPrice: string;
}

export interface InstrumentRules {
  tickSize: number;
  lotSize: number;
}

export type TicketField = 'quantity' | 'price' | 'triggerPrice' | 'validity' | 'product';

export interface TicketCheck {
  errors: Partial<Record<TicketField, string>>;
  warnings: string[];
  /** The order as it would be sent, when there are no errors. */
  order: OrderDraft | null;
}

export interface OrderDraft {
  side: Side;
  orderType: OrderType;
  product: Product;
  validity: Validity;
  quantity: number;
  price: number | null;
  triggerPrice: number | null;
}

export function needsPrice(type: OrderType): boolean {
  return type === 'LIMIT' || type === 'SL';
}

export function needsTrigger(type: OrderType): boolean {
  return type === 'SL' || type === 'SL-M';
}

/** Whether `price` lies on the tick grid (tolerant of binary floating point). */
export function onTickGrid(price: number, tickSize: number): boolean {
  if (!(tickSize > 0)) return true;
  const steps = price / tickSize;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

/** The nearest price on the tick grid, with rounding noise removed. */
export function roundToTick(price: number, tickSize: number): number {
  if (!(tickSize > 0)) return price;
  const decimals = Math.max(0, Math.ceil(-Math.log10(tickSize)) + 2);
  return Number((Math.round(price / tickSize) * tickSize).toFixed(decimals));
}

function parseNumber(text: string): number | null {
  const t = text.replace(/,/g, '').trim();
  if (t === '') return null;
  if (!/^[-+]?\d*\.?\d+$/.test(t)) return NaN;
  return Number(t);
}

function checkPrice(
  label: string,
  text: string,
  tickSize: number,
): { value: number | null; error?: string } {
  const value = parseNumber(text);
  if (value === null) return { value: null, error: `Enter a ${label}.` };
  if (Number.isNaN(value)) return { value: null, error: `${capital(label)} must be a number.` };
  if (value <= 0) return { value: null, error: `${capital(label)} must be more than zero.` };
  if (!onTickGrid(value, tickSize)) {
    const below = roundToTick(Math.floor(value / tickSize) * tickSize, tickSize);
    const above = roundToTick(below + tickSize, tickSize);
    return {
      value: null,
      error: `${capital(label)} must be a multiple of the tick size ${tickSize} (e.g. ${below} or ${above}).`,
    };
  }
  return { value };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Checks a ticket against the instrument's tick and lot size and, when known, the last price. */
export function checkTicket(
  input: TicketInput,
  rules: InstrumentRules,
  lastPrice: number | null = null,
): TicketCheck {
  const errors: TicketCheck['errors'] = {};
  const warnings: string[] = [];
  const lot = rules.lotSize > 0 ? rules.lotSize : 1;

  const qty = parseNumber(input.quantity);
  if (qty === null) errors.quantity = 'Enter a quantity.';
  else if (Number.isNaN(qty) || !Number.isInteger(qty)) errors.quantity = 'Quantity must be a whole number.';
  else if (qty <= 0) errors.quantity = 'Quantity must be more than zero.';
  else if (qty % lot !== 0) {
    const lower = Math.max(lot, Math.floor(qty / lot) * lot);
    errors.quantity = `Quantity must be a multiple of the lot size ${lot} (e.g. ${lower} or ${lower + lot}).`;
  }

  let price: number | null = null;
  let trigger: number | null = null;
  if (needsPrice(input.orderType)) {
    const p = checkPrice('limit price', input.price, rules.tickSize);
    if (p.error) errors.price = p.error;
    price = p.value;
  }
  if (needsTrigger(input.orderType)) {
    const t = checkPrice('trigger price', input.triggerPrice, rules.tickSize);
    if (t.error) errors.triggerPrice = t.error;
    trigger = t.value;
  }

  if (input.orderType === 'SL' && price !== null && trigger !== null) {
    if (input.side === 'BUY' && trigger > price) {
      errors.triggerPrice = 'For a stop-loss buy, the trigger price must be at or below the limit price.';
    }
    if (input.side === 'SELL' && trigger < price) {
      errors.triggerPrice = 'For a stop-loss sell, the trigger price must be at or above the limit price.';
    }
  }

  if (input.validity === 'IOC' && needsTrigger(input.orderType)) {
    errors.validity = 'Stop-loss orders cannot be IOC; use DAY.';
  }

  if (lastPrice !== null && lastPrice > 0) {
    if (trigger !== null && needsTrigger(input.orderType)) {
      if (input.side === 'BUY' && trigger <= lastPrice) {
        warnings.push('The trigger is at or below the last price: this stop-loss buy would trigger at once.');
      }
      if (input.side === 'SELL' && trigger >= lastPrice) {
        warnings.push('The trigger is at or above the last price: this stop-loss sell would trigger at once.');
      }
    }
    if (price !== null && input.orderType === 'LIMIT') {
      const away = Math.abs(price - lastPrice) / lastPrice;
      if (away > 0.05) {
        warnings.push(`The limit price is ${(away * 100).toFixed(1)} % away from the last price.`);
      }
    }
  }

  const valid = Object.keys(errors).length === 0;
  return {
    errors,
    warnings,
    order: valid
      ? {
          side: input.side,
          orderType: input.orderType,
          product: input.product,
          validity: input.validity,
          quantity: qty as number,
          price: needsPrice(input.orderType) ? price : null,
          triggerPrice: needsTrigger(input.orderType) ? trigger : null,
        }
      : null,
  };
}

/** The rupee value an order commits: quantity × (limit price, else trigger, else last price). */
export function estimatedValue(draft: OrderDraft | null, lastPrice: number | null): number | null {
  if (!draft) return null;
  const px = draft.price ?? draft.triggerPrice ?? lastPrice;
  return px === null ? null : draft.quantity * px;
}
