// Strategies: the installed strategy types with their parameters, the trader's instances (create,
// start, pause, stop, edit, delete) and their signals live, with what became of each.
import { useEffect, useRef, useState } from 'preact/hooks';
import { strategiesApi } from '../api/endpoints';
import { ApiError, friendlyMessage } from '../lib/problem';
import { useAction, useAsync } from '../components/hooks';
import { Badge, Button, Empty, ErrorBanner, Modal, Notice, Panel, Spinner, toast, Unavailable } from '../components/ui';
import { checkParams, initialParams, ParamInputs, paramText, rangeText } from '../components/ParamForm';
import { formatIstDateTime, formatIstTime, formatPrice, formatQty } from '../lib/format';
import {
  actionLabel, checkInstanceForm, displayState, fieldProblem, instanceActions, instanceRequest, isSettling, mergeSignals, readSignal,
  type StrategyInstance, type StrategySignal, type StrategyType,
} from '../lib/strategies';
import { Link, route, setQuery } from '../app/router';
import { liveState, subscribe } from '../app/live';
import { hasRole } from '../app/session';
import { TIMEFRAMES } from './ChartPanel';
import { accountIds, accountLabel, accounts, accountsLoaded, loadAccounts, selectedAccount } from './accounts';

export type { StrategyInstance, StrategyType };

type Action = 'start' | 'pause' | 'stop';
const DONE_WORD: Record<Action, string> = { start: 'Started', pause: 'Paused', stop: 'Stopped' };

export function StrategiesPage() {
  useEffect(() => void loadAccounts(), []);
  const types = useAsync((signal) => strategiesApi.types({ signal }), []);
  const [settling, setSettling] = useState(false);
  const instances = useAsync((signal) => strategiesApi.instances({ signal }), [settling], { pollMs: settling ? 1500 : 10_000 });
  useEffect(() => setSettling(!!instances.data?.some(isSettling)), [instances.data]);
  const [creating, setCreating] = useState<string | null>(null); // strategy type to start from
  const [editing, setEditing] = useState<StrategyInstance | null>(null);
  const [deleting, setDeleting] = useState<StrategyInstance | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const signalsFor = route.value.query.get('instance') ?? '';

  const replace = (i: StrategyInstance) => instances.setData((old) => (old ? (old.some((x) => x.id === i.id) ? old.map((x) => (x.id === i.id ? i : x)) : [...old, i]) : [i]));

  async function act(i: StrategyInstance, action: Action) {
    setBusy(`${i.id}:${action}`);
    try {
      const updated = await strategiesApi.act(i.id, action);
      replace(updated);
      toast(`${DONE_WORD[action]} ${i.name}`, 'ok');
    } catch (e) {
      toast(friendlyMessage(e, `${action} ${i.name}`), 'error');
    } finally {
      setBusy(null);
      instances.reload();
    }
  }

  const remove = useAction(async (i: StrategyInstance) => {
    await strategiesApi.remove(i.id);
    instances.setData((old) => old?.filter((x) => x.id !== i.id));
    toast(`Deleted ${i.name}; its signals stay on record`, 'ok');
    setDeleting(null);
    if (signalsFor === i.id) setQuery({ instance: null });
  });

  // only traders act on instances (of their own accounts); risk officers and admins watch
  const trader = hasRole('TRADER');
  const canCreate = trader && !!types.data?.length && accounts.value.length > 0;
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Strategies</h1>
        <div class="page-head-right">
          {instances.loading && <Spinner label="Refreshing" />}
          {!types.unavailable && trader && (
            <Button class="btn-primary" disabled={!canCreate} onClick={() => setCreating(types.data?.[0]?.id ?? '')}>
              New strategy instance…
            </Button>
          )}
        </div>
      </div>
      {types.unavailable ? (
        <Unavailable feature="Strategies" />
      ) : (
        <>
          <ErrorBanner error={types.error} action="list the installed strategies" onRetry={types.reload} />
          {trader && accountsLoaded.value && !accounts.value.length && <Notice kind="warn">You have no trading account, so you cannot run strategies. A trader's first visit opens a paper account.</Notice>}
          <Panel title="Instances">
            {instances.unavailable ? (
              <Unavailable feature="Strategy instances" />
            ) : instances.error && !instances.data ? (
              <ErrorBanner error={instances.error} action="list strategy instances" onRetry={instances.reload} />
            ) : !instances.data ? (
              <Spinner />
            ) : !instances.data.length ? (
              <Empty>No strategy instances yet. Create one from an installed strategy.</Empty>
            ) : (
              <InstancesTable
                list={instances.data}
                canAct={trader}
                busy={busy}
                onAct={(i, a) => void act(i, a)}
                onEdit={setEditing}
                onDelete={(i) => {
                  remove.clearError();
                  setDeleting(i);
                }}
                onSignals={(i) => setQuery({ instance: i.id })}
              />
            )}
          </Panel>
          {instances.data && instances.data.length > 0 && <SignalsPanel instances={instances.data} instanceId={signalsFor} onChoose={(id) => setQuery({ instance: id || null })} />}
          <Panel title="Installed strategies">
            {!types.data ? (
              types.error ? <Empty>Cannot list them now.</Empty> : <Spinner />
            ) : !types.data.length ? (
              <Empty>No strategy plugins installed. An admin installs them on the Plugins page.</Empty>
            ) : (
              <ul class="cards strategy-cards">
                {types.data.map((t) => (
                  <li class="card" key={t.id} data-strategy-type={t.id}>
                    <div class="row">
                      <strong>{t.name}</strong>
                      <span class="muted small">
                        {t.id}
                        {t.pluginVersion ? ` · v${t.pluginVersion}` : ''}
                      </span>
                    </div>
                    {t.description && <p class="small">{t.description}</p>}
                    <SchemaTable type={t} />
                    <div class="row-end">
                      <Button class="btn-small" hidden={!trader} disabled={!accounts.value.length} onClick={() => setCreating(t.id)} aria-label={`New ${t.name} instance`}>
                        New instance…
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </>
      )}
      <Modal open={creating !== null} title="New strategy instance" onClose={() => setCreating(null)} wide>
        {types.data && creating !== null && (
          <InstanceEditor
            types={types.data}
            initialType={creating}
            onDone={(i) => {
              setCreating(null);
              replace(i);
              instances.reload();
              toast(`Created ${i.name} (${displayState(i).toLowerCase()})`, 'ok');
            }}
          />
        )}
      </Modal>
      <Modal open={editing !== null} title={`Change ${editing?.name ?? ''}`} onClose={() => setEditing(null)} wide>
        {editing && types.data && (
          <InstanceEditor
            types={types.data}
            instance={editing}
            onDone={(i) => {
              setEditing(null);
              replace(i);
              instances.reload();
              toast(`Saved ${i.name}${i.state === 'RUNNING' ? '; it starts again with the new settings' : ''}`, 'ok');
            }}
          />
        )}
      </Modal>
      <Modal open={deleting !== null} title={`Delete ${deleting?.name ?? ''}?`} onClose={() => setDeleting(null)}>
        {deleting && (
          <div>
            <p>
              {deleting.state === 'STOPPED' ? 'The instance' : 'The instance stops and'} is deleted. Its signals and orders stay on record.
            </p>
            <ErrorBanner error={remove.error} action="delete the instance" />
            <div class="row-end">
              <Button onClick={() => setDeleting(null)}>Keep it</Button>
              <Button class="btn-danger" busy={remove.busy} onClick={() => void remove.run(deleting)}>
                Delete {deleting.name}
              </Button>
            </div>
          </div>
        )}
      </Modal>
    </main>
  );
}

function SchemaTable({ type }: { type: StrategyType }) {
  if (!type.parameters.length) return <p class="small muted">No parameters.</p>;
  return (
    <table class="table compact schema" aria-label={`Parameters of ${type.name}`}>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Type</th>
          <th scope="col">Default</th>
          <th scope="col">Allowed</th>
        </tr>
      </thead>
      <tbody>
        {type.parameters.map((p) => (
          <tr key={p.name} title={p.description}>
            <th scope="row">{p.name}</th>
            <td class="small">{p.type.toLowerCase()}</td>
            <td class="small">{p.defaultValue === null || p.defaultValue === undefined ? '—' : String(p.defaultValue)}</td>
            <td class="small">{p.choices?.length ? p.choices.join(', ') : rangeText(p) || 'any'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function stateNote(i: StrategyInstance): string | null {
  if (i.status === 'STARTING') return 'loading history';
  if (i.status === 'WAITING') return i.detail ?? 'waiting for its strategy plugin';
  if (i.status && i.state && i.status !== i.state) return `${i.state.toLowerCase()} as decided`;
  return i.detail ?? null;
}

function InstancesTable({
  list, canAct, busy, onAct, onEdit, onDelete, onSignals,
}: {
  list: StrategyInstance[];
  canAct: boolean;
  busy: string | null;
  onAct: (i: StrategyInstance, a: Action) => void;
  onEdit: (i: StrategyInstance) => void;
  onDelete: (i: StrategyInstance) => void;
  onSignals: (i: StrategyInstance) => void;
}) {
  return (
    <div class="table-wrap">
      <table class="table" aria-label="Strategy instances" id="strategy-instances">
        <thead>
          <tr>
            <th scope="col">Instance</th>
            <th scope="col">Strategy</th>
            <th scope="col">Account</th>
            <th scope="col">Instruments</th>
            <th scope="col">Timeframe</th>
            <th scope="col">Parameters</th>
            <th scope="col">State</th>
            <th scope="col" class="num">Bars / signals</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((i) => {
            const can = canAct ? instanceActions(i) : { start: false, pause: false, stop: false };
            const shown = displayState(i);
            const note = stateNote(i);
            return (
              <tr key={i.id} data-instance={i.id} data-state={i.state} data-status={shown}>
                <th scope="row">
                  {i.name}
                  <div class="small muted">{i.id}</div>
                </th>
                <td>
                  {i.strategyType}
                  {i.pluginVersion && <div class="small muted">v{i.pluginVersion}</div>}
                </td>
                <td class="small">{accountLabel(i.accountId)}</td>
                <td>{i.instruments.join(', ')}</td>
                <td>{i.timeframe}</td>
                <td class="small wrap">
                  {Object.entries(i.parameters)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(' · ') || '—'}
                </td>
                <td class="wrap" data-testid="instance-state">
                  <Badge value={shown} />
                  {note && <div class="small muted">{note}</div>}
                  {i.lastError && (
                    <div class="small error-text" role="alert">
                      Paused by the platform: {i.lastError}
                    </div>
                  )}
                  {i.updatedAt && <div class="small muted">since {formatIstDateTime(i.updatedAt)}</div>}
                </td>
                <td class="num small">
                  {formatQty(i.bars)} / {formatQty(i.signals)}
                </td>
                <td class="actions">
                  {can.start && (
                    <Button class="btn-small btn-primary" busy={busy === `${i.id}:start`} disabled={busy !== null} onClick={() => onAct(i, 'start')} aria-label={`Start ${i.name} (${i.id})`}>
                      Start
                    </Button>
                  )}
                  {can.pause && (
                    <Button class="btn-small" busy={busy === `${i.id}:pause`} disabled={busy !== null} onClick={() => onAct(i, 'pause')} aria-label={`Pause ${i.name} (${i.id})`}>
                      Pause
                    </Button>
                  )}
                  {can.stop && (
                    <Button class="btn-small btn-danger" busy={busy === `${i.id}:stop`} disabled={busy !== null} onClick={() => onAct(i, 'stop')} aria-label={`Stop ${i.name} (${i.id})`}>
                      Stop
                    </Button>
                  )}
                  {canAct && (
                    <Button class="btn-small" onClick={() => onEdit(i)} aria-label={`Change ${i.name} (${i.id})`}>
                      Change…
                    </Button>
                  )}
                  <Button class="btn-small" onClick={() => onSignals(i)} aria-label={`Signals of ${i.name} (${i.id})`}>
                    Signals
                  </Button>
                  {canAct && (
                    <Button class="btn-small btn-ghost" onClick={() => onDelete(i)} aria-label={`Delete ${i.name} (${i.id})`}>
                      Delete…
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const FIELD_IDS: Record<string, string> = { strategyType: 'si-type', name: 'si-name', accountId: 'si-account', instruments: 'si-instruments', timeframe: 'si-timeframe' };

/** Create (no `instance`) or change an instance; client checks first, the node's 400 by field. */
function InstanceEditor({ types, instance, initialType, onDone }: { types: StrategyType[]; instance?: StrategyInstance; initialType?: string; onDone: (i: StrategyInstance) => void }) {
  const editing = !!instance;
  const [typeId, setTypeId] = useState(instance?.strategyType ?? (initialType || types[0]?.id || ''));
  const type = types.find((t) => t.id === typeId);
  const [name, setName] = useState(instance?.name ?? '');
  const [accountId, setAccountId] = useState(instance?.accountId ?? selectedAccount.value ?? accounts.value[0]?.id ?? '');
  const [instruments, setInstruments] = useState(instance?.instruments.join(', ') ?? 'NSE:INFY');
  const [timeframe, setTimeframe] = useState(instance?.timeframe ?? '5m');
  const [start, setStart] = useState(false);
  const [values, setValues] = useState<Record<string, string>>(() => initialParams(type?.parameters ?? [], instance?.parameters));
  const [server, setServer] = useState<Record<string, string>>({});
  const [other, setOther] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // a type the node no longer has: edit the stored values as text
  const specs = type?.parameters ?? Object.keys(instance?.parameters ?? {}).map((n) => ({ name: n, type: 'TEXT' }));
  const own = checkInstanceForm({ accountId, name, instruments, timeframe });
  const paramErrors = checkParams(specs, values);
  const clientErrors: Record<string, string> = { ...own, ...Object.fromEntries(Object.entries(paramErrors).map(([k, v]) => [`param:${k}`, v])) };
  const shown = (field: string) => server[field] ?? clientErrors[field];
  const clear = (field: string) => setServer(({ [field]: _, ...rest }) => rest);

  const save = useAction(async () => {
    const body = instanceRequest({ accountId, name, strategyType: typeId, instruments, timeframe, parameters: paramText(specs, values), start: editing ? undefined : start });
    try {
      const saved = editing ? await strategiesApi.update(instance!.id, body) : await strategiesApi.create(body);
      onDone(saved);
    } catch (e) {
      const fp = fieldProblem(e, specs.map((p) => p.name));
      const known = fp?.field && (fp.field.startsWith('param:') ? specs.some((p) => `param:${p.name}` === fp.field) : fp.field in FIELD_IDS);
      if (fp && fp.field && known) {
        setServer({ [fp.field]: fp.message });
        focusField(fp.field);
        setOther(null);
      } else {
        setOther(e);
      }
    }
  });

  function focusField(field: string) {
    const id = field.startsWith('param:') ? `si-p-${field.slice(6)}` : FIELD_IDS[field];
    setTimeout(() => formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus(), 0);
  }

  const fieldError = (field: string) => {
    const e = shown(field);
    return e ? (
      <small id={`${FIELD_IDS[field]}-err`} class="field-error">
        {e}
      </small>
    ) : null;
  };
  const described = (field: string) => (shown(field) ? `${FIELD_IDS[field]}-err` : undefined);
  const paramShown: Record<string, string | undefined> = {};
  for (const p of specs) paramShown[p.name] = server[`param:${p.name}`] ?? paramErrors[p.name];

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={editing ? `Change ${instance!.name}` : 'New strategy instance'}
      onSubmit={(e) => {
        e.preventDefault();
        setOther(null);
        const first = Object.keys(clientErrors)[0];
        if (first) {
          focusField(first);
          return;
        }
        void save.run();
      }}
    >
      <div class="param-grid">
        <div class="field">
          <label for="si-type">Strategy</label>
          <select
            id="si-type"
            value={typeId}
            disabled={editing}
            onChange={(e) => {
              const t = types.find((x) => x.id === e.currentTarget.value);
              setTypeId(e.currentTarget.value);
              setValues(initialParams(t?.parameters ?? []));
              setServer({});
            }}
          >
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
            {editing && !type && <option value={typeId}>{typeId} (not installed)</option>}
          </select>
        </div>
        <div class={`field${shown('name') ? ' field-invalid' : ''}`}>
          <label for="si-name">Name</label>
          <input id="si-name" value={name} maxLength={120} placeholder={type?.name ?? ''} aria-invalid={shown('name') ? 'true' : undefined} aria-describedby={described('name')} onInput={(e) => {
            setName(e.currentTarget.value);
            clear('name');
          }} />
          {fieldError('name')}
        </div>
        <div class={`field${shown('accountId') ? ' field-invalid' : ''}`}>
          <label for="si-account">Account</label>
          <select id="si-account" value={accountId} disabled={editing} aria-invalid={shown('accountId') ? 'true' : undefined} aria-describedby={described('accountId')} onChange={(e) => {
            setAccountId(e.currentTarget.value);
            clear('accountId');
          }}>
            {!accountId && <option value="">Choose…</option>}
            {accounts.value.map((a) => (
              <option key={a.id} value={a.id}>
                {accountLabel(a.id)}
              </option>
            ))}
            {accountId && !accounts.value.some((a) => a.id === accountId) && <option value={accountId}>{accountLabel(accountId)}</option>}
          </select>
          {fieldError('accountId')}
        </div>
        <div class={`field${shown('instruments') ? ' field-invalid' : ''}`}>
          <label for="si-instruments">Instruments</label>
          <input id="si-instruments" value={instruments} autoComplete="off" aria-invalid={shown('instruments') ? 'true' : undefined} aria-describedby={described('instruments') ?? 'si-instruments-hint'} onInput={(e) => {
            setInstruments(e.currentTarget.value);
            clear('instruments');
          }} />
          {fieldError('instruments') ?? (
            <small id="si-instruments-hint" class="muted">
              EXCHANGE:SYMBOL, comma-separated
            </small>
          )}
        </div>
        <div class={`field${shown('timeframe') ? ' field-invalid' : ''}`}>
          <label for="si-timeframe">Timeframe</label>
          <select id="si-timeframe" value={timeframe} aria-invalid={shown('timeframe') ? 'true' : undefined} aria-describedby={described('timeframe')} onChange={(e) => {
            setTimeframe(e.currentTarget.value);
            clear('timeframe');
          }}>
            {TIMEFRAMES.map(([k, t]) => (
              <option key={k} value={k}>
                {t}
              </option>
            ))}
          </select>
          {fieldError('timeframe')}
        </div>
        {!editing && (
          <div class="field field-check">
            <label>
              <input type="checkbox" checked={start} onChange={(e) => setStart(e.currentTarget.checked)} /> Start right away
            </label>
          </div>
        )}
      </div>
      {type?.description && <p class="small muted">{type.description}</p>}
      <fieldset>
        <legend>Parameters</legend>
        <ParamInputs
          specs={specs}
          values={values}
          errors={paramShown}
          onChange={(v) => {
            setValues(v);
            setServer({});
          }}
          idPrefix="si-p"
        />
      </fieldset>
      {editing && instance!.state === 'RUNNING' && <p class="small muted">It is running: saving starts it again with the new settings and fresh history.</p>}
      <ErrorBanner error={other} action={editing ? 'save the instance' : 'create the instance'} />
      <div class="row-end">
        <Button type="submit" class="btn-primary" busy={save.busy}>
          {editing ? 'Save' : 'Create instance'}
        </Button>
      </div>
    </form>
  );
}

function SignalsPanel({ instances, instanceId, onChoose }: { instances: StrategyInstance[]; instanceId: string; onChoose: (id: string) => void }) {
  const ids = instanceId ? [instanceId] : instances.slice(0, 20).map((i) => i.id);
  const key = ids.join(',');
  const signals = useAsync(
    async (signal) => {
      const lists = await Promise.all(
        ids.map((id) =>
          strategiesApi.signals(id, 50, { signal }).catch((e) => {
            if (e instanceof ApiError && e.status === 404 && !e.isMissingEndpoint) return [] as StrategySignal[]; // deleted meanwhile
            throw e;
          }),
        ),
      );
      return mergeSignals(undefined, lists.flat(), 100);
    },
    [key],
  );
  const [latest, setLatest] = useState<StrategySignal | null>(null);
  const names = new Map(instances.map((i) => [i.id, i.name]));
  const filter = useRef(instanceId);
  filter.current = instanceId;
  const setData = signals.setData;

  // every signal of the trader's accounts, live, in order (the node pushes each once it is stored)
  const accountsKey = accountIds.value.join(',');
  useEffect(() => {
    const offs = accountIds.value.map((account) =>
      subscribe({ channel: 'signals', key: account }, (d) => {
        const s = readSignal(d);
        if (filter.current && s.instanceId !== filter.current) return;
        setLatest(s);
        setData((old) => mergeSignals(old, [s], 100));
      }),
    );
    return () => offs.forEach((off) => off());
  }, [accountsKey, setData]);

  // after a reconnect, read again what was not streamed meanwhile
  const state = liveState.value;
  const was = useRef(state);
  useEffect(() => {
    if (state === 'open' && was.current === 'reconnecting') signals.reload();
    was.current = state;
  }, [state]);

  return (
    <Panel
      title="Recent signals"
      id="signals"
      actions={
        <label class="inline-field small" for="signals-instance">
          Instance
          <select id="signals-instance" class="select-small" value={instanceId} onChange={(e) => onChoose(e.currentTarget.value)}>
            <option value="">All instances</option>
            {instances.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} ({i.id})
              </option>
            ))}
          </select>
        </label>
      }
    >
      <span class="sr-only" role="status" aria-live="polite">
        {latest ? `New signal: ${actionLabel(latest.action)} ${latest.instrument}, ${latest.outcome === 'ORDERED' ? 'ordered' : 'dropped'}` : ''}
      </span>
      {signals.error && !signals.data ? (
        <ErrorBanner error={signals.error} action="load the signals" onRetry={signals.reload} />
      ) : !signals.data ? (
        <Spinner />
      ) : !signals.data.length ? (
        <Empty>No signals yet. They appear here live as the running instances emit them.</Empty>
      ) : (
        <div class="table-wrap">
          <table class="table compact" aria-label="Signals" id="signals-table">
            <thead>
              <tr>
                <th scope="col">Time (IST)</th>
                <th scope="col">Instance</th>
                <th scope="col">Instrument</th>
                <th scope="col">Signal</th>
                <th scope="col" class="num">Price</th>
                <th scope="col">Why</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {signals.data.map((s) => (
                <tr key={s.id} data-signal={s.id} data-outcome={s.outcome}>
                  <td class="small" title={formatIstDateTime(s.time)}>
                    {formatIstTime(s.time)}
                  </td>
                  <td class="small">{names.get(s.instanceId) ?? s.instanceId}</td>
                  <td>
                    {s.instrument} <span class="muted small">{s.timeframe}</span>
                  </td>
                  <td class={s.action.startsWith('ENTER_LONG') || s.action === 'EXIT_SHORT' ? 'buy-text' : 'sell-text'}>{actionLabel(s.action)}</td>
                  <td class="num">{formatPrice(s.price)}</td>
                  <td class="small wrap">{s.reason ?? '—'}</td>
                  <td class="small wrap">
                    <Badge value={s.outcome} />
                    {s.outcome === 'ORDERED' && s.orderId ? (
                      <Link href={`/orders?id=${encodeURIComponent(s.orderId)}`} aria-label={`Order ${s.orderId} of signal ${s.id}`}>
                        order {s.orderId}
                      </Link>
                    ) : null}
                    {s.outcome !== 'ORDERED' && s.rule && (
                      <span>
                        {' '}
                        by <strong>{s.rule}</strong>
                      </span>
                    )}
                    {s.outcomeReason && <div class="muted">{s.outcomeReason}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
