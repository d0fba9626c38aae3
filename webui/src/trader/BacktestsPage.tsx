// Backtests: a form (strategy, parameters, instruments, timeframe, IST date range, capital,
// slippage and brokerage), live progress on the `backtests` channel, then the metrics, equity and
// drawdown charts, round trips and orders; past backtests; grid or random optimisation ranked by
// a metric.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { backtestsApi, strategiesApi } from '../api/endpoints';
import type { ParameterSpecDto } from '../api/types';
import { useAction, useAsync } from '../components/hooks';
import { Badge, Button, Empty, ErrorBanner, Notice, Panel, Spinner, Tabs, toast, tone, Unavailable } from '../components/ui';
import { SeriesChart } from '../components/charts';
import { checkParams, initialParams, ParamInputs, paramText } from '../components/ParamForm';
import { formatInr, formatIstDate, formatIstDateTime, formatIstShort, formatPrice, formatQty, formatSignedInr, isoToIstLocal } from '../lib/format';
import {
  applyEvent, backtestRequest, checkBacktestForm, checkRanges, formFieldOf, formFromRequest, isFinal, mergeRest, metricRows, noBarsMessage,
  optimisationRequest, RANK_BY,
  type Backtest, type BacktestForm, type BacktestOrder, type Optimisation, type OptimisationRun, type RangeForm, type RoundTrip,
} from '../lib/backtests';
import { fieldProblem, type StrategyType } from '../lib/strategies';
import { Link, route, setQuery } from '../app/router';
import { subscribe } from '../app/live';
import { TIMEFRAMES } from './ChartPanel';
import { accountLabel, accounts, loadAccounts } from './accounts';

function defaultForm(): BacktestForm {
  const now = Date.now();
  return {
    strategy: '',
    parameters: {},
    instruments: 'NSE:INFY',
    timeframe: '1m',
    from: isoToIstLocal(new Date(now - 30 * 86400_000)).slice(0, 11) + '09:15',
    to: isoToIstLocal(new Date(now)),
    capital: '1000000',
    slippageBps: '',
    brokeragePercent: '',
    benchmark: '',
    riskFreePercent: '',
    warmUpBars: '',
    accountId: '',
  };
}

const FIELD_IDS: Record<string, string> = {
  strategy: 'bt-strategy', instruments: 'bt-instruments', timeframe: 'bt-timeframe', from: 'bt-from', to: 'bt-to', capital: 'bt-capital',
  slippageBps: 'bt-slippage', brokeragePercent: 'bt-brokerage', benchmark: 'bt-benchmark', riskFreePercent: 'bt-riskfree', warmUpBars: 'bt-warmup',
  accountId: 'bt-account', samples: 'opt-samples',
};

type Mode = 'single' | 'optimise';

export function BacktestsPage() {
  const q = route.value.query;
  const selectedId = q.get('id');
  const optId = q.get('opt');
  useEffect(() => void loadAccounts(), []);
  const [listBusy, setListBusy] = useState(false);
  const list = useAsync((signal) => backtestsApi.list(50, { signal }), [listBusy], { pollMs: listBusy ? 3000 : 20_000 });
  const optList = useAsync((signal) => backtestsApi.optimisations(20, { signal }), [listBusy], { pollMs: listBusy ? 3000 : 30_000 });
  useEffect(() => setListBusy(!!list.data?.some((b) => !isFinal(b.status)) || !!optList.data?.some((o) => !isFinal(o.status))), [list.data, optList.data]);
  const types = useAsync((signal) => strategiesApi.types({ signal }), []);
  const [mode, setMode] = useState<Mode>('single');
  const [form, setForm] = useState<BacktestForm>(defaultForm);

  // the first installed strategy, with its defaults, once the types are known
  useEffect(() => {
    if (!types.data?.length || form.strategy) return;
    const t = types.data[0];
    setForm((f) => ({ ...f, strategy: t.id, parameters: initialParams(t.parameters) }));
  }, [types.data]);

  const type = types.data?.find((t) => t.id === form.strategy);

  if (list.unavailable) {
    return (
      <main id="main" class="page">
        <h1>Backtests</h1>
        <Unavailable feature="Backtests" />
      </main>
    );
  }
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Backtests</h1>
        <div class="page-head-right">{list.loading && <Spinner label="Refreshing" />}</div>
      </div>
      <div class="split split-result">
        <div class="stack">
          <Panel title={mode === 'single' ? 'New backtest' : 'New optimisation'}>
            <Tabs<Mode>
              label="Backtest or optimisation"
              value={mode}
              onChange={setMode}
              tabs={[
                ['single', 'Backtest'],
                ['optimise', 'Optimisation'],
              ]}
            />
            <div class="tabpanel" role="tabpanel" aria-labelledby={`tab-${mode}`}>
              <ErrorBanner error={types.error} action="list the installed strategies" onRetry={types.reload} />
              {types.data && !types.data.length && <Notice kind="warn">No strategy plugins are installed: there is nothing to backtest.</Notice>}
              <RunForm
                mode={mode}
                types={types.data ?? []}
                type={type}
                form={form}
                setForm={setForm}
                onSubmitted={(kind, id, item) => {
                  if (kind === 'backtest') {
                    list.setData((old) => [item as Backtest, ...(old ?? []).filter((b) => b.id !== id)]);
                    setQuery({ id, opt: null });
                  } else {
                    optList.setData((old) => [item as Optimisation, ...(old ?? []).filter((o) => o.id !== id)]);
                    setQuery({ opt: id, id: null });
                  }
                  setListBusy(true);
                }}
              />
            </div>
          </Panel>
          <Panel title="Recent backtests">
            {list.error && !list.data ? (
              <ErrorBanner error={list.error} action="list backtests" onRetry={list.reload} />
            ) : !list.data ? (
              <Spinner />
            ) : !list.data.length ? (
              <Empty>No backtests yet.</Empty>
            ) : (
              <BacktestList list={list.data} selected={selectedId} />
            )}
          </Panel>
          {!optList.unavailable && optList.data && optList.data.length > 0 && (
            <Panel title="Recent optimisations">
              <OptimisationList list={optList.data} selected={optId} />
            </Panel>
          )}
        </div>
        <Panel title={optId ? 'Optimisation' : 'Result'}>
          {optId ? (
            <OptimisationResult
              key={optId}
              id={optId}
              onFinished={() => optList.reload()}
              onUse={(params) => {
                setForm((f) => ({ ...f, parameters: { ...f.parameters, ...params } }));
                setMode('single');
                toast('The best parameters are in the backtest form', 'ok');
              }}
            />
          ) : selectedId ? (
            <BacktestResult
              key={selectedId}
              id={selectedId}
              onUse={(b) => {
                const t = types.data?.find((x) => x.id === b.request.strategy);
                const next = formFromRequest(b.request);
                setForm({ ...next, parameters: initialParams(t?.parameters ?? [], next.parameters) });
                setMode('single');
                toast('The form has this backtest’s settings', 'ok');
              }}
              onFinished={() => list.reload()}
            />
          ) : (
            <Empty>Run a backtest or pick one from the list.</Empty>
          )}
        </Panel>
      </div>
    </main>
  );
}

// ---- the form ----

function RunForm({
  mode, types, type, form, setForm, onSubmitted,
}: {
  mode: Mode;
  types: StrategyType[];
  type: StrategyType | undefined;
  form: BacktestForm;
  setForm: (u: (f: BacktestForm) => BacktestForm) => void;
  onSubmitted: (kind: 'backtest' | 'optimisation', id: string, item: Backtest | Optimisation) => void;
}) {
  const specs = type?.parameters ?? [];
  const [server, setServer] = useState<Record<string, string>>({});
  const [other, setOther] = useState<unknown>(null);
  const [noBars, setNoBars] = useState<string | null>(null);
  const [method, setMethod] = useState('grid');
  const [rankBy, setRankBy] = useState('sharpeRatio');
  const [samples, setSamples] = useState('50');
  const [ranges, setRanges] = useState<Record<string, RangeForm>>({});
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => setRanges({}), [form.strategy]);

  const set = <K extends keyof BacktestForm>(k: K, v: BacktestForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setServer(({ [k]: _, ...rest }) => rest);
    if (k === 'from' || k === 'to' || k === 'instruments' || k === 'timeframe') setNoBars(null);
  };
  const own = checkBacktestForm(form);
  const paramErrors = checkParams(specs, form.parameters);
  const opt = mode === 'optimise' ? checkRanges(ranges, method, samples) : { errors: {}, runs: 0 };
  const clientErrors: Record<string, string> = {
    ...own,
    ...Object.fromEntries(Object.entries(paramErrors).map(([k, v]) => [`param:${k}`, v])),
    ...(mode === 'optimise' ? Object.fromEntries(Object.entries(opt.errors).map(([k, v]) => [k === 'samples' || k === '_' ? k : `range:${k}`, v])) : {}),
  };
  const shown = (f: string) => server[f] ?? clientErrors[f];

  function focusField(field: string) {
    const id = field.startsWith('param:') ? `bt-p-${field.slice(6)}` : field.startsWith('range:') ? `opt-from-${field.slice(6)}` : FIELD_IDS[field];
    if (!id) return;
    setTimeout(() => formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus(), 0);
  }

  const submit = useAction(async () => {
    setOther(null);
    setNoBars(null);
    const body = backtestRequest({ ...form, parameters: paramText(specs, form.parameters) });
    try {
      if (mode === 'single') {
        const b = await backtestsApi.submit(body);
        onSubmitted('backtest', b.id, b);
        toast('Backtest queued', 'ok');
      } else {
        const o = await backtestsApi.optimise(optimisationRequest(body, ranges, method, rankBy, samples));
        onSubmitted('optimisation', o.id, o);
        toast(`Optimisation queued: ${formatQty(o.runs)} backtests`, 'ok');
      }
    } catch (e) {
      const bars = noBarsMessage(e);
      if (bars) {
        setNoBars(bars);
        return;
      }
      const fp = fieldProblem(e, specs.map((p) => p.name));
      let field = formFieldOf(fp?.field ?? null);
      if (field?.startsWith('ranges.')) field = `range:${field.slice(7)}`;
      const known = field && (field.startsWith('param:') ? specs.some((p) => `param:${p.name}` === field) : field.startsWith('range:') || field in FIELD_IDS);
      if (fp && field && known) {
        setServer({ [field]: fp.message });
        focusField(field);
      } else {
        setOther(e);
      }
    }
  });

  const field = (f: keyof BacktestForm & string, label: string, input: (id: string, describedBy?: string) => ComponentChildren, hint?: string) => {
    const id = FIELD_IDS[f];
    const err = shown(f);
    const describedBy = err ? `${id}-err` : hint ? `${id}-hint` : undefined;
    return (
      <div class={`field${err ? ' field-invalid' : ''}`}>
        <label for={id}>{label}</label>
        {input(id, describedBy)}
        {err ? (
          <small id={`${id}-err`} class="field-error">
            {err}
          </small>
        ) : hint ? (
          <small id={`${id}-hint`} class="muted">
            {hint}
          </small>
        ) : null}
      </div>
    );
  };
  const text = (f: keyof BacktestForm & string, extra: Record<string, unknown> = {}) => (id: string, describedBy?: string) => (
    <input id={id} value={form[f] as string} autoComplete="off" aria-invalid={shown(f) ? 'true' : undefined} aria-describedby={describedBy} onInput={(e) => set(f, e.currentTarget.value as never)} {...extra} />
  );
  const paramShown: Record<string, string | undefined> = {};
  for (const p of specs) paramShown[p.name] = server[`param:${p.name}`] ?? paramErrors[p.name];

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={mode === 'single' ? 'New backtest' : 'New optimisation'}
      onSubmit={(e) => {
        e.preventDefault();
        const first = Object.keys(clientErrors)[0];
        if (first) {
          focusField(first);
          return;
        }
        void submit.run();
      }}
    >
      <div class="param-grid">
        {field('strategy', 'Strategy', (id, d) => (
          <select
            id={id}
            value={form.strategy}
            disabled={!types.length}
            aria-describedby={d}
            onChange={(e) => {
              const t = types.find((x) => x.id === e.currentTarget.value);
              setForm((f) => ({ ...f, strategy: e.currentTarget.value, parameters: initialParams(t?.parameters ?? []) }));
              setServer({});
            }}
          >
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        ))}
        {field('instruments', 'Instruments', text('instruments'), 'EXCHANGE:SYMBOL, comma-separated')}
        {field('timeframe', 'Timeframe', (id, d) => (
          <select id={id} value={form.timeframe} aria-describedby={d} onChange={(e) => set('timeframe', e.currentTarget.value)}>
            {TIMEFRAMES.map(([k, t]) => (
              <option key={k} value={k}>
                {t}
              </option>
            ))}
          </select>
        ))}
        {field('from', 'From (IST)', text('from', { type: 'datetime-local' }))}
        {field('to', 'To (IST)', text('to', { type: 'datetime-local' }), 'the end is not included')}
        {field('capital', 'Capital (₹)', text('capital', { inputMode: 'decimal' }), form.capital && Number(form.capital) > 0 ? formatInr(Number(form.capital)) : 'blank: ₹10,00,000')}
      </div>
      <details class="more-settings">
        <summary>Costs, benchmark and risk limits</summary>
        <div class="param-grid">
          {field('slippageBps', 'Slippage (bps)', text('slippageBps', { inputMode: 'decimal', placeholder: 'broker default' }), '10 bps = 0.1 % against you')}
          {field('brokeragePercent', 'Brokerage (% of turnover)', text('brokeragePercent', { inputMode: 'decimal', placeholder: 'broker default' }), 'intraday; taxes apply as usual')}
          {field('benchmark', 'Benchmark', text('benchmark', { placeholder: 'e.g. NSE:NIFTYBEES' }), 'for beta and alpha')}
          {field('riskFreePercent', 'Risk-free rate (% a year)', text('riskFreePercent', { inputMode: 'decimal', placeholder: '0' }))}
          {field('warmUpBars', 'Warm-up bars', text('warmUpBars', { inputMode: 'numeric', placeholder: '0' }), 'history given to the strategy first')}
          {field('accountId', 'Risk limits of', (id, d) => (
            <select id={id} value={form.accountId} aria-describedby={d} onChange={(e) => set('accountId', e.currentTarget.value)}>
              <option value="">Default limits</option>
              {accounts.value.map((a) => (
                <option key={a.id} value={a.id}>
                  {accountLabel(a.id)}
                </option>
              ))}
            </select>
          ))}
        </div>
      </details>
      {noBars && (
        <div class="banner banner-warn" role="alert" data-testid="no-bars">
          <span>{noBars}</span>
        </div>
      )}
      <fieldset>
        <legend>{mode === 'single' ? 'Parameters' : 'Parameters (fixed unless varied below)'}</legend>
        {type ? (
          <ParamInputs
            specs={specs}
            values={form.parameters}
            errors={paramShown}
            idPrefix="bt-p"
            onChange={(v) => {
              setForm((f) => ({ ...f, parameters: v }));
              setServer({});
            }}
          />
        ) : (
          <p class="muted small">Choose a strategy.</p>
        )}
      </fieldset>
      {mode === 'optimise' && (
        <OptimiseFields
          specs={specs}
          ranges={ranges}
          setRanges={(r) => {
            setRanges(r);
            setServer({});
          }}
          method={method}
          setMethod={setMethod}
          rankBy={rankBy}
          setRankBy={setRankBy}
          samples={samples}
          setSamples={setSamples}
          errors={Object.fromEntries([...Object.entries(clientErrors), ...Object.entries(server)].filter(([k]) => k.startsWith('range:') || k === 'samples' || k === '_'))}
        />
      )}
      <ErrorBanner error={other} action={mode === 'single' ? 'start the backtest' : 'start the optimisation'} />
      <div class="row-end">
        {mode === 'optimise' && opt.runs > 0 && <span class="muted small">{formatQty(opt.runs)} backtests</span>}
        <Button type="submit" class="btn-primary" busy={submit.busy} disabled={!type}>
          {mode === 'single' ? 'Run backtest' : 'Run optimisation'}
        </Button>
      </div>
    </form>
  );
}

function OptimiseFields({
  specs, ranges, setRanges, method, setMethod, rankBy, setRankBy, samples, setSamples, errors,
}: {
  specs: ParameterSpecDto[];
  ranges: Record<string, RangeForm>;
  setRanges: (r: Record<string, RangeForm>) => void;
  method: string;
  setMethod: (m: string) => void;
  rankBy: string;
  setRankBy: (r: string) => void;
  samples: string;
  setSamples: (s: string) => void;
  errors: Record<string, string>;
}) {
  const r = (name: string): RangeForm => ranges[name] ?? { from: '', to: '', step: '', values: '' };
  const put = (name: string, k: keyof RangeForm, v: string) => setRanges({ ...ranges, [name]: { ...r(name), [k]: v } });
  return (
    <fieldset>
      <legend>Search</legend>
      <div class="param-grid">
        <div class="field">
          <label for="opt-method">Method</label>
          <select id="opt-method" value={method} onChange={(e) => setMethod(e.currentTarget.value)}>
            <option value="grid">Grid</option>
            <option value="random">Random sample</option>
          </select>
        </div>
        <div class="field">
          <label for="opt-rank">Rank by</label>
          <select id="opt-rank" value={rankBy} onChange={(e) => setRankBy(e.currentTarget.value)}>
            {RANK_BY.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {method === 'random' && (
          <div class={`field${errors.samples ? ' field-invalid' : ''}`}>
            <label for="opt-samples">Samples</label>
            <input id="opt-samples" inputMode="numeric" value={samples} aria-invalid={errors.samples ? 'true' : undefined} aria-describedby={errors.samples ? 'opt-samples-err' : undefined} onInput={(e) => setSamples(e.currentTarget.value)} />
            {errors.samples && (
              <small id="opt-samples-err" class="field-error">
                {errors.samples}
              </small>
            )}
          </div>
        )}
      </div>
      <table class="table compact ranges" aria-label="Parameter ranges">
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Step</th>
            <th scope="col">or values</th>
          </tr>
        </thead>
        <tbody>
          {specs.map((p) => {
            const numeric = p.type === 'INTEGER' || p.type === 'DECIMAL';
            const err = errors[`range:${p.name}`];
            const cell = (k: keyof RangeForm, label: string, disabled = false) => (
              <td>
                <input
                  id={`opt-${k}-${p.name}`}
                  class="input-small"
                  aria-label={`${p.name} ${label}`}
                  inputMode={k === 'values' ? 'text' : 'decimal'}
                  value={r(p.name)[k]}
                  disabled={disabled}
                  aria-invalid={err ? 'true' : undefined}
                  aria-describedby={err ? `opt-err-${p.name}` : undefined}
                  onInput={(e) => put(p.name, k, e.currentTarget.value)}
                />
              </td>
            );
            return [
              <tr key={p.name}>
                <th scope="row">{p.name}</th>
                {cell('from', 'from', !numeric)}
                {cell('to', 'to', !numeric)}
                {cell('step', 'step', !numeric)}
                {cell('values', 'values', false)}
              </tr>,
              err ? (
                <tr key={`${p.name}-err`}>
                  <td colSpan={5}>
                    <small id={`opt-err-${p.name}`} class="field-error">
                      {err}
                    </small>
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
      {errors._ && <p class="field-error">{errors._}</p>}
      <p class="small muted">Leave a parameter blank to keep its value above. Combinations the strategy refuses (such as fast ≥ slow) are listed without a score.</p>
    </fieldset>
  );
}

// ---- lists ----

function BacktestList({ list, selected }: { list: Backtest[]; selected: string | null }) {
  return (
    <div class="table-wrap">
      <table class="table compact" aria-label="Recent backtests" id="backtests-table">
        <thead>
          <tr>
            <th scope="col">Submitted (IST)</th>
            <th scope="col">Strategy</th>
            <th scope="col">Instruments and range</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">Return</th>
          </tr>
        </thead>
        <tbody>
          {list.map((b) => {
            const ret = (b.metrics?.totalReturn ?? null) as number | null;
            return (
              <tr key={b.id} data-backtest={b.id} class={selected === b.id ? 'selected' : ''}>
                <td class="small">
                  <Link href={`/backtests?id=${encodeURIComponent(b.id)}`} aria-label={`Backtest ${b.id} of ${formatIstDateTime(b.createdAt)}`}>
                    {formatIstShort(b.createdAt)}
                  </Link>
                </td>
                <td>{b.strategy}</td>
                <td>
                  {b.request.instruments.join(', ')} <span class="muted small">{b.request.timeframe}</span>
                  <div class="small muted">
                    {formatIstDate(b.request.from)} – {formatIstDate(b.request.to)}
                  </div>
                </td>
                <td>
                  <Badge value={b.status} />
                  {!isFinal(b.status) && b.progress !== null && <span class="small muted"> {Math.round(b.progress * 100)} %</span>}
                </td>
                <td class={`num ${tone(ret)}`}>{ret === null ? '—' : metricRows({ totalReturn: ret })[0].value}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function OptimisationList({ list, selected }: { list: Optimisation[]; selected: string | null }) {
  return (
    <div class="table-wrap">
      <table class="table compact" aria-label="Recent optimisations">
        <thead>
          <tr>
            <th scope="col">Submitted (IST)</th>
            <th scope="col">Strategy</th>
            <th scope="col">Method</th>
            <th scope="col" class="num">Runs</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {list.map((o) => (
            <tr key={o.id} data-optimisation={o.id} class={selected === o.id ? 'selected' : ''}>
              <td class="small">
                <Link href={`/backtests?opt=${encodeURIComponent(o.id)}`} aria-label={`Optimisation ${o.id} of ${formatIstDateTime(o.createdAt)}`}>
                  {formatIstShort(o.createdAt)}
                </Link>
              </td>
              <td>{o.strategy}</td>
              <td>{o.method}</td>
              <td class="num">{formatQty(o.runs)}</td>
              <td>
                <Badge value={o.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---- one backtest ----

/** Follows a run: REST first, then the `backtests` stream (keyed by its id), REST again at the end. */
function useLiveRun<T extends { id: string; status: string; progress: number | null; error?: string }>(id: string, load: (id: string, signal: AbortSignal) => Promise<T>) {
  const [view, setView] = useState<T | null>(null);
  const final = isFinal(view?.status);
  const rest = useAsync((signal) => load(id, signal), [id, final], { pollMs: final ? undefined : 4000 });
  useEffect(() => {
    if (rest.data) setView((old) => mergeRest(old && old.id === id ? old : null, rest.data!));
  }, [rest.data, id]);
  const reload = rest.reload;
  useEffect(
    () =>
      subscribe({ channel: 'backtests', key: id }, (d) => {
        setView((old) => (old ? applyEvent(old, d) : old));
        if (isFinal(String((d as { status?: string })?.status ?? ''))) reload(); // the metrics come with the final REST answer
      }),
    [id, reload],
  );
  return { view, error: rest.error, reload };
}

/** Calls `fn` once when the status becomes final (the lists then show the outcome). */
function useOnFinal(status: string | undefined, fn: () => void) {
  const called = useRef(false);
  useEffect(() => {
    if (isFinal(status) && !called.current) {
      called.current = true;
      fn();
    }
  }, [status]);
}

function RunProgress({ status, progress, done, total, unit, onCancel, cancelling }: { status: string; progress: number | null; done?: number | null; total?: number | null; unit: string; onCancel: () => void; cancelling: boolean }) {
  const pct = progress === null ? null : Math.round(progress * 100);
  return (
    <div class="progress-wrap" data-testid="run-progress">
      <progress max={100} value={pct ?? undefined} aria-label={`${unit === 'bars' ? 'Backtest' : 'Optimisation'} progress`} aria-valuetext={pct === null ? status.toLowerCase() : `${pct} %`}>
        {pct ?? 0} %
      </progress>
      <span class="num small" aria-live="polite">
        {status === 'QUEUED' ? 'Queued…' : pct === null ? 'Running…' : `${pct} %`}
        {done != null && total ? ` · ${formatQty(done)} of ${formatQty(total)} ${unit}` : ''}
      </span>
      <Button class="btn-small btn-danger" busy={cancelling} onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}

function BacktestResult({ id, onUse, onFinished }: { id: string; onUse: (b: Backtest) => void; onFinished: () => void }) {
  const { view: b, error, reload } = useLiveRun(id, (x, signal) => backtestsApi.get(x, { signal }));
  const done = b?.status === 'DONE';
  useOnFinal(b?.status, onFinished);
  const curves = useAsync((signal) => backtestsApi.equity(id, { signal }), [id, done], { enabled: done });
  const [tab, setTab] = useState<'trades' | 'orders'>('trades');
  const trades = useAsync((signal) => backtestsApi.trades(id, 1000, { signal }), [id, done], { enabled: done });
  const orders = useAsync((signal) => backtestsApi.orders(id, 1000, { signal }), [id, done, tab], { enabled: done && tab === 'orders' });
  const cancel = useAction(async () => {
    await backtestsApi.cancel(id);
    reload();
  });

  if (!b) return error ? <ErrorBanner error={error} action="load the backtest" onRetry={reload} /> : <Spinner />;
  const r = b.request;
  const rows = metricRows(b.metrics);
  const tradeCount = (b.metrics?.trades as number | undefined) ?? null;
  return (
    <div class="backtest-result" data-testid="backtest-result" data-status={b.status}>
      <div class="row">
        <Badge value={b.status} />
        <strong>{b.strategy}</strong>
        <span>
          {r.instruments.join(', ')} · {r.timeframe}
        </span>
        <span class="muted small">{Object.entries(r.parameters).map(([k, v]) => `${k} ${v}`).join(' · ')}</span>
        <Button class="btn-small toolbar-end" onClick={() => onUse(b)}>
          Use these settings
        </Button>
      </div>
      <p class="small muted">
        {formatIstDateTime(r.from)} to {formatIstDateTime(r.to)} · capital {formatInr(r.initialCapital ?? 1_000_000)}
        {r.brokerSettings.slippageBps ? ` · slippage ${r.brokerSettings.slippageBps} bps` : ''}
        {r.benchmark ? ` · benchmark ${r.benchmark}` : ''} · id {b.id}
      </p>
      {!isFinal(b.status) && <RunProgress status={b.status} progress={b.progress} done={b.done} total={b.total} unit="bars" onCancel={() => void cancel.run()} cancelling={cancel.busy} />}
      <ErrorBanner error={cancel.error} action="cancel the backtest" />
      {b.status === 'FAILED' && (
        <p class="banner banner-error" role="alert">
          <span>The backtest failed: {b.error ?? 'no reason given'}.</span>
        </p>
      )}
      {b.status === 'CANCELLED' && <Notice>This backtest was cancelled.</Notice>}
      {done && (
        <>
          {rows.length ? (
            <div class="stats" data-testid="backtest-metrics" aria-label="Metrics" role="group">
              {rows.map((m) => (
                <div class="stat" key={m.key} data-metric={m.key} title={m.hint}>
                  <div class="stat-label">{m.label}</div>
                  <div class={`stat-value num ${m.tone ?? ''}`}>{m.value}</div>
                  {m.hint && <div class="stat-hint small muted">{m.hint}</div>}
                </div>
              ))}
            </div>
          ) : (
            <Spinner label="Loading the metrics" />
          )}
          <h3>Equity</h3>
          {curves.error ? (
            <ErrorBanner error={curves.error} action="load the equity curve" onRetry={curves.reload} />
          ) : !curves.data ? (
            <Spinner />
          ) : !curves.data.equity.length ? (
            <Empty>No equity points.</Empty>
          ) : (
            <>
              <SeriesChart label="Equity curve" area series={[{ name: 'Equity', points: curves.data.equity, color: '#58a6ff' }]} format={(v) => `₹${v.toLocaleString('en-IN', { maximumFractionDigits: 0 })}`} />
              <h3>Drawdown</h3>
              <SeriesChart label="Drawdown curve" height={150} area series={[{ name: 'Drawdown %', points: curves.data.drawdown, color: '#ef5350' }]} format={(v) => `${v.toLocaleString('en-IN', { maximumFractionDigits: 2 })} %`} />
            </>
          )}
          <div class="tabs-row">
            <Tabs<'trades' | 'orders'>
              label="Trades or orders"
              value={tab}
              onChange={setTab}
              tabs={[
                ['trades', `Trades${tradeCount !== null ? ` (${formatQty(tradeCount)})` : ''}`],
                ['orders', `Orders${b.metrics?.orders != null ? ` (${formatQty(b.metrics.orders as number)})` : ''}`],
              ]}
            />
          </div>
          <div class="tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'trades' ? (
              trades.error ? <ErrorBanner error={trades.error} action="load the trades" onRetry={trades.reload} /> : trades.data ? <RoundTrips list={trades.data} total={tradeCount} /> : <Spinner />
            ) : orders.error ? (
              <ErrorBanner error={orders.error} action="load the orders" onRetry={orders.reload} />
            ) : orders.data ? (
              <BacktestOrders list={orders.data} />
            ) : (
              <Spinner />
            )}
          </div>
        </>
      )}
    </div>
  );
}

function RoundTrips({ list, total }: { list: RoundTrip[]; total: number | null }) {
  if (!list.length) return <Empty>No closed trades. A position still open at the end is marked, not counted as a trade.</Empty>;
  return (
    <div class="table-wrap">
      <table class="table compact" aria-label="Closed trades" id="backtest-trades">
        <thead>
          <tr>
            <th scope="col">Instrument</th>
            <th scope="col">Side</th>
            <th scope="col" class="num">Qty</th>
            <th scope="col">Entry (IST)</th>
            <th scope="col" class="num">Entry price</th>
            <th scope="col">Exit (IST)</th>
            <th scope="col" class="num">Exit price</th>
            <th scope="col" class="num">P&amp;L</th>
            <th scope="col" class="num">Charges</th>
          </tr>
        </thead>
        <tbody>
          {list.map((t, i) => (
            <tr key={i}>
              <td>{t.instrument}</td>
              <td class={t.side === 'SELL' ? 'sell-text' : 'buy-text'}>{t.side === 'SELL' ? 'Short' : 'Long'}</td>
              <td class="num">{formatQty(t.quantity)}</td>
              <td class="small" title={formatIstDateTime(t.entryTime)}>{formatIstShort(t.entryTime)}</td>
              <td class="num">{formatPrice(t.entryPrice)}</td>
              <td class="small" title={formatIstDateTime(t.exitTime)}>{formatIstShort(t.exitTime)}</td>
              <td class="num">{formatPrice(t.exitPrice)}</td>
              <td class={`num ${tone(t.pnl)}`}>{formatSignedInr(t.pnl)}</td>
              <td class="num">{formatInr(t.charges)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total !== null && total > list.length && <p class="small muted">The first {formatQty(list.length)} of {formatQty(total)} trades.</p>}
    </div>
  );
}

function BacktestOrders({ list }: { list: BacktestOrder[] }) {
  if (!list.length) return <Empty>The strategy placed no orders.</Empty>;
  return (
    <div class="table-wrap">
      <table class="table compact" aria-label="Backtest orders">
        <thead>
          <tr>
            <th scope="col">Placed (IST)</th>
            <th scope="col">Instrument</th>
            <th scope="col">Side</th>
            <th scope="col">Type</th>
            <th scope="col" class="num">Qty</th>
            <th scope="col" class="num">Filled</th>
            <th scope="col" class="num">Avg price</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">Charges</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {list.map((o) => (
            <tr key={o.orderId}>
              <td class="small" title={formatIstDateTime(o.createdAt)}>{formatIstShort(o.createdAt)}</td>
              <td>{o.instrument}</td>
              <td class={o.side === 'BUY' ? 'buy-text' : 'sell-text'}>{o.side}</td>
              <td>
                {o.type}
                {o.limitPrice !== null && <span class="muted small"> @ {formatPrice(o.limitPrice)}</span>}
              </td>
              <td class="num">{formatQty(o.quantity)}</td>
              <td class="num">{formatQty(o.filledQuantity)}</td>
              <td class="num">{formatPrice(o.averagePrice)}</td>
              <td>
                <Badge value={o.status} />
              </td>
              <td class="num">{formatInr(o.charges)}</td>
              <td class="small wrap">{o.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---- one optimisation ----

function OptimisationResult({ id, onUse, onFinished }: { id: string; onUse: (params: Record<string, string>) => void; onFinished: () => void }) {
  const { view: o, error, reload } = useLiveRun(id, (x, signal) => backtestsApi.optimisation(x, { signal }));
  const done = o?.status === 'DONE';
  useOnFinal(o?.status, onFinished);
  const results = useAsync((signal) => backtestsApi.results(id, 100, { signal }), [id, done], { enabled: done });
  const cancel = useAction(async () => {
    await backtestsApi.cancelOptimisation(id);
    reload();
  });
  if (!o) return error ? <ErrorBanner error={error} action="load the optimisation" onRetry={reload} /> : <Spinner />;
  const s = o.summary ?? {};
  const best = (s.bestParameters ?? null) as Record<string, string> | null;
  const rankBy = String(s.rankBy ?? '');
  const rankLabel = RANK_BY.find(([k]) => k === rankBy)?.[1] ?? rankBy;
  return (
    <div data-testid="optimisation-result" data-status={o.status}>
      <div class="row">
        <Badge value={o.status} />
        <strong>{o.strategy}</strong>
        <span class="muted small">
          {o.method} · {formatQty(o.runs)} backtests · id {o.id}
        </span>
      </div>
      {!isFinal(o.status) && <RunProgress status={o.status} progress={o.progress} done={o.done} total={o.total} unit="backtests" onCancel={() => void cancel.run()} cancelling={cancel.busy} />}
      <ErrorBanner error={cancel.error} action="cancel the optimisation" />
      {o.status === 'FAILED' && (
        <p class="banner banner-error" role="alert">
          <span>The optimisation failed: {o.error ?? 'no reason given'}.</span>
        </p>
      )}
      {done && (
        <>
          <div class="stats">
            <div class="stat">
              <div class="stat-label">Ranked by</div>
              <div class="stat-value">{rankLabel || '—'}</div>
            </div>
            <div class="stat">
              <div class="stat-label">Evaluated / skipped</div>
              <div class="stat-value num">
                {formatQty(s.evaluated as number)} / {formatQty(s.skipped as number)}
              </div>
            </div>
            <div class="stat">
              <div class="stat-label">Best parameters</div>
              <div class="stat-value small">{best ? Object.entries(best).map(([k, v]) => `${k} ${v}`).join(' · ') : '—'}</div>
            </div>
          </div>
          {best && (
            <div class="row-end">
              <Button class="btn-primary btn-small" onClick={() => onUse(best)}>
                Backtest the best parameters
              </Button>
            </div>
          )}
          <h3>Runs, best first</h3>
          {results.error ? <ErrorBanner error={results.error} action="load the results" onRetry={results.reload} /> : results.data ? <RunsTable list={results.data} rankLabel={rankLabel} /> : <Spinner />}
        </>
      )}
    </div>
  );
}

function RunsTable({ list, rankLabel }: { list: OptimisationRun[]; rankLabel: string }) {
  if (!list.length) return <Empty>No runs.</Empty>;
  const pick = (m: Record<string, unknown> | null, key: string) => (m ? metricRows({ [key]: m[key] })[0]?.value ?? '—' : '—');
  return (
    <div class="table-wrap">
      <table class="table compact" aria-label="Optimisation runs">
        <thead>
          <tr>
            <th scope="col" class="num">Rank</th>
            <th scope="col">Parameters</th>
            <th scope="col" class="num">Score ({rankLabel})</th>
            <th scope="col" class="num">Return</th>
            <th scope="col" class="num">Sharpe</th>
            <th scope="col" class="num">Max DD</th>
            <th scope="col" class="num">Trades</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r, i) => (
            <tr key={i}>
              <td class="num">{r.rank}</td>
              <td class="small">{Object.entries(r.parameters).map(([k, v]) => `${k} ${v}`).join(' · ')}</td>
              <td class="num">{r.score === null ? '—' : r.score.toLocaleString('en-IN', { maximumFractionDigits: 4 })}</td>
              <td class="num">{pick(r.metrics, 'totalReturn')}</td>
              <td class="num">{pick(r.metrics, 'sharpeRatio')}</td>
              <td class="num">{pick(r.metrics, 'maxDrawdown')}</td>
              <td class="num">{pick(r.metrics, 'trades')}</td>
              <td class="small wrap">{r.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

