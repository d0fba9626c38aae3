import { useEffect } from 'preact/hooks';
import { Watchlist } from './Watchlist';
import { ChartPanel } from './ChartPanel';
import { OrderTicket } from './OrderTicket';
import { Blotter } from './Blotter';
import { selected } from './marketStore';
import { loadAccounts } from './accounts';
import { navigate, route } from '../app/router';
import { TICKET_EVENT } from './OrderTicket';

export function Workspace() {
  const fromUrl = route.value.query.get('i');
  useEffect(() => {
    if (fromUrl && fromUrl.toUpperCase() !== selected.value) selected.value = fromUrl.toUpperCase();
  }, [fromUrl]);
  useEffect(() => void loadAccounts(), []);
  // Terminal keys Indian traders know: F1 buy, F2 sell, F3 orders; "/" searches instruments.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]');
      if (e.key === 'F1' || e.key === 'F2') {
        e.preventDefault();
        window.dispatchEvent(new CustomEvent(TICKET_EVENT, { detail: e.key === 'F1' ? 'BUY' : 'SELL' }));
      } else if (e.key === 'F3') {
        e.preventDefault();
        navigate('/orders');
      } else if (e.key === '/' && !typing) {
        e.preventDefault();
        document.getElementById('wl-search-input')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const instrument = selected.value;
  return (
    <main id="main" class="workspace">
      <h1 class="sr-only">Trading workspace</h1>
      <p class="sr-only">Keys: F1 buy, F2 sell, F3 orders, slash to search instruments.</p>
      <section class="ws-watchlist panel" aria-label="Watchlist">
        <Watchlist />
      </section>
      <section class="ws-chart panel" aria-label="Chart">
        <ChartPanel instrument={instrument} />
      </section>
      <section class="ws-ticket panel" aria-label="Order ticket">
        <OrderTicket instrument={instrument} />
      </section>
      <section class="ws-blotter panel" aria-label="Orders and positions">
        <Blotter />
      </section>
    </main>
  );
}
