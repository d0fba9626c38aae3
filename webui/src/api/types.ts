// Wire types as the UI reads them. The node's DTOs are records; readers below accept the names
// they use and tolerate optional fields, so a new field never breaks a screen.

export interface HealthCheckDto {
  status: 'UP' | 'DOWN' | string;
  detail?: string;
  data?: Record<string, unknown>;
}
export interface HealthDto {
  status: 'UP' | 'DOWN' | string;
  checks: Record<string, HealthCheckDto>;
}

export interface PluginDto {
  id: string;
  name?: string;
  version?: string;
  kind?: string;
  state?: string;
  services?: Array<{ type: string; id?: string | null }>;
  file?: string;
  lastError?: string | null;
  updatedAt?: string;
}
export interface PluginEventDto {
  action: string;
  version?: string;
  detail?: string | null;
  occurredAt: string;
}

export interface InstrumentDto {
  id: string; // NSE:INFY
  exchange?: string;
  symbol?: string;
  name?: string;
  segment?: string;
  tickSize: number;
  lotSize: number;
  isin?: string;
}

export interface QuoteDto {
  instrument: string;
  last: number | null;
  bid: number | null;
  ask: number | null;
  volume: number | null;
  open?: number | null;
  high?: number | null;
  low?: number | null;
  prevClose?: number | null;
  change?: number | null;
  changePct?: number | null;
  time: string | null;
}

export interface BarDto {
  time: number; // epoch seconds (UTC)
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface ParameterSpecDto {
  name: string;
  type: 'INTEGER' | 'DECIMAL' | 'BOOLEAN' | 'TEXT' | 'CHOICE' | string;
  description?: string;
  defaultValue?: unknown;
  min?: number | null;
  max?: number | null;
  choices?: string[] | null;
}

export interface IndicatorDescriptorDto {
  id: string;
  name: string;
  description?: string;
  outputs: string[];
  parameters: ParameterSpecDto[];
  overlay: boolean;
}

export interface IndicatorSeriesDto {
  /** output name → points */
  outputs: Record<string, Array<{ time: number; value: number }>>;
}

export interface OrderDto {
  id: string;
  clientOrderId?: string;
  /** The account id (a number on the wire, text in the UI). */
  accountId?: string;
  /** The parent order of an execution algorithm's child. */
  parentId?: string;
  /** The strategy instance that placed it. */
  strategyId?: string;
  instrument: string;
  side: 'BUY' | 'SELL' | string;
  /** MARKET, LIMIT, SL or SL-M (the wire's SL_M is shown the way traders write it). */
  orderType: string;
  product?: string;
  validity?: string;
  quantity: number;
  filledQuantity: number;
  price?: number | null;
  triggerPrice?: number | null;
  averagePrice?: number | null;
  /** Brokerage and taxes so far, in rupees. */
  charges?: number | null;
  status: string;
  reason?: string | null;
  /** DIRECT, BRACKET, TRAILING_STOP, ICEBERG, TWAP or VWAP. */
  algorithm?: string;
  algorithmParameters?: Record<string, string>;
  brokerOrderId?: string;
  decisionId?: string;
  /** APPROVE, MODIFY, HOLD_FOR_APPROVAL or REJECT. */
  decision?: string;
  /** The deciding rule (empty for a plain approval). */
  decisionRule?: string;
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface TradeDto {
  id?: string;
  accountId?: string;
  orderId?: string;
  brokerOrderId?: string;
  instrument: string;
  side: string;
  product?: string;
  quantity: number;
  price: number;
  /** Brokerage and taxes, in rupees. */
  fees?: number | null;
  time?: string;
}

export interface PositionDto {
  accountId?: string;
  instrument: string;
  product?: string;
  quantity: number;
  averagePrice?: number | null;
  lastPrice?: number | null;
  realisedPnl?: number | null;
  unrealisedPnl?: number | null;
  value?: number | null;
  charges?: number | null;
  boughtQuantity?: number | null;
  soldQuantity?: number | null;
}

export interface RuleValidationDto {
  line?: number | null;
  column?: number | null;
  message: string;
  severity?: string;
}
