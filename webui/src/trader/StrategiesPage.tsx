import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { readList } from '../api/read';
import type { ParameterSpecDto } from '../api/types';
import { useAction, useAsync } from '../components/hooks';
import { Badge, Button, Empty, ErrorBanner, Modal, Panel, Spinner, toast, Unavailable } from '../components/ui';
import { checkParams, ParamInputs, typedParams } from '../components/ParamForm';
import { formatIstDateTime } from '../lib/format';
import { friendlyMessage } from '../lib/problem';
import { TIMEFRAMES } from './ChartPanel';
import { accounts } from './accounts';

type Obj = Record<string, unknown>;

export interface StrategyType {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterSpecDto[];
  version?: string;
}

export interface StrategyInstance {
  id: string;
  strategy: string;
  account?: string;
  instruments: string[];
  timeframe?: string;
  parameters: Record<string, unknown>;
  state: string;
  error?: string | null;
  updatedAt?: string;
}

export function readStrategyType(raw: unknown): StrategyType {
  const o = raw as Obj;
  return {
    id: String(o.id ?? o.strategyId ?? o.name),
    name: String(o.name ?? o.id),
    description: o.description as string | undefined,
    parameters: (o.parameters ?? o.parameterSchema ?? []) as ParameterSpecDto[],
    version: o.version as string | undefined,
  };
}

export function readInstance(raw: unknown): StrategyInstance {
  const o = raw as Obj;
  const inst = o.instruments ?? (o.instrument ? [o.instrument] : []);
  return {
    id: String(o.id ?? o.instanceId),
    strategy: String(o.strategy ?? o.strategyId ?? o.type ?? ''),
    account: o.account as string | undefined,
    instruments: (inst as unknown[]).map(String),
    timeframe: (o.timeframe ?? (Array.isArray(o.timeframes) ? (o.timeframes as string[]).join(', ') : undefined)) as string | undefined,
    parameters: (o.parameters ?? {}) as Record<string, unknown>,
    state: String(o.state ?? o.status ?? ''),
    error: (o.error ?? o.lastError ?? o.pauseReason ?? null) as string | null,
    updatedAt: o.updatedAt as string | undefined,
  };
}

const INSTANCES = '/strategies/instances';

export function StrategiesPage() {
  const types = useAsync(async (signal) => readList(await api.get<unknown>('/strategies', { signal }), 'strategies', 'types').map(readStrategyType), []);
  const instances = useAsync(async (signal) => readList(await api.get<unknown>(INSTANCES, { signal }), 'instances').map(readInstance), [], { pollMs: 5000 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StrategyInstance | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(i: StrategyInstance, action: 'start' | 'pause' | 'stop') {
    setBusy(i.id);
    try {
      await api.post(`${INSTANCES}/${encodeURIComponent(i.id)}/${action}`, {});
      toast(`${action === 'start' ? 'Started' : action === 'pause' ? 'Paused' : 'Stopped'} ${i.strategy} ${i.id}`, 'ok');
      instances.reload();
    } catch (e) {
      toast(friendlyMessage(e, `${action} the strategy`), 'error');
    } finally {
      setBusy(null);
    }
  }

  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Strategies</h1>
        <div class="page-head-right">
          {instances.loading && <Spinner />}
          {!types.unavailable && (
            <Button class="btn-primary" disabled={!types.data?.length} onClick={() => setCreating(true)}>
              New strategy instance…
            </Button>
          )}
        </div>
      </div>
      {types.unavailable ? (
        <Unavailable feature="Strategies" />
      ) : (
        <>
          <ErrorBanner error={types.error} action="list strategies" onRetry={types.reload} />
          <Panel title="Running and configured instances">
            {instances.unavailable ? (
              <Unavailable feature="Strategy instances" />
            ) : instances.error && !instances.data ? (
              <ErrorBanner error={instances.error} action="list strategy instances" onRetry={instances.reload} />
            ) : !instances.data ? (
              <Spinner />
            ) : !instances.data.length ? (
              <Empty>No strategy instances yet. Create one from an installed strategy.</Empty>
            ) : (
              <div class="table-wrap">
                <table class="table" aria-label="Strategy instances">
                  <thead>
                    <tr>
                      <th scope="col">Instance</th>
                      <th scope="col">Strategy</th>
                      <th scope="col">Account</th>
                      <th scope="col">Instruments</th>
                      <th scope="col">Timeframe</th>
                      <th scope="col">Parameters</th>
                      <th scope="col">State</th>
                      <th scope="col">
                        <span class="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {instances.data.map((i) => (
                      <tr key={i.id}>
                        <th scope="row">{i.id}</th>
                        <td>{i.strategy}</td>
                        <td>{i.account ?? '—'}</td>
                        <td>{i.instruments.join(', ')}</td>
                        <td>{i.timeframe ?? '—'}</td>
                        <td class="small">
                          {Object.entries(i.parameters)
                            .map(([k, v]) => `${k}=${v}`)
                            .join(', ')}
                        </td>
                        <td>
                          <Badge value={i.state} />
                          {i.error && <div class="small error-text">{i.error}</div>}
                          {i.updatedAt && <div class="small muted">{formatIstDateTime(i.updatedAt)}</div>}
                        </td>
                        <td class="actions">
                          {i.state !== 'RUNNING' && (
                            <Button class="btn-small btn-primary" busy={busy === i.id} onClick={() => void act(i, 'start')}>
                              Start
                            </Button>
                          )}
                          {i.state === 'RUNNING' && (
                            <Button class="btn-small" busy={busy === i.id} onClick={() => void act(i, 'pause')}>
                              Pause
                            </Button>
                          )}
                          {i.state !== 'STOPPED' && (
                            <Button class="btn-small btn-danger" busy={busy === i.id} onClick={() => void act(i, 'stop')}>
                              Stop
                            </Button>
                          )}
                          <Button class="btn-small" onClick={() => setEditing(i)}>
                            Parameters
                          </Button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Panel>
          <Panel title="Installed strategies">
            {!types.data ? (
              <Spinner />
            ) : !types.data.length ? (
              <Empty>No strategy plugins installed.</Empty>
            ) : (
              <ul class="cards">
                {types.data.map((t) => (
                  <li class="card" key={t.id}>
                    <strong>{t.name}</strong> <span class="muted small">{t.id}</span>
                    {t.description && <p class="small">{t.description}</p>}
                    <p class="small muted">Parameters: {t.parameters.map((p) => p.name).join(', ') || 'none'}</p>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </>
      )}
      <Modal open={creating} title="New strategy instance" onClose={() => setCreating(false)} wide>
        {types.data && (
          <InstanceForm
            types={types.data}
            onDone={() => {
              setCreating(false);
              instances.reload();
            }}
          />
        )}
      </Modal>
      <Modal open={editing !== null} title={`Parameters of ${editing?.id ?? ''}`} onClose={() => setEditing(null)}>
        {editing && types.data && (
          <ParamsEditor
            instance={editing}
            type={types.data.find((t) => t.id === editing.strategy)}
            onDone={() => {
              setEditing(null);
              instances.reload();
            }}
          />
        )}
      </Modal>
    </main>
  );
}

function InstanceForm({ types, onDone }: { types: StrategyType[]; onDone: () => void }) {
  const [typeId, setTypeId] = useState(types[0]?.id ?? '');
  const [instrumentsText, setInstruments] = useState('NSE:INFY');
  const [timeframe, setTimeframe] = useState('5m');
  const [account, setAccount] = useState(accounts.value[0]?.id ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const type = types.find((t) => t.id === typeId);
  const errors = type ? checkParams(type.parameters, values) : {};
  const save = useAction(async () => {
    if (!type) return;
    await api.post(INSTANCES, {
      strategy: type.id,
      account: account || undefined,
      instruments: instrumentsText.split(/[\s,]+/).filter(Boolean).map((s) => s.toUpperCase()),
      timeframe,
      parameters: typedParams(type.parameters, values),
    });
    toast('Strategy instance created', 'ok');
    onDone();
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!Object.keys(errors).length) void save.run();
      }}
    >
      <div class="param-grid">
        <div class="field">
          <label for="si-type">Strategy</label>
          <select id="si-type" value={typeId} onChange={(e) => setTypeId(e.currentTarget.value)}>
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="si-inst">Instruments</label>
          <input id="si-inst" value={instrumentsText} onInput={(e) => setInstruments(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="si-tf">Timeframe</label>
          <select id="si-tf" value={timeframe} onChange={(e) => setTimeframe(e.currentTarget.value)}>
            {TIMEFRAMES.map(([k, t]) => (
              <option key={k} value={k}>
                {t}
              </option>
            ))}
          </select>
        </div>
        {accounts.value.length > 0 && (
          <div class="field">
            <label for="si-acc">Account</label>
            <select id="si-acc" value={account} onChange={(e) => setAccount(e.currentTarget.value)}>
              {accounts.value.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name ?? a.id}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <h3>Parameters</h3>
      {type && <ParamInputs specs={type.parameters} values={values} onChange={setValues} idPrefix="si-p" />}
      {Object.values(errors).map((e) => (
        <p class="field-error" key={e}>
          {e}
        </p>
      ))}
      <ErrorBanner error={save.error} action="create the instance" />
      <div class="row-end">
        <Button type="submit" class="btn-primary" busy={save.busy} disabled={Object.keys(errors).length > 0}>
          Create
        </Button>
      </div>
    </form>
  );
}

function ParamsEditor({ instance, type, onDone }: { instance: StrategyInstance; type?: StrategyType; onDone: () => void }) {
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(Object.entries(instance.parameters).map(([k, v]) => [k, String(v)])));
  const specs = type?.parameters ?? Object.keys(instance.parameters).map((name) => ({ name, type: 'TEXT' }) as ParameterSpecDto);
  const errors = checkParams(specs, values);
  const save = useAction(async () => {
    await api.put(`${INSTANCES}/${encodeURIComponent(instance.id)}/parameters`, typedParams(specs, values));
    toast('Parameters changed', 'ok');
    onDone();
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!Object.keys(errors).length) void save.run();
      }}
    >
      <ParamInputs specs={specs} values={values} onChange={setValues} idPrefix="pe" />
      {Object.values(errors).map((e) => (
        <p class="field-error" key={e}>
          {e}
        </p>
      ))}
      <ErrorBanner error={save.error} action="change the parameters" />
      <div class="row-end">
        <Button type="submit" class="btn-primary" busy={save.busy}>
          Save
        </Button>
      </div>
    </form>
  );
}
