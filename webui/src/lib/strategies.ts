// Strategy types, instances and signals as the node sends them (platform/strategies …/rest), the
// requests the strategies page sends, and which problem a 400 names (so the page shows it next to
// the field it concerns).
import type { ParameterSpecDto } from '../api/types';
import { num, str } from '../api/read';
import { ApiError } from './problem';

type Obj = Record<string, unknown>;

/** GET /strategies: an installed strategy type and its parameter schema. */
export interface StrategyType {
  id: string;
  name: string;
  description?: string;
  pluginId?: string;
  pluginVersion?: string;
  extraTimeframes: string[];
  parameters: ParameterSpecDto[];
}

/** A strategy instance (InstanceDto). */
export interface StrategyInstance {
  id: string;
  /** The account it trades for, as text (a number on the wire). */
  accountId: string;
  name: string;
  strategyType: string;
  pluginVersion?: string;
  instruments: string[];
  timeframe: string;
  /** Every parameter's value, as text. */
  parameters: Record<string, string>;
  /** What was decided: RUNNING, PAUSED or STOPPED. */
  state: string;
  /** How it runs now: STARTING, RUNNING, WAITING, PAUSED or STOPPED. */
  status: string;
  /** Why the platform paused it, else undefined. */
  lastError?: string;
  /** What it waits for, else undefined. */
  detail?: string;
  bars: number;
  signals: number;
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** A signal and what became of it (SignalDto; also the `signals` stream's events). */
export interface StrategySignal {
  id: number;
  instanceId: string;
  accountId: string;
  instrument: string;
  timeframe: string;
  /** ENTER_LONG, EXIT_LONG, ENTER_SHORT or EXIT_SHORT. */
  action: string;
  time?: string;
  price: number | null;
  reason?: string;
  attributes: Record<string, string>;
  /** ORDERED or DROPPED. */
  outcome: string;
  orderId?: string;
  decisionId?: string;
  rule?: string;
  outcomeReason?: string;
}

function text(v: unknown): string | undefined {
  const t = str(v);
  return t === null || t.trim() === '' ? undefined : t;
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Obj)) if (x !== null && x !== undefined) out[k] = String(x);
  }
  return out;
}

function readSpec(raw: unknown): ParameterSpecDto {
  const o = (raw ?? {}) as Obj;
  const choices = Array.isArray(o.choices) ? (o.choices as unknown[]).map(String) : [];
  return {
    name: String(o.name ?? ''),
    type: String(o.type ?? 'TEXT').toUpperCase(),
    description: text(o.description),
    defaultValue: o.defaultValue ?? o.default ?? null,
    min: num(o.min),
    max: num(o.max),
    choices: choices.length ? choices : null,
  };
}

export function readStrategyType(raw: unknown): StrategyType {
  const o = (raw ?? {}) as Obj;
  const params = (o.parameters ?? o.parameterSchema ?? []) as unknown[];
  return {
    id: String(o.id ?? o.strategyId ?? o.name ?? ''),
    name: String(o.name ?? o.id ?? ''),
    description: text(o.description),
    pluginId: text(o.pluginId),
    pluginVersion: text(o.pluginVersion ?? o.version),
    extraTimeframes: Array.isArray(o.extraTimeframes) ? (o.extraTimeframes as unknown[]).map(String) : [],
    parameters: Array.isArray(params) ? params.map(readSpec).filter((p) => p.name) : [],
  };
}

export function readInstance(raw: unknown): StrategyInstance {
  const o = (raw ?? {}) as Obj;
  const inst = o.instruments ?? (o.instrument ? [o.instrument] : []);
  const state = String(o.state ?? o.status ?? '').toUpperCase();
  return {
    id: String(o.id ?? o.instanceId ?? ''),
    accountId: String(o.accountId ?? o.account ?? ''),
    name: text(o.name) ?? String(o.strategyType ?? o.strategy ?? o.id ?? ''),
    strategyType: String(o.strategyType ?? o.strategy ?? o.type ?? ''),
    pluginVersion: text(o.pluginVersion),
    instruments: Array.isArray(inst) ? (inst as unknown[]).map(String) : [],
    timeframe: String(o.timeframe ?? ''),
    parameters: stringMap(o.parameters),
    state,
    status: String(o.status ?? state).toUpperCase(),
    lastError: text(o.lastError ?? o.error),
    detail: text(o.detail),
    bars: num(o.bars) ?? 0,
    signals: num(o.signals) ?? 0,
    createdBy: text(o.createdBy),
    createdAt: text(o.createdAt),
    updatedAt: text(o.updatedAt),
  };
}

export function readSignal(raw: unknown): StrategySignal {
  const o = (raw ?? {}) as Obj;
  return {
    id: num(o.id) ?? 0,
    instanceId: String(o.instanceId ?? ''),
    accountId: String(o.accountId ?? ''),
    instrument: String(o.instrument ?? ''),
    timeframe: String(o.timeframe ?? ''),
    action: String(o.action ?? ''),
    time: text(o.time),
    price: num(o.price),
    reason: text(o.reason),
    attributes: stringMap(o.attributes),
    outcome: String(o.outcome ?? '').toUpperCase(),
    orderId: text(o.orderId),
    decisionId: text(o.decisionId),
    rule: text(o.rule),
    outcomeReason: text(o.outcomeReason),
  };
}

/** Newest first (ids ascend in storing order), one per id, at most `limit`. */
export function mergeSignals(list: StrategySignal[] | undefined, incoming: StrategySignal[], limit = 100): StrategySignal[] {
  const byId = new Map<number, StrategySignal>();
  for (const s of list ?? []) byId.set(s.id, s);
  for (const s of incoming) byId.set(s.id, s);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, limit);
}

/** The state to show: how it runs now (STARTING, WAITING …), which says more than what was decided. */
export function displayState(i: Pick<StrategyInstance, 'state' | 'status'>): string {
  return i.status || i.state;
}

/** What the trader can do with an instance in its stored state (the node refuses the rest, 409). */
export function instanceActions(i: Pick<StrategyInstance, 'state'>): { start: boolean; pause: boolean; stop: boolean } {
  return { start: i.state !== 'RUNNING', pause: i.state === 'RUNNING', stop: i.state !== 'STOPPED' };
}

/** Whether the instance is between states (its list is read again soon). */
export function isSettling(i: Pick<StrategyInstance, 'state' | 'status'>): boolean {
  return i.status === 'STARTING' || i.status === 'WAITING' || (i.status !== i.state && i.status !== '');
}

/** "ENTER_LONG" → "Enter long". */
export function actionLabel(action: string): string {
  const t = action.toLowerCase().replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const INSTRUMENT = /^[A-Z][A-Z0-9_]*:[A-Z0-9][A-Z0-9&_.-]*$/;

/** "nse:infy, NSE:TCS" → ["NSE:INFY", "NSE:TCS"], or what is wrong with it. */
export function parseInstruments(input: string): { instruments: string[]; error?: string } {
  const parts = input.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (!parts.length) return { instruments: [], error: 'Name at least one instrument, e.g. NSE:INFY' };
  const bad = parts.filter((p) => !INSTRUMENT.test(p));
  if (bad.length) return { instruments: parts, error: `Write instruments as EXCHANGE:SYMBOL, e.g. NSE:INFY (not ${bad.join(', ')})` };
  return { instruments: [...new Set(parts)] };
}

export interface InstanceForm {
  accountId: string;
  name: string;
  strategyType: string;
  instruments: string;
  timeframe: string;
  parameters: Record<string, string>;
  start?: boolean;
}

/** The request body of POST /strategies/instances (or PUT, which ignores account and type). */
export function instanceRequest(f: InstanceForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    accountId: Number(f.accountId),
    name: f.name.trim(),
    strategyType: f.strategyType,
    instruments: parseInstruments(f.instruments).instruments,
    timeframe: f.timeframe,
    parameters: f.parameters,
  };
  if (f.start !== undefined) body.start = f.start;
  return body;
}

/** Field-level checks of the instance form besides the parameters; messages by field. */
export function checkInstanceForm(f: Pick<InstanceForm, 'accountId' | 'name' | 'instruments' | 'timeframe'>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!f.accountId || !/^\d+$/.test(f.accountId)) errors.accountId = 'Choose one of your accounts';
  if (f.name.trim().length > 100) errors.name = 'At most 100 characters';
  const inst = parseInstruments(f.instruments);
  if (inst.error) errors.instruments = inst.error;
  else if (inst.instruments.length > 20) errors.instruments = 'At most 20 instruments';
  if (!f.timeframe) errors.timeframe = 'Choose a timeframe';
  return errors;
}

/** Where a refusal points: a form field (parameters by their own name) and the message for it. */
export interface FieldProblem {
  /** "instruments", "timeframe", "param:fast" …; null when it names no field. */
  field: string | null;
  message: string;
}

/**
 * The field a refusal names. The backtest API puts it in `errors.field` ("fast", "from",
 * "brokerSettings.slippageBps"); the strategy API writes "field: message" in the detail
 * ("parameters.fast: fast (40) must be less than slow (30)", "instruments[0]: …"); an unknown
 * instrument is a 404 "unknown instrument NSE:X". Bare names of `paramNames` are parameters.
 */
export function fieldProblem(error: unknown, paramNames: string[] = []): FieldProblem | null {
  if (!(error instanceof ApiError) || error.kind !== 'http') return null;
  const detail = (error.detail ?? '').trim();
  const named = (raw: string, message: string): FieldProblem => {
    let f = raw.replace(/\[\d+\]$/, '');
    if (f.startsWith('parameters.')) f = `param:${f.slice('parameters.'.length)}`;
    else if (paramNames.includes(f)) f = `param:${f}`;
    return { field: f, message: message || detail };
  };
  const errs = error.problem.errors;
  if (errs && typeof errs.field === 'string' && errs.field) return named(errs.field, detail);
  if (error.status === 400 || error.status === 422) {
    const m = /^([A-Za-z][\w.]*(?:\[\d+\])?): (.+)$/s.exec(detail);
    if (m) return named(m[1], m[2]);
  }
  if (error.status === 404 && /^unknown instrument/i.test(detail)) return { field: 'instruments', message: detail };
  return null;
}
