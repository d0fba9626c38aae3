import { useState } from 'preact/hooks';
import { route, setQuery } from '../app/router';
import { ErrorBanner, Panel, Spinner, Unavailable } from '../components/ui';
import { OrdersTable, TradesTable, useLiveOrders, useLiveTrades } from './Blotter';
import { OrderExplain } from './OrderExplain';

const STATUSES = ['', 'OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED', 'UNKNOWN'];

export function OrdersPage() {
  const o = useLiveOrders(500);
  const t = useLiveTrades();
  const selectedId = route.value.query.get('id');
  const [status, setStatus] = useState('');
  const [instrument, setInstrument] = useState('');
  const list = (o.data ?? []).filter((x) => (!status || x.status === status) && (!instrument || x.instrument.includes(instrument.toUpperCase())));
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Orders and trades</h1>
        {o.loading && <Spinner />}
      </div>
      {o.unavailable ? (
        <Unavailable feature="Orders" />
      ) : (
        <div class={selectedId ? 'split' : ''}>
          <div class="stack">
            <Panel
              title="Orders"
              actions={
                <div class="filters">
                  <label>
                    Status{' '}
                    <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
                      {STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {s || 'All'}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Instrument <input size={12} value={instrument} onInput={(e) => setInstrument(e.currentTarget.value)} placeholder="e.g. INFY" />
                  </label>
                </div>
              }
            >
              <ErrorBanner error={o.error} action="load orders" onRetry={o.reload} />
              {o.data && <OrdersTable list={list} onSelect={(x) => setQuery({ id: x.id })} selectedId={selectedId} />}
            </Panel>
            <Panel title="Trades">{t.unavailable ? <Unavailable feature="Trades" /> : t.data ? <TradesTable list={t.data} /> : t.error ? <ErrorBanner error={t.error} action="load trades" /> : <Spinner />}</Panel>
          </div>
          {selectedId && (
            <Panel title="Why this order" actions={<button type="button" class="btn btn-small" onClick={() => setQuery({ id: null })}>Close</button>}>
              <OrderExplain id={selectedId} />
            </Panel>
          )}
        </div>
      )}
    </main>
  );
}
