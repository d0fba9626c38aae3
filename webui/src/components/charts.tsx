// Thin Preact wrappers over TradingView's lightweight-charts. Times arrive as UTC epoch seconds
// and are shifted to IST for display (the library draws UTC).
import { useEffect, useRef } from 'preact/hooks';
import {
  AreaSeries, CandlestickSeries, ColorType, CrosshairMode, HistogramSeries, LineSeries, createChart,
  type IChartApi, type ISeriesApi, type UTCTimestamp, type DeepPartial, type ChartOptions,
} from 'lightweight-charts';
import { utcSecondsToIstChartTime } from '../lib/format';

export const CHART_COLORS = {
  bg: '#0d1117',
  grid: '#1b222c',
  text: '#9aa7b4',
  up: '#26a69a', // candles keep the familiar brighter colours (graphics, not text)
  down: '#ef5350',
  line: ['#f0b429', '#58a6ff', '#d2a8ff', '#ff7b72', '#7ee787', '#ffa657'],
};

export function baseOptions(): DeepPartial<ChartOptions> {
  return {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: CHART_COLORS.bg },
      textColor: CHART_COLORS.text,
      fontFamily: 'Inter, system-ui, sans-serif',
      fontSize: 11,
      attributionLogo: false,
      panes: { separatorColor: '#30363d', enableResize: true },
    },
    grid: { vertLines: { color: CHART_COLORS.grid }, horzLines: { color: CHART_COLORS.grid } },
    crosshair: { mode: CrosshairMode.Normal },
    rightPriceScale: { borderColor: '#30363d' },
    timeScale: { borderColor: '#30363d', timeVisible: true, secondsVisible: false },
    localization: {
      locale: 'en-IN',
      priceFormatter: (p: number) => p.toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    },
  };
}

export const t = (utcSeconds: number) => utcSecondsToIstChartTime(utcSeconds) as UTCTimestamp;

export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface LineData {
  name: string;
  points: Array<{ time: number; value: number }>;
  /** 0 = on the price pane; 1, 2 … = own pane below */
  pane: number;
  color?: string;
}

export interface PriceChartHandle {
  chart: IChartApi;
  candles: ISeriesApi<'Candlestick'>;
  volume: ISeriesApi<'Histogram'>;
  lines: Map<string, ISeriesApi<'Line'>>;
}

export function createPriceChart(el: HTMLElement): PriceChartHandle {
  const chart = createChart(el, baseOptions());
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: CHART_COLORS.up,
    downColor: CHART_COLORS.down,
    borderVisible: false,
    wickUpColor: CHART_COLORS.up,
    wickDownColor: CHART_COLORS.down,
  });
  const volume = chart.addSeries(HistogramSeries, {
    priceScaleId: 'volume',
    priceFormat: { type: 'volume' },
    lastValueVisible: false,
    priceLineVisible: false,
  });
  chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  candles.priceScale().applyOptions({ scaleMargins: { top: 0.05, bottom: 0.25 } });
  return { chart, candles, volume, lines: new Map() };
}

export function candleData(c: Candle) {
  return { time: t(c.time), open: c.open, high: c.high, low: c.low, close: c.close };
}

export function volumeData(c: Candle) {
  return { time: t(c.time), value: c.volume, color: c.close >= c.open ? 'rgba(38,166,154,0.45)' : 'rgba(239,83,80,0.45)' };
}

/** Sets the indicator lines, creating panes as needed and removing lines no longer wanted. */
export function setLines(h: PriceChartHandle, lines: LineData[]): void {
  const wanted = new Set(lines.map((l) => l.name));
  for (const [name, series] of h.lines) {
    if (!wanted.has(name)) {
      h.chart.removeSeries(series);
      h.lines.delete(name);
    }
  }
  lines.forEach((l, i) => {
    let s = h.lines.get(l.name);
    const color = l.color ?? CHART_COLORS.line[i % CHART_COLORS.line.length];
    if (!s) {
      s = h.chart.addSeries(LineSeries, { color, lineWidth: 2, title: l.name, priceLineVisible: false, lastValueVisible: true }, l.pane);
      h.lines.set(l.name, s);
    }
    s.setData(l.points.map((p) => ({ time: t(p.time), value: p.value })));
  });
  // drop empty panes left behind (from the bottom)
  const panes = h.chart.panes();
  for (let i = panes.length - 1; i > 0; i--) {
    if (panes[i].getSeries().length === 0) h.chart.removePane(i);
  }
  h.chart.panes().forEach((p, i) => p.setStretchFactor(i === 0 ? 3 : 1));
}

/** A line or area chart for series like equity and drawdown. */
export function SeriesChart({
  series, height = 220, label, area = false, format,
}: { series: Array<{ name: string; points: Array<{ time: number; value: number }>; color?: string }>; height?: number; label: string; area?: boolean; format?: (v: number) => string }) {
  const el = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = createChart(el.current, {
      ...baseOptions(),
      localization: { locale: 'en-IN', priceFormatter: format ?? ((p: number) => p.toLocaleString('en-IN', { maximumFractionDigits: 2 })) },
    });
    chartRef.current = chart;
    return () => {
      chart.remove();
      chartRef.current = null;
    };
  }, []);
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    for (const s of [...chart.panes()[0].getSeries()]) chart.removeSeries(s);
    series.forEach((s, i) => {
      const color = s.color ?? CHART_COLORS.line[i % CHART_COLORS.line.length];
      const data = dedupe(s.points).map((p) => ({ time: t(p.time), value: p.value }));
      if (area) {
        const a = chart.addSeries(AreaSeries, { lineColor: color, topColor: `${color}55`, bottomColor: `${color}05`, lineWidth: 2, title: s.name });
        a.setData(data);
      } else {
        const l = chart.addSeries(LineSeries, { color, lineWidth: 2, title: s.name });
        l.setData(data);
      }
    });
    chart.timeScale().fitContent();
  }, [series, area]);
  return <div class="chart-box" ref={el} style={{ height: `${height}px` }} role="img" aria-label={label} />;
}

/** Keeps the last point per second, sorted (the library needs strictly increasing times). */
export function dedupe(points: Array<{ time: number; value: number }>) {
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const out: Array<{ time: number; value: number }> = [];
  for (const p of sorted) {
    if (out.length && out[out.length - 1].time === p.time) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
