import { useEffect } from 'preact/hooks';
import { Link, navigate, route } from './router';
import { authUnavailable, hasRole, logout, me, setOnExpired, signedIn } from './session';
import { liveState } from './live';
import { Toasts } from '../components/ui';
import { LoginPage } from './LoginPage';
import { AccountPage } from './AccountPage';
import { Workspace } from '../trader/Workspace';
import { OrdersPage } from '../trader/OrdersPage';
import { PositionsPage } from '../trader/PositionsPage';
import { StrategiesPage } from '../trader/StrategiesPage';
import { BacktestsPage } from '../trader/BacktestsPage';
import { KillSwitch } from '../trader/KillSwitch';
import { ClusterPage } from '../admin/ClusterPage';
import { PluginsPage } from '../admin/PluginsPage';
import { Lazy } from '../components/Lazy';
import { UsersPage } from '../admin/UsersPage';
import { AuditPage } from '../admin/AuditPage';
import { HeldOrdersPage } from '../admin/HeldOrdersPage';

setOnExpired(() => {
  const { path } = route.value;
  if (path !== '/login') navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, true);
});

const TRADER_NAV: Array<[string, string]> = [
  ['/', 'Workspace'],
  ['/orders', 'Orders'],
  ['/positions', 'Positions'],
  ['/strategies', 'Strategies'],
  ['/backtests', 'Backtests'],
];
const ADMIN_NAV: Array<[string, string, string[]]> = [
  ['/admin', 'Overview', ['ADMIN', 'RISK_OFFICER']],
  ['/admin/held', 'Held orders', ['RISK_OFFICER', 'ADMIN']],
  ['/admin/rules', 'Rule sets', ['RISK_OFFICER', 'ADMIN']],
  ['/admin/plugins', 'Plugins', ['ADMIN']],
  ['/admin/users', 'Users', ['ADMIN']],
  ['/admin/audit', 'Audit log', ['ADMIN', 'RISK_OFFICER']],
  ['/admin/cluster', 'Cluster', ['ADMIN', 'RISK_OFFICER']],
];

function page(path: string) {
  switch (path) {
    case '/':
      return <Workspace />;
    case '/orders':
      return <OrdersPage />;
    case '/positions':
      return <PositionsPage />;
    case '/strategies':
      return <StrategiesPage />;
    case '/backtests':
      return <BacktestsPage />;
    case '/account':
      return <AccountPage />;
    case '/admin':
      return <ClusterPage overview />;
    case '/admin/cluster':
      return <ClusterPage />;
    case '/admin/rules':
      return <Lazy load={() => import('../admin/RulesPage').then((m) => m.RulesPage)} />;
    case '/admin/held':
      return <HeldOrdersPage />;
    case '/admin/plugins':
      return <PluginsPage />;
    case '/admin/users':
      return <UsersPage />;
    case '/admin/audit':
      return <AuditPage />;
    default:
      return (
        <main id="main" class="page">
          <h1>Page not found</h1>
          <p>
            There is nothing at <code>{path}</code>. <Link href="/">Go to the workspace</Link>.
          </p>
        </main>
      );
  }
}

function LiveDot() {
  const s = liveState.value;
  if (s === 'idle') return null;
  const text = s === 'open' ? 'Live' : s === 'closed' ? 'Offline' : 'Reconnecting…';
  return (
    <span class={`live-dot live-${s}`} role="status" title={`Streaming connection: ${text}`}>
      <span aria-hidden="true" class="dot" />
      <span class="live-text">{text}</span>
    </span>
  );
}

export function App() {
  const { path } = route.value;
  const isAdmin = path === '/admin' || path.startsWith('/admin/');
  useEffect(() => {
    const section = isAdmin ? 'Admin' : 'Trading';
    document.title = `${section} · ShareWise`;
  }, [isAdmin, path]);

  if (path === '/login') {
    return (
      <>
        <LoginPage />
        <Toasts />
      </>
    );
  }
  const nav = isAdmin ? ADMIN_NAV.filter(([, , r]) => hasRole(...r)).map(([h, t]) => [h, t] as [string, string]) : TRADER_NAV;
  return (
    <div class={`shell ${isAdmin ? 'shell-admin' : 'shell-trader'}`}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <Link href={isAdmin ? '/admin' : '/'} class="brand" aria-label="ShareWise home">
          <span class="logo" aria-hidden="true">◆</span> ShareWise
          <span class="area">{isAdmin ? 'Admin' : 'Trading'}</span>
        </Link>
        <nav aria-label={isAdmin ? 'Admin sections' : 'Trading sections'} class="mainnav">
          {nav.map(([href, text]) => (
            <Link key={href} href={href}>
              {text}
            </Link>
          ))}
        </nav>
        <div class="topbar-right">
          {(!isAdmin || hasRole('ADMIN', 'RISK_OFFICER')) && <KillSwitch compact />}
          <LiveDot />
          {isAdmin ? (
            <Link href="/" class="btn btn-small">Trading</Link>
          ) : (
            (hasRole('ADMIN', 'RISK_OFFICER') || !signedIn.value) && <Link href="/admin" class="btn btn-small">Admin</Link>
          )}
          {signedIn.value ? (
            <div class="user">
              <Link href="/account" class="user-name" title="Account and two-factor sign-in">
                {me.value?.username}
              </Link>
              <button type="button" class="btn btn-small btn-ghost" onClick={() => void logout().then(() => navigate('/login'))}>
                Sign out
              </button>
            </div>
          ) : (
            !authUnavailable.value && <Link href={`/login?next=${encodeURIComponent(path)}`} class="btn btn-small btn-primary">Sign in</Link>
          )}
        </div>
      </header>
      {page(path)}
      <Toasts />
    </div>
  );
}
