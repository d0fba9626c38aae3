// Client-side checks of the order ticket, mirroring the exchange's (and the paper broker's) rules
// so a trader hears about a mistake before the order leaves the page. The server checks again.

export type Side = 'BUY' | 'SELL';
export type OrderType = 'MARKET' | 'LIMIT' | 'SL' | 'SL-M';
export type Product = 'CNC' | 'MIS' | 'NRML';
export type Validity = 'DAY' | 'IOC';

export const ORDER_TYPES: readonly OrderType[] = ['MARKET', 'LIMIT', 'SL', 'SL-M'];
export const PRODUCTS: readonly Product[] = ['CNC', 'MIS', 'NRML'];
export const VALIDITIES: readonly Validity[] = ['DAY', 'IOC'];

/** How the platform works an order (docs/orders.md). */
export type Algorithm = 'DIRECT' | 'BRACKET' | 'TRAILING_STOP' | 'ICEBERG' | 'TWAP' | 'VWAP';
export const ALGORITHMS: readonly Algorithm[] = ['DIRECT', 'BRACKET', 'TRAILING_STOP', 'ICEBERG', 'TWAP', 'VWAP'];

/** The parameters each algorithm takes, in the order the ticket shows them. */
export const ALGORITHM_PARAMS: Record<Algorithm, readonly AlgoParam[]> = {
  DIRECT: [],
  BRACKET: ['target', 'stop'],
  TRAILING_STOP: ['trail', 'trailPercent'],
  ICEBERG: ['legs', 'legQuantity'],
  TWAP: ['minutes', 'slices'],
  VWAP: ['minutes', 'slices', 'days'],
};

export type AlgoParam = 'target' | 'stop' | 'trail' | 'trailPercent' | 'legs' | 'legQuantity' | 'minutes' | 'slices' | 'days';

/** Defaults the node applies when a parameter is left out (shown as placeholders). */
export const PARAM_DEFAULTS: Partial<Record<AlgoParam, string>> = { minutes: '30', slices: '10', days: '10' };

export interface TicketInput {
  side: Side;
  orderType: OrderType;
  product: Product;
  validity: Validity;
  quantity: string;
  price: string;
  triggerPrice: string;
  /** DIRECT when left out. */
  algorithm?: Algorithm;
  /** The algorithm's parameters as typed. */
  params?: Partial<Record<AlgoParam, string>>;
}

export interface InstrumentRules {
  tickSize: number;
  lotSize: number;
}

export type TicketField = 'quantity' | 'price' | 'triggerPrice' | 'validity' | 'product' | 'algorithm' | AlgoParam;

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
  algorithm: Algorithm;
  /** Only the parameters given, as the node reads them (text). */
  algorithmParameters: Record<string, string>;
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

  const algorithm = input.algorithm ?? 'DIRECT';
  const algorithmParameters = checkAlgorithm(input, algorithm, rules, {
    quantity: typeof qty === 'number' && Number.isInteger(qty) && qty > 0 ? qty : null,
    entry: price ?? trigger ?? (input.orderType === 'MARKET' ? lastPrice : null),
  }, errors);

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
          algorithm,
          algorithmParameters,
        }
      : null,
  };
}

function wholeNumber(
  errors: TicketCheck['errors'],
  field: AlgoParam,
  label: string,
  text: string | undefined,
  min: number,
  max: number,
): number | null {
  const v = parseNumber(text ?? '');
  if (v === null) return null;
  if (Number.isNaN(v) || !Number.isInteger(v)) errors[field] = `${capital(label)} must be a whole number.`;
  else if (v < min || v > max) errors[field] = `${capital(label)} must be between ${min} and ${max}.`;
  else return v;
  return null;
}

/** Checks the algorithm's parameters against docs/orders.md; the parameters to send. */
function checkAlgorithm(
  input: TicketInput,
  algorithm: Algorithm,
  rules: InstrumentRules,
  ctx: { quantity: number | null; entry: number | null },
  errors: TicketCheck['errors'],
): Record<string, string> {
  const p = input.params ?? {};
  const out: Record<string, string> = {};
  const given = (k: AlgoParam) => (p[k] ?? '').trim() !== '';
  const lot = rules.lotSize > 0 ? rules.lotSize : 1;
  switch (algorithm) {
    case 'DIRECT':
      break;
    case 'BRACKET': {
      const target = checkPrice('target price', p.target ?? '', rules.tickSize);
      const stop = checkPrice('stop-loss trigger', p.stop ?? '', rules.tickSize);
      if (target.error) errors.target = target.error;
      if (stop.error) errors.stop = stop.error;
      const e = ctx.entry;
      if (e !== null && target.value !== null && stop.value !== null) {
        if (input.side === 'BUY') {
          if (target.value <= e) errors.target = `For a buy, the target must be above the entry price ${e}.`;
          if (stop.value >= e) errors.stop = `For a buy, the stop-loss must be below the entry price ${e}.`;
        } else {
          if (target.value >= e) errors.target = `For a sell, the target must be below the entry price ${e}.`;
          if (stop.value <= e) errors.stop = `For a sell, the stop-loss must be above the entry price ${e}.`;
        }
      }
      if (target.value !== null) out.target = String(target.value);
      if (stop.value !== null) out.stop = String(stop.value);
      break;
    }
    case 'TRAILING_STOP': {
      if (input.orderType !== 'SL-M') errors.algorithm = 'A trailing stop is a stop-loss market order: choose SL-M and give the first trigger price.';
      if (given('trail') === given('trailPercent')) {
        errors.trail = 'Give the trailing distance either in rupees or in percent (one of the two).';
        break;
      }
      if (given('trail')) {
        const v = parseNumber(p.trail ?? '');
        if (v === null || Number.isNaN(v) || v <= 0) errors.trail = 'The trailing distance must be a positive amount in rupees.';
        else out.trail = String(v);
      } else {
        const v = parseNumber(p.trailPercent ?? '');
        if (v === null || Number.isNaN(v) || v <= 0 || v >= 100) errors.trailPercent = 'The trailing distance in percent must be more than 0 and less than 100.';
        else out.trailPercent = String(v);
      }
      break;
    }
    case 'ICEBERG': {
      if (input.orderType !== 'MARKET' && input.orderType !== 'LIMIT') errors.algorithm = 'An iceberg works MARKET or LIMIT orders only.';
      if (given('legs') === given('legQuantity')) {
        errors.legs = 'Give either the number of legs or the quantity of each leg (one of the two).';
        break;
      }
      if (given('legs')) {
        const legs = wholeNumber(errors, 'legs', 'number of legs', p.legs, 1, ctx.quantity ?? Number.MAX_SAFE_INTEGER);
        if (legs !== null) out.legs = String(legs);
      } else {
        const leg = wholeNumber(errors, 'legQuantity', 'leg quantity', p.legQuantity, 1, ctx.quantity ?? Number.MAX_SAFE_INTEGER);
        if (leg !== null && leg % lot !== 0) errors.legQuantity = `Each leg must be a multiple of the lot size ${lot}.`;
        else if (leg !== null) out.legQuantity = String(leg);
      }
      break;
    }
    case 'TWAP':
    case 'VWAP': {
      if (input.orderType !== 'MARKET' && input.orderType !== 'LIMIT') errors.algorithm = `${algorithm} works MARKET or LIMIT orders only.`;
      const minutes = wholeNumber(errors, 'minutes', 'minutes', p.minutes, 1, 1440);
      const slices = wholeNumber(errors, 'slices', 'slices', p.slices, 1, 500);
      if (minutes !== null) out.minutes = String(minutes);
      if (slices !== null) out.slices = String(slices);
      if (algorithm === 'VWAP') {
        const days = wholeNumber(errors, 'days', 'days of history', p.days, 1, 60);
        if (days !== null) out.days = String(days);
      }
      break;
    }
  }
  return out;
}

/** The POST /api/v1/orders body for a checked ticket. */
export interface PlaceOrderBody {
  accountId: number;
  instrument: string;
  side: Side;
  quantity: number;
  type: string;
  price?: number;
  triggerPrice?: number;
  product: Product;
  validity: Validity;
  algorithm?: Algorithm;
  algorithmParameters?: Record<string, string>;
}

export function toPlaceOrderBody(draft: OrderDraft, accountId: string, instrument: string): PlaceOrderBody {
  const body: PlaceOrderBody = {
    accountId: Number(accountId),
    instrument,
    side: draft.side,
    quantity: draft.quantity,
    type: draft.orderType === 'SL-M' ? 'SL_M' : draft.orderType,
    product: draft.product,
    validity: draft.validity,
  };
  if (draft.price !== null) body.price = draft.price;
  if (draft.triggerPrice !== null) body.triggerPrice = draft.triggerPrice;
  if (draft.algorithm !== 'DIRECT') {
    body.algorithm = draft.algorithm;
    if (Object.keys(draft.algorithmParameters).length) body.algorithmParameters = draft.algorithmParameters;
  }
  return body;
}

// ---- modify an open order

export interface ModifyInput {
  quantity: string;
  price: string;
  triggerPrice: string;
}

export interface ModifiableOrder {
  orderType: string;
  quantity: number;
  filledQuantity: number;
  price?: number | null;
  triggerPrice?: number | null;
}

export interface ModifyCheck {
  errors: Partial<Record<'quantity' | 'price' | 'triggerPrice' | 'form', string>>;
  /** The PUT body (only what changed), when valid. */
  change: { quantity?: number; price?: number; triggerPrice?: number } | null;
}

/** Checks new terms for an open order: the same tick and lot rules, above what already filled. */
export function checkModify(order: ModifiableOrder, input: ModifyInput, rules: InstrumentRules): ModifyCheck {
  const errors: ModifyCheck['errors'] = {};
  const change: NonNullable<ModifyCheck['change']> = {};
  const lot = rules.lotSize > 0 ? rules.lotSize : 1;
  const type = order.orderType.replace('_', '-') as OrderType;
  const qty = parseNumber(input.quantity);
  if (qty === null) errors.quantity = 'Enter a quantity.';
  else if (Number.isNaN(qty) || !Number.isInteger(qty)) errors.quantity = 'Quantity must be a whole number.';
  else if (qty <= 0) errors.quantity = 'Quantity must be more than zero.';
  else if (qty % lot !== 0) errors.quantity = `Quantity must be a multiple of the lot size ${lot}.`;
  else if (qty <= order.filledQuantity) errors.quantity = `Quantity must be more than the ${order.filledQuantity} already filled.`;
  else if (qty !== order.quantity) change.quantity = qty;
  if (needsPrice(type)) {
    const p = checkPrice('limit price', input.price, rules.tickSize);
    if (p.error) errors.price = p.error;
    else if (p.value !== order.price) change.price = p.value as number;
  }
  if (needsTrigger(type)) {
    const t = checkPrice('trigger price', input.triggerPrice, rules.tickSize);
    if (t.error) errors.triggerPrice = t.error;
    else if (t.value !== order.triggerPrice) change.triggerPrice = t.value as number;
  }
  if (Object.keys(errors).length) return { errors, change: null };
  if (Object.keys(change).length === 0) return { errors: { form: 'Nothing changed.' }, change: null };
  return { errors, change };
}

/** The rupee value an order commits: quantity × (limit price, else trigger, else last price). */
export function estimatedValue(draft: OrderDraft | null, lastPrice: number | null): number | null {
  if (!draft) return null;
  const px = draft.price ?? draft.triggerPrice ?? lastPrice;
  return px === null ? null : draft.quantity * px;
}
