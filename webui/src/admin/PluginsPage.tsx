import { useRef, useState } from 'preact/hooks';
import { plugins } from '../api/endpoints';
import type { PluginDto } from '../api/types';
import { useAction, useAsync } from '../components/hooks';
import { Badge, Button, Empty, ErrorBanner, Modal, Panel, Spinner, toast } from '../components/ui';
import { formatIstDateTime } from '../lib/format';
import { friendlyMessage } from '../lib/problem';

function JarPicker({ label, onPick, busy, id, name, small }: { label: string; onPick: (f: File) => void; busy?: boolean; id: string; name?: string; small?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={ref}
        id={id}
        type="file"
        accept=".jar,application/java-archive"
        class="sr-only"
        aria-label={name ?? label}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) onPick(f);
        }}
      />
      <Button busy={busy} class={small ? 'btn-small' : ''} aria-label={name} onClick={() => ref.current?.click()}>
        {label}
      </Button>
    </>
  );
}

function History({ id }: { id: string }) {
  const h = useAsync((signal) => plugins.history(id, { signal }), [id]);
  if (h.loading && !h.data) return <Spinner />;
  if (h.error) return <ErrorBanner error={h.error} action="load the history" />;
  if (!h.data?.length) return <Empty>No history.</Empty>;
  return (
    <table class="table compact" aria-label="Plugin history">
      <thead>
        <tr>
          <th scope="col">When (IST)</th>
          <th scope="col">What</th>
          <th scope="col">Version</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {h.data.map((e, i) => (
          <tr key={i}>
            <td>{formatIstDateTime(e.occurredAt)}</td>
            <td>
              <Badge value={e.action} tone={e.action === 'FAILED' ? 'bad' : 'info'} />
            </td>
            <td>{e.version}</td>
            <td class="wrap">{e.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PluginsPage() {
  const list = useAsync((signal) => plugins.list({ signal }), [], { pollMs: 10_000 });
  const [historyOf, setHistoryOf] = useState<PluginDto | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<PluginDto | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const install = useAction(async (file: File) => {
    const p = await plugins.install(file);
    toast(`Installed ${p.name ?? p.id} ${p.version ?? ''}`, 'ok');
    list.reload();
  });

  async function update(p: PluginDto, file: File) {
    setBusyId(p.id);
    try {
      const u = await plugins.update(p.id, file);
      toast(`Updated ${u.name ?? u.id} to ${u.version}`, 'ok');
      list.reload();
    } catch (e) {
      toast(friendlyMessage(e, `update ${p.name ?? p.id}`), 'error');
    } finally {
      setBusyId(null);
    }
  }

  async function remove(p: PluginDto) {
    setConfirmRemove(null);
    setBusyId(p.id);
    try {
      await plugins.uninstall(p.id);
      toast(`Uninstalled ${p.name ?? p.id}`, 'ok');
      list.reload();
    } catch (e) {
      toast(friendlyMessage(e, `uninstall ${p.name ?? p.id}`), 'error');
    } finally {
      setBusyId(null);
    }
  }

  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Plugins</h1>
        <div class="page-head-right">
          {list.loading && <Spinner />}
          <JarPicker id="plugin-upload" label="Upload plugin…" busy={install.busy} onPick={(f) => void install.run(f)} />
        </div>
      </div>
      <p class="muted">
        Brokers, strategies and indicators are OSGi bundles. Installing, updating or removing one does not restart the node or disturb the other plugins.
      </p>
      <ErrorBanner error={install.error} action="install the plugin" />
      <ErrorBanner error={list.error} action="list plugins" onRetry={list.reload} />
      <Panel title="Installed plugins">
        {!list.data && list.loading ? (
          <Spinner />
        ) : !list.data?.length ? (
          <Empty>No plugins installed.</Empty>
        ) : (
          <div class="table-wrap">
            <table class="table" aria-label="Installed plugins" id="plugins-table">
              <thead>
                <tr>
                  <th scope="col">Plugin</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Version</th>
                  <th scope="col">State</th>
                  <th scope="col">Provides</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Updated (IST)</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((p) => (
                  <tr key={p.id} data-plugin={p.id}>
                    <th scope="row">
                      {p.name ?? p.id}
                      <div class="muted small">{p.id}</div>
                    </th>
                    <td>{p.kind}</td>
                    <td class="num">{p.version}</td>
                    <td>
                      <Badge value={p.state} />
                    </td>
                    <td class="small wrap">{(p.services ?? []).map((s) => `${s.type.replace(/^.*\./, '')}${s.id ? ` ${s.id}` : ''}`).join(', ') || '—'}</td>
                    <td class="wrap small error-text">{p.lastError ?? ''}</td>
                    <td class="small">{formatIstDateTime(p.updatedAt)}</td>
                    <td class="actions">
                      <Button class="btn-small" aria-label={`History of ${p.name ?? p.id}`} onClick={() => setHistoryOf(p)}>
                        History
                      </Button>
                      <JarPicker id={`update-${p.id}`} label="Update…" small name={`Update ${p.name ?? p.id} from a jar`} busy={busyId === p.id} onPick={(f) => void update(p, f)} />
                      <Button class="btn-small btn-danger" disabled={busyId === p.id} aria-label={`Uninstall ${p.name ?? p.id}`} onClick={() => setConfirmRemove(p)}>
                        Uninstall
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <Modal open={historyOf !== null} title={`History of ${historyOf?.name ?? historyOf?.id ?? ''}`} onClose={() => setHistoryOf(null)} wide>
        {historyOf && <History id={historyOf.id} />}
      </Modal>
      <Modal open={confirmRemove !== null} title="Uninstall plugin?" onClose={() => setConfirmRemove(null)}>
        {confirmRemove && (
          <>
            <p>
              Uninstall <strong>{confirmRemove.name ?? confirmRemove.id}</strong> {confirmRemove.version}? Its services stop at once; strategies or accounts using it pause.
            </p>
            <div class="row-end">
              <Button onClick={() => setConfirmRemove(null)}>Keep it</Button>
              <Button class="btn-danger" onClick={() => void remove(confirmRemove)}>
                Uninstall
              </Button>
            </div>
          </>
        )}
      </Modal>
    </main>
  );
}
