import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { num, readList, readTrade } from '../api/read';
import { useAction, useAsync } from '../components/hooks';
import { Badge, Button, Empty, ErrorBanner, Panel, Spinner, Unavailable } from '../components/ui';
import { SeriesChart } from '../components/charts';
import { checkParams, ParamInputs, typedParams } from '../components/ParamForm';
import { formatInr, formatIstDateTime, formatPct, formatQty, isoToIstLocal, istLocalToIso } from '../lib/format';
import { route, setQuery } from '../app/router';
import { subscribe } from '../app/live';
import { TIMEFRAMES } from './ChartPanel';
import { readStrategyType } from './StrategiesPage';
import { TradesTable } from './Blotter';

type Obj = Record<string, unknown>;

export interface BacktestSummary {
  id: string;
  status: string;
  progress: number | null; // 0..1
  strategy?: string;
  instrument?: string;
  timeframe?: string;
  createdAt?: string;
  error?: string | null;
  metrics: Record<string, unknown>;
}

export function readBacktest(raw: unknown): BacktestSummary {
  const o = (raw ?? {}) as Obj;
  let progress = num(o.progress ?? o.percentComplete);
  if (progress !== null && progress > 1) progress /= 100;
  const req = (o.request ?? o.spec ?? {}) as Obj;
  return {
    id: String(o.id ?? o.backtestId),
    status: String(o.status ?? o.state ?? ''),
    progress,
    strategy: (o.strategy ?? req.strategy) as string | undefined,
    instrument: (o.instrument ?? req.instrument ?? (Array.isArray(req.instruments) ? (req.instruments as string[]).join(',') : undefined)) as string | undefined,
    timeframe: (o.timeframe ?? req.timeframe) as string | undefined,
    createdAt: (o.createdAt ?? o.submittedAt) as string | undefined,
    error: (o.error ?? o.message ?? null) as string | null,
    metrics: (o.metrics ?? {}) as Record<string, unknown>,
  };
}

const METRICS: Array<[string[], string, 'pct' | 'inr' | 'num' | 'int' | 'ratio']> = [
  [['totalReturn'], 'Total return', 'ratio'],
  [['cagr'], 'CAGR', 'ratio'],
  [['sharpe', 'sharpeRatio'], 'Sharpe', 'num'],
  [['sortino', 'sortinoRatio'], 'Sortino', 'num'],
  [['maxDrawdown'], 'Max drawdown', 'ratio'],
  [['maxDrawdownDuration', 'maxDrawdownDays'], 'Max DD duration', 'num'],
  [['winRate'], 'Win rate', 'ratio'],
  [['profitFactor'], 'Profit factor', 'num'],
  [['expectancy'], 'Expectancy', 'inr'],
  [['exposure'], 'Exposure', 'ratio'],
  [['var95', 'historicalVar95'], 'VaR 95 %', 'ratio'],
  [['cvar95', 'historicalCvar95'], 'CVaR 95 %', 'ratio'],
  [['var99'], 'VaR 99 %', 'ratio'],
  [['cvar99'], 'CVaR 99 %', 'ratio'],
  [['beta'], 'Beta', 'num'],
  [['alpha'], 'Alpha', 'ratio'],
  [['trades', 'tradeCount', 'numberOfTrades'], 'Trades', 'int'],
  [['finalEquity', 'endingEquity'], 'Final equity', 'inr'],
  [['netProfit', 'pnl'], 'Net profit', 'inr'],
  [['fees', 'totalFees', 'charges'], 'Charges', 'inr'],
];

function fmtMetric(v: unknown, kind: string): string {
  if (typeof v === 'string' && !Number.isFinite(Number(v))) return v;
  const n = num(v);
  if (n === null) return '—';
  switch (kind) {
    case 'ratio':
      return formatPct(n);
    case 'pct':
      return formatPct(n, true);
    case 'inr':
      return formatInr(n);
    case 'int':
      return formatQty(n);
    default:
      return n.toLocaleString('en-IN', { maximumFractionDigits: 2 });
  }
}

export function readCurve(raw: unknown, ...valueNames: string[]): Array<{ time: number; value: number }> {
  const list = readList(raw, 'points', 'equity', 'curve', 'drawdown');
  const out: Array<{ time: number; value: number }> = [];
  for (const item of list) {
    const o = item as Obj;
    const tv = o.time ?? o.timestamp ?? o.at ?? o.date;
    const time = typeof tv === 'number' ? (tv > 1e11 ? Math.floor(tv / 1000) : tv) : Math.floor(Date.parse(String(tv)) / 1000);
    const value = valueNames.map((n) => num(o[n])).find((x) => x !== null) ?? num(o.value);
    if (Number.isFinite(time) && value !== null) out.push({ time, value });
  }
  return out;
}

function drawdownFrom(equity: Array<{ time: number; value: number }>) {
  let peak = -Infinity;
  return equity.map((p) => {
    peak = Math.max(peak, p.value);
    return { time: p.time, value: peak > 0 ? (p.value / peak - 1) * 100 : 0 };
  });
}

function Results({ id }: { id: string }) {
  const [live, setLive] = useState<BacktestSummary | null>(null);
  const done = (s?: BacktestSummary | null) => !!s && /COMPLETE|DONE|FINISHED|SUCCEEDED|FAILED|ERROR|CANCEL/i.test(s.status);
  const bt = useAsync(async (signal) => readBacktest(await api.get<unknown>(`/backtests/${encodeURIComponent(id)}`, { signal })), [id], { pollMs: done(live) ? undefined : 1500 });
  useEffect(() => {
    if (bt.data) setLive(bt.data);
  }, [bt.data]);
  useEffect(() => subscribe({ channel: 'backtests', key: id }, (d) => setLive((old) => ({ ...(old ?? readBacktest({ id })), ...readBacktest({ id, ...(d as Obj) }) }))), [id]);
  const s = live ?? bt.data;
  const finished = done(s) && !/FAIL|ERROR|CANCEL/i.test(s?.status ?? '');
  const equity = useAsync(async (signal) => readCurve(await api.get<unknown>(`/backtests/${encodeURIComponent(id)}/equity`, { signal }), 'equity'), [id, finished], { enabled: finished });
  const trades = useAsync(async (signal) => readList(await api.get<unknown>(`/backtests/${encodeURIComponent(id)}/trades`, { signal }), 'trades').map(readTrade), [id, finished], { enabled: finished });
  const dd = useAsync(
    async (signal) => readCurve(await api.get<unknown>(`/backtests/${encodeURIComponent(id)}/drawdown`, { signal }), 'drawdown', 'drawdownPct'),
    [id, finished],
    { enabled: finished },
  );
  if (!s) return bt.error ? <ErrorBanner error={bt.error} action="load the backtest" onRetry={bt.reload} /> : <Spinner />;
  const pct = s.progress === null ? null : Math.round(s.progress * 100);
  const ddPoints = dd.data?.length ? dd.data.map((p) => ({ time: p.time, value: Math.abs(p.value) <= 1 ? p.value * 100 : p.value })) : equity.data ? drawdownFrom(equity.data) : [];
  return (
    <div class="backtest-result" data-testid="backtest-result">
      <div class="row">
        <Badge value={s.status} />
        <span>
          {s.strategy} · {s.instrument} · {s.timeframe}
        </span>
        {s.createdAt && <span class="muted small">{formatIstDateTime(s.createdAt)}</span>}
      </div>
      {!done(s) && (
        <div class="progress-wrap">
          <progress max={100} value={pct ?? undefined} aria-label="Backtest progress">
            {pct ?? 0} %
          </progress>
          <span class="num">{pct === null ? 'Running…' : `${pct} %`}</span>
        </div>
      )}
      {s.error && /FAIL|ERROR/i.test(s.status) && (
        <p class="error-text" role="alert">
          {s.error}
        </p>
      )}
      {Object.keys(s.metrics).length > 0 && (
        <div class="stats">
          {METRICS.map(([names, label, kind]) => {
            const key = names.find((n) => s.metrics[n] !== undefined);
            return key ? (
              <div class="stat" key={label}>
                <div class="stat-label">{label}</div>
                <div class="stat-value num">{fmtMetric(s.metrics[key], kind)}</div>
              </div>
            ) : null;
          })}
        </div>
      )}
      {finished && (
        <>
          <h3>Equity</h3>
          {equity.error ? <ErrorBanner error={equity.error} action="load the equity curve" /> : equity.data ? equity.data.length ? <SeriesChart label="Equity curve" area series={[{ name: 'Equity', points: equity.data, color: '#58a6ff' }]} format={(v) => `₹${v.toLocaleString('en-IN', { maximumFractionDigits: 0 })}`} /> : <Empty>No equity points.</Empty> : <Spinner />}
          <h3>Drawdown</h3>
          {ddPoints.length ? <SeriesChart label="Drawdown curve" height={160} area series={[{ name: 'Drawdown %', points: ddPoints, color: '#ef5350' }]} format={(v) => `${v.toFixed(1)} %`} /> : equity.data ? <Empty>No drawdown.</Empty> : <Spinner />}
          <h3>Trades</h3>
          {trades.error ? <ErrorBanner error={trades.error} action="load the trades" /> : trades.data ? <TradesTable list={trades.data} /> : <Spinner />}
        </>
      )}
    </div>
  );
}

export function BacktestsPage() {
  const selectedId = route.value.query.get('id');
  const list = useAsync(async (signal) => readList(await api.get<unknown>('/backtests', { signal }), 'backtests').map(readBacktest), [], { pollMs: 5000 });
  const types = useAsync(async (signal) => readList(await api.get<unknown>('/strategies', { signal }), 'strategies', 'types').map(readStrategyType), []);
  const [strategy, setStrategy] = useState('');
  const [instrument, setInstrument] = useState('NSE:INFY');
  const [timeframe, setTimeframe] = useState('1m');
  const [from, setFrom] = useState(isoToIstLocal(new Date(Date.now() - 30 * 86400_000)));
  const [to, setTo] = useState(isoToIstLocal(new Date()));
  const [capital, setCapital] = useState('1000000');
  const [values, setValues] = useState<Record<string, string>>({});
  const type = types.data?.find((t) => t.id === (strategy || types.data?.[0]?.id));
  const errors = type ? checkParams(type.parameters, values) : {};
  const run = useAction(async () => {
    if (!type) return;
    const res = await api.post<Obj>('/backtests', {
      strategy: type.id,
      instrument: instrument.trim().toUpperCase(),
      instruments: [instrument.trim().toUpperCase()],
      timeframe,
      from: istLocalToIso(from),
      to: istLocalToIso(to),
      initialCapital: Number(capital),
      parameters: typedParams(type.parameters, values),
    }, { timeoutMs: 30_000 });
    const id = String(res.id ?? res.backtestId);
    setQuery({ id });
    list.reload();
  });
  if (list.unavailable) {
    return (
      <main id="main" class="page">
        <h1>Backtests</h1>
        <Unavailable feature="Backtests" />
      </main>
    );
  }
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Backtests</h1>
      </div>
      <div class="split">
        <div class="stack">
          <Panel title="New backtest">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!Object.keys(errors).length) void run.run();
              }}
              aria-label="New backtest"
            >
              <div class="param-grid">
                <div class="field">
                  <label for="bt-strategy">Strategy</label>
                  <select id="bt-strategy" value={type?.id ?? ''} onChange={(e) => setStrategy(e.currentTarget.value)} disabled={!types.data?.length}>
                    {(types.data ?? []).map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="bt-inst">Instrument</label>
                  <input id="bt-inst" value={instrument} onInput={(e) => setInstrument(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="bt-tf">Timeframe</label>
                  <select id="bt-tf" value={timeframe} onChange={(e) => setTimeframe(e.currentTarget.value)}>
                    {TIMEFRAMES.map(([k, t]) => (
                      <option key={k} value={k}>
                        {t}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="bt-from">From (IST)</label>
                  <input id="bt-from" type="datetime-local" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="bt-to">To (IST)</label>
                  <input id="bt-to" type="datetime-local" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="bt-cap">Capital (₹)</label>
                  <input id="bt-cap" inputMode="numeric" value={capital} onInput={(e) => setCapital(e.currentTarget.value)} />
                </div>
              </div>
              {type && (
                <>
                  <h3>Parameters</h3>
                  <ParamInputs specs={type.parameters} values={values} onChange={setValues} idPrefix="bt-p" />
                </>
              )}
              {Object.values(errors).map((e) => (
                <p class="field-error" key={e}>
                  {e}
                </p>
              ))}
              <ErrorBanner error={types.error} action="list strategies" />
              <ErrorBanner error={run.error} action="start the backtest" />
              <div class="row-end">
                <Button type="submit" class="btn-primary" busy={run.busy} disabled={!type || Object.keys(errors).length > 0}>
                  Run backtest
                </Button>
              </div>
            </form>
          </Panel>
          <Panel title="Recent backtests">
            {list.error && !list.data ? (
              <ErrorBanner error={list.error} action="list backtests" onRetry={list.reload} />
            ) : !list.data ? (
              <Spinner />
            ) : !list.data.length ? (
              <Empty>No backtests yet.</Empty>
            ) : (
              <table class="table compact" aria-label="Recent backtests">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Strategy</th>
                    <th scope="col">Instrument</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="num">Return</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((b) => (
                    <tr key={b.id} class={`clickable ${selectedId === b.id ? 'selected' : ''}`} tabIndex={0} onClick={() => setQuery({ id: b.id })} onKeyDown={(e) => e.key === 'Enter' && setQuery({ id: b.id })}>
                      <td class="small">{formatIstDateTime(b.createdAt)}</td>
                      <td>{b.strategy}</td>
                      <td>{b.instrument}</td>
                      <td>
                        <Badge value={b.status} />
                      </td>
                      <td class="num">{fmtMetric(b.metrics.totalReturn, 'ratio')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Panel>
        </div>
        <Panel title="Result">{selectedId ? <Results id={selectedId} /> : <Empty>Run a backtest or pick one from the list.</Empty>}</Panel>
      </div>
    </main>
  );
}
