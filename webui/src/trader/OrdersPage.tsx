import { useEffect, useState } from 'preact/hooks';
import { route, setQuery } from '../app/router';
import { ErrorBanner, Panel, Spinner, Unavailable } from '../components/ui';
import { ORDER_STATUSES } from '../lib/orders';
import { OrdersTable, ScopePicker, TradesTable } from './Blotter';
import { OrderExplain } from './OrderExplain';
import { accounts, loadAccounts } from './accounts';
import { useLiveOrders, useLiveTrades, type Scope } from './liveData';

export function OrdersPage() {
  const [scope, setScope] = useState<Scope>(null);
  useEffect(() => void loadAccounts(), []);
  const o = useLiveOrders(scope, {}, 500);
  const t = useLiveTrades(scope);
  const selectedId = route.value.query.get('id');
  const [status, setStatus] = useState('');
  const [instrument, setInstrument] = useState('');
  const needle = instrument.trim().toUpperCase();
  const list = (o.data ?? []).filter((x) => (!status || (status === 'WORKING' ? !['FILLED', 'CANCELLED', 'REJECTED'].includes(x.status) : x.status === status)) && (!needle || x.instrument.includes(needle)));
  const many = accounts.value.length > 1 && !scope;
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Orders and trades</h1>
        {o.loading && <Spinner />}
        <div class="page-head-right">
          <ScopePicker scope={scope} onChange={setScope} id="orders-account" />
        </div>
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
                      <option value="">All</option>
                      <option value="WORKING">Still working</option>
                      {ORDER_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {s.replace(/_/g, ' ')}
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
              {o.data ? <OrdersTable list={list} onSelect={(x) => setQuery({ id: x.id })} selectedId={selectedId} showAccount={many} empty={o.data.length ? 'No orders match the filters.' : 'No orders yet.'} /> : !o.error && <Spinner />}
            </Panel>
            <Panel title="Trades">{t.unavailable ? <Unavailable feature="Trades" /> : t.data ? <TradesTable list={t.data} showAccount={many} /> : t.error ? <ErrorBanner error={t.error} action="load trades" onRetry={t.reload} /> : <Spinner />}</Panel>
          </div>
          {selectedId && (
            <Panel title={`Order ${selectedId}`} actions={<button type="button" class="btn btn-small" onClick={() => setQuery({ id: null })}>Close</button>}>
              <OrderExplain id={selectedId} />
            </Panel>
          )}
        </div>
      )}
    </main>
  );
}
