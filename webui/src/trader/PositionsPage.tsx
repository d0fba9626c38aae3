import { useEffect, useState } from 'preact/hooks';
import { portfolio } from '../api/endpoints';
import { num } from '../api/read';
import { useAsync } from '../components/hooks';
import { ErrorBanner, Panel, Spinner, tone, Unavailable } from '../components/ui';
import { formatInr, formatIstTime, formatQty, formatSignedInr } from '../lib/format';
import { PositionsTable, ScopePicker } from './Blotter';
import { accountLabel, accounts, loadAccounts } from './accounts';
import { useLivePositions, useOnFill, type Scope } from './liveData';

type Obj = Record<string, unknown>;

/** The figures of GET /portfolio: [field, label, signed (P&L), how to format]. */
export const SUMMARY_FIELDS: Array<[string, string, 'money' | 'pnl' | 'count']> = [
  ['equity', 'Equity', 'money'],
  ['cash', 'Cash', 'money'],
  ['openingCash', 'Opening cash', 'money'],
  ['holdingsValue', 'Holdings (CNC)', 'money'],
  ['positionsValue', 'Positions (MIS/NRML)', 'money'],
  ['unrealisedPnl', 'Unrealised P&L', 'pnl'],
  ['realisedPnl', 'Realised P&L', 'pnl'],
  ['realisedToday', 'Realised today', 'pnl'],
  ['charges', 'Charges paid', 'money'],
  ['openPositions', 'Open positions', 'count'],
];

export interface SummaryFigure {
  label: string;
  value: number;
  kind: 'money' | 'pnl' | 'count';
}

/** The figures the node sent, in display order (fields it did not send are left out). */
export function readSummary(data: Obj): SummaryFigure[] {
  return SUMMARY_FIELDS.map(([name, label, kind]) => {
    const v = num(data[name]);
    return v === null ? null : { label, value: v, kind };
  }).filter((x): x is SummaryFigure => x !== null);
}

function figure(f: SummaryFigure): string {
  return f.kind === 'pnl' ? formatSignedInr(f.value) : f.kind === 'count' ? formatQty(f.value) : formatInr(f.value);
}

export function PortfolioSummary({ scope }: { scope: Scope }) {
  const s = useAsync((signal) => portfolio.summary({ accountId: scope ?? undefined }, { signal }), [scope], { pollMs: 10_000 });
  const [at, setAt] = useState<Date | null>(null);
  useEffect(() => {
    if (s.data) setAt(new Date());
  }, [s.data]);
  useOnFill(scope, s.reload);
  if (s.unavailable) return <Unavailable feature="Portfolio summary" />;
  if (s.error && !s.data) return <ErrorBanner error={s.error} action="load the portfolio" onRetry={s.reload} />;
  if (!s.data) return <Spinner />;
  const data = s.data as Obj;
  const rows = readSummary(data);
  const perAccount = Array.isArray(data.accounts) ? (data.accounts as Obj[]) : [];
  return (
    <>
      <div class="stats" data-testid="portfolio-summary">
        {rows.map((f) => (
          <div class="stat" key={f.label}>
            <div class="stat-label">{f.label}</div>
            <div class={`stat-value num ${f.kind === 'pnl' ? tone(f.value) : ''}`}>{figure(f)}</div>
          </div>
        ))}
      </div>
      <p class="small muted">Marked to the latest quotes at {formatIstTime(at)} IST. Realised P&amp;L is before charges.</p>
      {!scope && perAccount.length > 1 && (
        <div class="table-wrap">
          <table class="table compact" aria-label="Each account">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col" class="num">Cash</th>
                <th scope="col" class="num">Unrealised</th>
                <th scope="col" class="num">Realised</th>
                <th scope="col" class="num">Charges</th>
                <th scope="col" class="num">Equity</th>
              </tr>
            </thead>
            <tbody>
              {perAccount.map((a) => (
                <tr key={String(a.accountId)}>
                  <th scope="row">{accountLabel(String(a.accountId))}</th>
                  <td class="num">{formatInr(num(a.cash))}</td>
                  <td class={`num ${tone(num(a.unrealisedPnl))}`}>{formatSignedInr(num(a.unrealisedPnl))}</td>
                  <td class={`num ${tone(num(a.realisedPnl))}`}>{formatSignedInr(num(a.realisedPnl))}</td>
                  <td class="num">{formatInr(num(a.charges))}</td>
                  <td class="num">{formatInr(num(a.equity))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function PositionsPage() {
  const [scope, setScope] = useState<Scope>(null);
  useEffect(() => void loadAccounts(), []);
  const p = useLivePositions(scope);
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Positions and P&amp;L</h1>
        {p.loading && <Spinner />}
        <div class="page-head-right">
          <ScopePicker scope={scope} onChange={setScope} id="positions-account" />
        </div>
      </div>
      <Panel title="Portfolio">
        <PortfolioSummary scope={scope} />
      </Panel>
      <Panel title="Positions">
        {p.unavailable ? <Unavailable feature="Positions" /> : p.error && !p.data ? <ErrorBanner error={p.error} action="load positions" onRetry={p.reload} /> : p.data ? <PositionsTable list={p.data} showAccount={accounts.value.length > 1 && !scope} /> : <Spinner />}
      </Panel>
    </main>
  );
}
