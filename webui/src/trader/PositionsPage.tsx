import { portfolio } from '../api/endpoints';
import { num } from '../api/read';
import { useAsync } from '../components/hooks';
import { ErrorBanner, Panel, Spinner, tone, Unavailable } from '../components/ui';
import { formatInr, formatSignedInr } from '../lib/format';
import { PositionsTable, useLivePositions } from './Blotter';

const SUMMARY_FIELDS: Array<[string[], string, boolean]> = [
  [['cash', 'availableCash', 'cashBalance'], 'Cash', false],
  [['marginUsed', 'usedMargin'], 'Margin used', false],
  [['holdingsValue', 'marketValue', 'positionsValue'], 'Holdings value', false],
  [['grossExposure', 'exposure'], 'Gross exposure', false],
  [['realisedPnl', 'realizedPnl', 'realised'], 'Realised P&L', true],
  [['unrealisedPnl', 'unrealizedPnl', 'unrealised'], 'Unrealised P&L', true],
  [['dayPnl', 'todayPnl'], "Today's P&L", true],
  [['equity', 'netValue', 'totalValue'], 'Equity', false],
];

export function PortfolioSummary() {
  const s = useAsync((signal) => portfolio.summary({ signal }), [], { pollMs: 10_000 });
  if (s.unavailable) return <Unavailable feature="Portfolio summary" />;
  if (s.error && !s.data) return <ErrorBanner error={s.error} action="load the portfolio" onRetry={s.reload} />;
  if (!s.data) return <Spinner />;
  const data = s.data as Record<string, unknown>;
  const rows = SUMMARY_FIELDS.map(([names, label, signed]) => {
    const v = names.map((n) => num(data[n])).find((x) => x !== null) ?? null;
    return v === null ? null : ([label, v, signed] as const);
  }).filter((x): x is readonly [string, number, boolean] => x !== null);
  return (
    <div class="stats">
      {rows.map(([label, v, signed]) => (
        <div class="stat" key={label}>
          <div class="stat-label">{label}</div>
          <div class={`stat-value num ${signed ? tone(v) : ''}`}>{signed ? formatSignedInr(v) : formatInr(v)}</div>
        </div>
      ))}
    </div>
  );
}

export function PositionsPage() {
  const p = useLivePositions();
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Positions and P&amp;L</h1>
        {p.loading && <Spinner />}
      </div>
      <Panel title="Portfolio">
        <PortfolioSummary />
      </Panel>
      <Panel title="Positions">
        {p.unavailable ? <Unavailable feature="Positions" /> : p.error && !p.data ? <ErrorBanner error={p.error} action="load positions" onRetry={p.reload} /> : p.data ? <PositionsTable list={p.data} /> : <Spinner />}
      </Panel>
    </main>
  );
}
