import { useEffect, useRef, useState } from 'preact/hooks';
import { market } from '../api/endpoints';
import { readBar } from '../api/read';
import type { BarDto, IndicatorDescriptorDto } from '../api/types';
import { candleData, createPriceChart, setLines, volumeData, type LineData, type PriceChartHandle } from '../components/charts';
import { useAsync } from '../components/hooks';
import { Spinner, toast, Unavailable } from '../components/ui';
import { ApiError } from '../lib/problem';
import { subscribe } from '../app/live';
import { friendlyMessage } from '../lib/problem';
import { barOpenTime, formatPrice } from '../lib/format';
import { instruments, quoteOf } from './marketStore';

export const TIMEFRAMES: Array<[string, string, number]> = [
  ['1m', '1 min', 60],
  ['3m', '3 min', 180],
  ['5m', '5 min', 300],
  ['15m', '15 min', 900],
  ['30m', '30 min', 1800],
  ['1h', '1 hour', 3600],
  ['1d', '1 day', 86400],
];

/** How far back to load: about 600 bars (days for the daily timeframe count calendar days). */
export function rangeFor(timeframe: string, now = Date.now()): { from: string; to: string } {
  const secs = TIMEFRAMES.find(([k]) => k === timeframe)?.[2] ?? 60;
  // intraday bars exist only in the 6.25 h session: look back far enough to cover ~600 of them
  const sessionFactor = secs < 86400 ? 24 / 6.25 : 7 / 5;
  const back = Math.min(secs * 600 * sessionFactor, 5 * 365 * 86400) * 1000;
  return { from: new Date(now - back).toISOString(), to: new Date(now + 60_000).toISOString() };
}

interface ActiveIndicator {
  uid: string;
  descriptor: IndicatorDescriptorDto;
  params: Record<string, string>;
}

function defaults(d: IndicatorDescriptorDto): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of d.parameters ?? []) if (p.defaultValue !== undefined && p.defaultValue !== null) out[p.name] = String(p.defaultValue);
  return out;
}

function label(a: ActiveIndicator): string {
  const vals = Object.values(a.params);
  return `${a.descriptor.name ?? a.descriptor.id}${vals.length ? `(${vals.join(',')})` : ''}`;
}

export function ChartPanel({ instrument }: { instrument: string }) {
  const [timeframe, setTimeframe] = useState(() => localStorage.getItem('sharewise.tf') ?? '5m');
  const [active, setActive] = useState<ActiveIndicator[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [barsState, setBarsState] = useState<{ loading: boolean; error: unknown; count: number }>({ loading: true, error: null, count: 0 });
  const [lastBarTime, setLastBarTime] = useState(0);
  const [reloadBars, setReloadBars] = useState(0);
  const [importing, setImporting] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  async function importCsv(file: File) {
    setImporting(true);
    try {
      const r = (await market.importBars(instrument, timeframe, file)) as { imported?: number };
      toast(`Imported ${r?.imported ?? 'the'} ${timeframe} bars of ${instrument}`, 'ok');
      setReloadBars((n) => n + 1);
    } catch (e) {
      const lines = e instanceof ApiError ? ((e.problem.errors?.lines as Array<{ line: number; reason: string }>) ?? []) : [];
      const more = lines.length ? ` ${lines.slice(0, 3).map((l) => `line ${l.line}: ${l.reason}`).join('; ')}${lines.length > 3 ? ` (+${lines.length - 3} more)` : ''}` : '';
      toast(`${friendlyMessage(e, 'import the bars')}${more}`, 'error');
    } finally {
      setImporting(false);
    }
  }
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<PriceChartHandle | null>(null);
  const barsRef = useRef<BarDto[]>([]);
  const descriptors = useAsync((signal) => market.indicators({ signal }), []);
  const q = quoteOf(instrument).value;

  useEffect(() => {
    if (!boxRef.current) return;
    const h = createPriceChart(boxRef.current);
    chartRef.current = h;
    return () => {
      h.chart.remove();
      chartRef.current = null;
    };
  }, []);

  // history, then live bars
  useEffect(() => {
    localStorage.setItem('sharewise.tf', timeframe);
    const h = chartRef.current;
    if (!h) return;
    const controller = new AbortController();
    setBarsState({ loading: true, error: null, count: 0 });
    h.candles.setData([]);
    h.volume.setData([]);
    barsRef.current = [];
    const { from, to } = rangeFor(timeframe);
    market.bars(instrument, timeframe, from, to, { signal: controller.signal }).then(
      (bars) => {
        barsRef.current = bars;
        h.candles.setData(bars.map(candleData));
        h.volume.setData(bars.map(volumeData));
        h.chart.timeScale().scrollToRealTime();
        setBarsState({ loading: false, error: null, count: bars.length });
        setLastBarTime(bars.at(-1)?.time ?? 0);
      },
      (e) => {
        if (!controller.signal.aborted) setBarsState({ loading: false, error: e, count: 0 });
      },
    );
    const off = subscribe({ channel: 'bars', key: `${instrument}|${timeframe}` }, (data) => {
      const bar = readBar(data);
      if (!bar) return;
      const bars = barsRef.current;
      const last = bars.at(-1);
      if (last && bar.time < last.time) {
        // the closed bar of a period whose successor already forms from quotes: put it in place
        const i = bars.findIndex((b) => b.time === bar.time);
        if (i < 0) return;
        bars[i] = bar;
        h.candles.setData(bars.map(candleData));
        h.volume.setData(bars.map(volumeData));
        return;
      }
      if (last && bar.time === last.time) bars[bars.length - 1] = bar;
      else bars.push(bar);
      h.candles.update(candleData(bar));
      h.volume.update(volumeData(bar));
      setBarsState((s) => (s.count === bars.length && !s.loading ? s : { loading: false, error: null, count: bars.length }));
      if (!last || bar.time > last.time) setLastBarTime(bar.time);
    });
    return () => {
      controller.abort();
      off();
    };
  }, [instrument, timeframe, reloadBars]);

  // indicators: reload on instrument/timeframe change and when a new bar opens
  useEffect(() => {
    const h = chartRef.current;
    if (!h) return;
    if (!active.length) {
      setLines(h, []);
      return;
    }
    const controller = new AbortController();
    const { from, to } = rangeFor(timeframe);
    let nextPane = 1;
    Promise.all(
      active.map(async (a) => {
        const series = await market.indicator(a.descriptor, a.params, instrument, timeframe, from, to, { signal: controller.signal });
        const pane = a.descriptor.overlay ? 0 : nextPane++;
        return Object.entries(series).map(([out, points]): LineData => ({
          name: Object.keys(series).length > 1 ? `${label(a)} ${out}` : label(a),
          points,
          pane,
        }));
      }),
    ).then(
      (lists) => setLines(h, lists.flat()),
      () => {
        /* an indicator that fails leaves the chart as it was */
      },
    );
    return () => controller.abort();
  }, [instrument, timeframe, active, lastBarTime]);

  // The node streams closed bars; between them, the forming bar follows the live quote.
  const lastVolume = useRef<number | null>(null);
  useEffect(() => {
    lastVolume.current = null;
  }, [instrument, timeframe]);
  useEffect(() => {
    const h = chartRef.current;
    if (!h || !q || q.last === null || !q.time || barsState.loading) return;
    const secs = TIMEFRAMES.find(([k]) => k === timeframe)?.[2] ?? 60;
    const t = Math.floor(Date.parse(q.time) / 1000);
    if (!Number.isFinite(t)) return;
    const bars = barsRef.current;
    const last = bars.at(-1);
    const delta = q.volume !== null && lastVolume.current !== null ? Math.max(0, q.volume - lastVolume.current) : 0;
    lastVolume.current = q.volume;
    let bar: BarDto;
    if (last && t >= last.time && t < last.time + secs) {
      bar = { ...last, high: Math.max(last.high, q.last), low: Math.min(last.low, q.last), close: q.last, volume: last.volume + delta };
      bars[bars.length - 1] = bar;
    } else if (!last || t >= last.time + secs) {
      const open = barOpenTime(t, secs);
      if (last && open <= last.time) return;
      bar = { time: open, open: q.last, high: q.last, low: q.last, close: q.last, volume: delta };
      bars.push(bar);
      setBarsState((s) => ({ ...s, count: bars.length }));
    } else return;
    h.candles.update(candleData(bar));
    h.volume.update(volumeData(bar));
  }, [q, timeframe, barsState.loading]);

  const inst = instruments.get(instrument);
  const unavailable = barsState.error && (barsState.error as { isMissingEndpoint?: boolean }).isMissingEndpoint;
  return (
    <div class="chart-panel">
      <div class="chart-toolbar" role="toolbar" aria-label="Chart controls">
        <strong class="chart-title">{instrument}</strong>
        <span class="num chart-ltp">{formatPrice(q?.last, inst?.tickSize)}</span>
        <div class="seg" role="radiogroup" aria-label="Timeframe">
          {TIMEFRAMES.map(([k, text]) => (
            <button key={k} type="button" role="radio" aria-checked={timeframe === k} title={text} class={timeframe === k ? 'seg-btn on' : 'seg-btn'} onClick={() => setTimeframe(k)}>
              {k}
            </button>
          ))}
        </div>
        <label for="add-indicator" class="sr-only">
          Add indicator
        </label>
        <select
          id="add-indicator"
          class="select-small"
          value=""
          disabled={!descriptors.data?.length}
          onChange={(e) => {
            const id = e.currentTarget.value;
            const d = descriptors.data?.find((x) => x.id === id);
            if (d) setActive((a) => [...a, { uid: `${d.id}-${Date.now()}`, descriptor: d, params: defaults(d) }]);
            e.currentTarget.value = '';
          }}
        >
          <option value="">{descriptors.unavailable ? 'No indicators on this node' : '+ Indicator'}</option>
          {(descriptors.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name ?? d.id}
              {d.overlay ? '' : ' (pane)'}
            </option>
          ))}
        </select>
        {active.map((a) => (
          <span class="chip" key={a.uid}>
            <button type="button" class="chip-label" aria-label={`Edit ${label(a)}`} onClick={() => setEditing(editing === a.uid ? null : a.uid)}>
              {label(a)}
            </button>
            <button type="button" class="chip-x" aria-label={`Remove ${label(a)}`} onClick={() => setActive((x) => x.filter((y) => y.uid !== a.uid))}>
              ✕
            </button>
          </span>
        ))}
        {barsState.loading && <Spinner label="Loading bars" />}
        <span class="toolbar-end">
          <input
            ref={fileRef}
            id="bars-import"
            type="file"
            accept=".csv,text/csv"
            class="sr-only"
            aria-label={`Import ${timeframe} bars of ${instrument} from a CSV file`}
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void importCsv(f);
            }}
          />
          <button type="button" class="btn btn-small btn-ghost" aria-busy={importing ? 'true' : undefined} disabled={importing} title="CSV: timestamp,open,high,low,close,volume" onClick={() => fileRef.current?.click()}>
            {importing ? 'Importing…' : 'Import CSV…'}
          </button>
        </span>
      </div>
      {editing &&
        active
          .filter((a) => a.uid === editing)
          .map((a) => (
            <form
              key={a.uid}
              class="indicator-params"
              onSubmit={(e) => {
                e.preventDefault();
                const data = new FormData(e.currentTarget);
                const params: Record<string, string> = {};
                for (const p of a.descriptor.parameters ?? []) params[p.name] = String(data.get(p.name) ?? '');
                setActive((x) => x.map((y) => (y.uid === a.uid ? { ...y, params } : y)));
                setEditing(null);
              }}
            >
              {(a.descriptor.parameters ?? []).map((p) => (
                <label key={p.name} class="inline-field">
                  {p.name}
                  <input name={p.name} defaultValue={a.params[p.name] ?? ''} size={6} title={p.description} />
                </label>
              ))}
              <button type="submit" class="btn btn-small btn-primary">
                Apply
              </button>
            </form>
          ))}
      <div class="chart-area">
        <div class="chart-box fill" ref={boxRef} role="img" aria-label={`${instrument} candlestick chart, ${timeframe} bars, with volume`} />
        {!barsState.loading && barsState.error ? (
          unavailable ? (
            <div class="chart-overlay">
              <Unavailable feature="Price history" />
            </div>
          ) : (
            <div class="chart-overlay" role="alert">
              {friendlyMessage(barsState.error, 'load the chart')}
            </div>
          )
        ) : !barsState.loading && barsState.count === 0 ? (
          <div class="chart-overlay muted">No {timeframe} bars yet for {instrument}. They appear as trades arrive.</div>
        ) : null}
      </div>
    </div>
  );
}
