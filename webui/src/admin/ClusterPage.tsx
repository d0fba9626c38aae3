import { health, plugins } from '../api/endpoints';
import { api } from '../api/client';
import { useAsync } from '../components/hooks';
import { Badge, Empty, ErrorBanner, Panel, Spinner } from '../components/ui';
import { formatIstDateTime, formatQty } from '../lib/format';
import { Link } from '../app/router';

/** Reads a few key figures from the Prometheus text at /metrics. */
export function parseMetrics(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+([-+0-9.eE]+|NaN|\+Inf|-Inf)/.exec(line);
    if (!m) continue;
    const v = Number(m[3]);
    if (!Number.isFinite(v)) continue;
    out[m[1]] = (out[m[1]] ?? 0) + v;
  }
  return out;
}

const KEY_METRICS: Array<[string, string, (v: number) => string]> = [
  ['process_uptime_seconds', 'Uptime', (v) => `${formatQty(Math.round(v / 60))} min`],
  ['jvm_memory_used_bytes', 'JVM memory used', (v) => `${formatQty(Math.round(v / 1048576))} MiB`],
  ['jvm_threads_live_threads', 'Threads', formatQty],
  ['process_cpu_usage', 'CPU (process)', (v) => `${(v * 100).toFixed(1)} %`],
  ['http_server_requests_seconds_count', 'HTTP requests', formatQty],
  ['sharewise_ticks_total', 'Ticks received', formatQty],
  ['sharewise_orders_total', 'Orders', formatQty],
  ['sharewise_rule_evaluations_total', 'Rule evaluations', formatQty],
  ['sharewise_plugin_errors_total', 'Plugin errors', formatQty],
];

/** A nested health figure in words: {"closed":0,"stored":12} → "closed 0 · stored 12". */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(describeValue).join(', ');
  if (typeof v === 'number') return formatQty(v);
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => (x !== null && typeof x === 'object' ? `${k} (${describeValue(x)})` : `${k} ${describeValue(x)}`))
      .join(' · ');
  }
  return String(v);
}

function renderData(data: Record<string, unknown> | undefined) {
  if (!data) return null;
  return (
    <dl class="kv small">
      {Object.entries(data).map(([k, v]) => (
        <>
          <dt key={`${k}-t`}>{k}</dt>
          <dd key={`${k}-d`}>{describeValue(v)}</dd>
        </>
      ))}
    </dl>
  );
}

function members(checks: Record<string, { data?: Record<string, unknown> }>): string[] {
  const grid = checks.grid ?? checks.cluster;
  const m = grid?.data?.members;
  if (Array.isArray(m)) return m.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  if (typeof m === 'string') return m.split(/[,\s]+/).filter(Boolean);
  return [];
}

export function ClusterPage({ overview = false }: { overview?: boolean }) {
  const h = useAsync((signal) => health({ signal }), [], { pollMs: 5000 });
  const p = useAsync((signal) => plugins.list({ signal }), [], { pollMs: 10_000 });
  const m = useAsync(async (signal) => parseMetrics(String(await api.get<string>('/metrics', { signal, timeoutMs: 8000 }))), [], { pollMs: 10_000 });
  const checks = h.data?.checks ?? {};
  const memberList = members(checks);
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>{overview ? 'Admin overview' : 'Cluster and health'}</h1>
        <div class="page-head-right">
          {h.data && (
            <span>
              Node <Badge value={h.data.status} />
            </span>
          )}
          {h.loading && <Spinner />}
        </div>
      </div>
      <ErrorBanner error={h.error} action="read the node's health" onRetry={h.reload} />
      <div class="grid-2">
        <Panel title="Node health">
          {!h.data && h.loading ? (
            <Spinner />
          ) : (
            <table class="table" aria-label="Health checks">
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">Status</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(checks).map(([name, c]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      <Badge value={c.status} />
                    </td>
                    <td class="wrap wide">
                      {c.detail}
                      {renderData(c.data)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <div class="stack">
          <Panel title="Cluster members">
            {memberList.length ? (
              <ul class="plain">
                {memberList.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            ) : (
              <Empty>{checks.grid ? checks.grid.detail ?? 'Single node' : 'No cluster information'}</Empty>
            )}
          </Panel>
          <Panel title="Key metrics">
            {m.unavailable || (m.error && !m.data) ? (
              <Empty>Metrics are not available on this node{m.error && !m.unavailable ? ' to you' : ''}.</Empty>
            ) : (
              <dl class="kv metrics">
                {KEY_METRICS.filter(([k]) => m.data?.[k] !== undefined).map(([k, label, fmt]) => (
                  <>
                    <dt key={`${k}-t`}>{label}</dt>
                    <dd key={`${k}-d`} class="num">{fmt(m.data![k])}</dd>
                  </>
                ))}
                {Object.keys(m.data ?? {})
                  .filter((k) => k.startsWith('sharewise_') && !KEY_METRICS.some(([x]) => x === k) && k.endsWith('_total'))
                  .slice(0, 10)
                  .map((k) => (
                    <>
                      <dt key={`${k}-t`}>{k.replace(/^sharewise_/, '').replace(/_total$/, '').replace(/_/g, ' ')}</dt>
                      <dd key={`${k}-d`} class="num">{formatQty(m.data![k])}</dd>
                    </>
                  ))}
              </dl>
            )}
          </Panel>
          <Panel title="Plugins" actions={<Link href="/admin/plugins">Manage</Link>}>
            <ErrorBanner error={p.error} action="list plugins" />
            {p.data && (
              <table class="table compact" aria-label="Plugin states">
                <thead>
                  <tr>
                    <th scope="col">Plugin</th>
                    <th scope="col">Kind</th>
                    <th scope="col">State</th>
                    <th scope="col">Since</th>
                  </tr>
                </thead>
                <tbody>
                  {p.data.map((x) => (
                    <tr key={x.id}>
                      <td>{x.name ?? x.id}</td>
                      <td>{x.kind}</td>
                      <td>
                        <Badge value={x.state} />
                      </td>
                      <td>{formatIstDateTime(x.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Panel>
        </div>
      </div>
    </main>
  );
}
