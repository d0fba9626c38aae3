import { useEffect, useMemo, useState } from 'preact/hooks';
import { route, setQuery } from '../app/router';
import { me } from '../app/session';
import { DrlEditor } from '../components/DrlEditor';
import { useAction, useAsync } from '../components/hooks';
import { Badge, Button, Empty, ErrorBanner, Notice, Panel, Spinner, Tabs, toast, Unavailable } from '../components/ui';
import { formatIstDateTime } from '../lib/format';
import { lineDiff, parseUnifiedDiff, type DiffLine } from '../lib/lineDiff';
import { friendlyMessage } from '../lib/problem';
import type { ValidationMessage } from '../lib/drl';
import { RULE_KINDS, rules, type RuleKind, type RuleVersion } from './rulesApi';

type Obj = Record<string, unknown>;

function DiffView({ lines }: { lines: DiffLine[] }) {
  const changed = lines.filter((l) => l.kind !== 'same').length;
  if (!changed) return <Empty>The two versions are identical.</Empty>;
  return (
    <pre class="diff" aria-label="Differences" data-testid="rule-diff">
      {lines.map((l, i) => (
        <div key={i} class={`diff-${l.kind}`}>
          <span class="diff-no">{l.oldNo ?? ''}</span>
          <span class="diff-no">{l.newNo ?? ''}</span>
          <span class="diff-sign">{l.kind === 'add' ? '+' : l.kind === 'del' ? '−' : ' '}</span>
          {l.text}
        </div>
      ))}
    </pre>
  );
}

function Diff({ kind, versions, current }: { kind: string; versions: RuleVersion[]; current: RuleVersion | null }) {
  const active = versions.find((v) => v.status === 'ACTIVE');
  const [from, setFrom] = useState<number>(active?.version ?? versions[1]?.version ?? 0);
  const to = current?.version ?? versions[0]?.version ?? 0;
  const d = useAsync(
    async (signal) => {
      try {
        const raw = await rules.diff(kind, from, to, { signal });
        if (typeof raw === 'string') return parseUnifiedDiff(raw);
        const o = raw as Obj;
        if (typeof o.unified === 'string') return parseUnifiedDiff(o.unified);
        if (typeof o.diff === 'string') return parseUnifiedDiff(o.diff);
        if (typeof o.from === 'object' && typeof o.to === 'object') return lineDiff(String((o.from as Obj).drl ?? ''), String((o.to as Obj).drl ?? ''));
        throw new Error('unknown diff format');
      } catch {
        // compute it here from the two texts
        const [a, b] = await Promise.all([rules.version(kind, from, { signal }), rules.version(kind, to, { signal })]);
        return lineDiff(a.drl ?? '', b.drl ?? '');
      }
    },
    [kind, from, to],
    { enabled: from > 0 && to > 0 && from !== to },
  );
  return (
    <div>
      <div class="row">
        <label>
          Compare version{' '}
          <select value={from} onChange={(e) => setFrom(Number(e.currentTarget.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version} {v.status === 'ACTIVE' ? '(active)' : ''}
              </option>
            ))}
          </select>
        </label>
        <span>with v{to}</span>
      </div>
      {from === to ? <Empty>Pick a different version to compare.</Empty> : d.loading && !d.data ? <Spinner /> : d.error ? <ErrorBanner error={d.error} action="compare versions" /> : d.data ? <DiffView lines={d.data} /> : null}
    </div>
  );
}

function Scenarios({ kind, current }: { kind: string; current: RuleVersion | null }) {
  const s = useAsync((signal) => rules.scenarios(kind, { signal }), [kind]);
  const [name, setName] = useState('');
  const [given, setGiven] = useState(
    JSON.stringify({ order: { accountId: 'acc-1', instrument: 'NSE:INFY', side: 'BUY', quantity: 10, priceType: 'LIMIT', limitPrice: 1500, triggerPrice: 0, product: 'CNC', strategyId: '', referencePrice: 1500 } }, null, 2),
  );
  const [expect, setExpect] = useState(JSON.stringify({ outcome: 'APPROVE' }, null, 2));
  const add = useAction(async () => {
    let g: unknown;
    let x: unknown;
    try {
      g = JSON.parse(given);
      x = JSON.parse(expect);
    } catch {
      throw new Error('Given facts and the expected decision must be valid JSON.');
    }
    await rules.saveScenario(kind, { name: name.trim(), description: '', given: g, expect: x });
    toast(`Scenario "${name}" saved; it runs against every new version`, 'ok');
    setName('');
    s.reload();
  });
  return (
    <div>
      {current && current.scenarioResults.length > 0 && (
        <>
          <h3>Results for v{current.version}</h3>
          <table class="table compact" aria-label="Scenario results" data-testid="scenario-results">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Result</th>
                <th scope="col">What the rules decided</th>
              </tr>
            </thead>
            <tbody>
              {current.scenarioResults.map((r) => (
                <tr key={r.name}>
                  <td>{r.name}</td>
                  <td>
                    <Badge value={r.passed ? 'PASSED' : 'FAILED'} tone={r.passed ? 'good' : 'bad'} />
                  </td>
                  <td class="small wrap">
                    {r.actual}
                    {r.message ? <div class="error-text">{r.message}</div> : null}
                    {r.firedRules?.length ? <div class="muted">fired: {r.firedRules.join(', ')}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>Scenarios of the {kind} rule set</h3>
      {s.unavailable ? (
        <Unavailable feature="Scenarios" />
      ) : s.error ? (
        <ErrorBanner error={s.error} action="load scenarios" />
      ) : !s.data ? (
        <Spinner />
      ) : !s.data.length ? (
        <Empty>No scenarios yet.</Empty>
      ) : (
        <ul class="plain scenario-list">
          {s.data.map((x) => (
            <li key={String(x.name)}>
              <strong>{String(x.name)}</strong> <span class="muted small">{String(x.description ?? '')}</span>
              <details>
                <summary>Given / expect</summary>
                <pre class="code small">{typeof x.given === 'string' ? x.given : JSON.stringify(x.given, null, 2)}</pre>
                <pre class="code small">{typeof x.expect === 'string' ? x.expect : JSON.stringify(x.expect, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      <form
        class="scenario-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add.run();
        }}
      >
        <h3>Add a scenario</h3>
        <div class="field">
          <label for="sc-name">Name</label>
          <input id="sc-name" value={name} required onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div class="grid-2">
          <div class="field">
            <label for="sc-given">Given facts (JSON)</label>
            <textarea id="sc-given" rows={6} class="code" value={given} onInput={(e) => setGiven(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="sc-expect">Expected decision (JSON)</label>
            <textarea id="sc-expect" rows={6} class="code" value={expect} onInput={(e) => setExpect(e.currentTarget.value)} />
          </div>
        </div>
        <ErrorBanner error={add.error} action="save the scenario" />
        <Button type="submit" busy={add.busy} disabled={!name.trim()}>
          Save scenario
        </Button>
      </form>
    </div>
  );
}

function Shadow({ kind, current }: { kind: string; current: RuleVersion | null }) {
  const v = current?.version ?? 0;
  const runs = useAsync((signal) => rules.shadowRuns(kind, { signal }), [kind], { pollMs: 10_000 });
  const mine = (runs.data ?? []).filter((r) => r.candidateVersion === v);
  const [runId, setRunId] = useState<number | null>(null);
  const shown = runId ?? mine[0]?.runId ?? null;
  const report = useAsync((signal) => rules.shadowReport(kind, shown!, { signal }), [kind, shown], { enabled: shown !== null, pollMs: 10_000 });
  const live = (runs.data ?? []).find((r) => r.mode === 'LIVE' && !r.stoppedAt);
  const act = useAction(async (what: 'replay' | 'start' | 'stop') => {
    const r = what === 'replay' ? await rules.replay(kind, v) : what === 'start' ? await rules.startShadow(kind, v) : await rules.stopShadow(kind);
    setRunId(r.runId);
    runs.reload();
  });
  if (!current) return <Empty>Pick a version.</Empty>;
  if (runs.unavailable) return <Unavailable feature="Shadow mode" />;
  const r = report.data;
  return (
    <div>
      <p class="muted small">
        Shadow mode judges v{v} beside the active version, on live order intents or replayed over the stored decisions, and lists every decision that would differ. Check it before approving.
      </p>
      <div class="row">
        <Button busy={act.busy} onClick={() => void act.run('replay')}>
          Replay stored decisions
        </Button>
        {live && live.candidateVersion === v ? (
          <Button busy={act.busy} onClick={() => void act.run('stop')}>
            Stop live shadow
          </Button>
        ) : (
          <Button busy={act.busy} disabled={!!live} title={live ? `v${live.candidateVersion} is in live shadow now` : undefined} onClick={() => void act.run('start')}>
            Run beside live orders
          </Button>
        )}
      </div>
      <ErrorBanner error={act.error} action="run the shadow" />
      <ErrorBanner error={runs.error} action="list shadow runs" />
      {mine.length > 1 && (
        <label class="small">
          Run{' '}
          <select value={shown ?? ''} onChange={(e) => setRunId(Number(e.currentTarget.value))}>
            {mine.map((x) => (
              <option key={x.runId} value={x.runId}>
                #{x.runId} {x.mode.toLowerCase()} {formatIstDateTime(x.startedAt)}
              </option>
            ))}
          </select>
        </label>
      )}
      {shown === null ? (
        <Empty>No shadow run of v{v} yet.</Empty>
      ) : report.error && !r ? (
        <ErrorBanner error={report.error} action="load the shadow report" onRetry={report.reload} />
      ) : !r ? (
        <Spinner />
      ) : (
        <div data-testid="shadow-report">
          <p>
            Run #{r.runId} ({r.mode.toLowerCase()}{r.stoppedAt ? '' : ', running'}): <strong>{r.evaluated}</strong> decisions compared, <strong class={r.differing ? 'warn-text' : 'ok-text'}>{r.differing}</strong> would differ.
          </p>
          {r.differences.length > 0 && (
            <table class="table compact" aria-label="Decisions that would differ">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Active decides</th>
                  <th scope="col">v{r.candidateVersion} would decide</th>
                </tr>
              </thead>
              <tbody>
                {r.differences.map((d, i) => (
                  <tr key={d.decisionId ?? i}>
                    <td class="small">{formatIstDateTime(d.observedAt)}</td>
                    <td class="small">{d.subject}</td>
                    <td class="small wrap">
                      <Badge value={d.activeOutcome} /> {d.activeRule ? <strong>{d.activeRule}</strong> : null} {d.activeReason}
                    </td>
                    <td class="small wrap">
                      <Badge value={d.candidateOutcome} /> {d.candidateRule ? <strong>{d.candidateRule}</strong> : null} {d.candidateReason}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

function TryIt({ kind, current }: { kind: string; current: RuleVersion | null }) {
  const [given, setGiven] = useState(
    JSON.stringify(
      kind === 'signal'
        ? { signal: { strategyId: 'sma-1', accountId: 'acc-1', instrument: 'NSE:INFY', timeframe: '5m', action: 'ENTER_LONG', price: 1500, reason: 'fast SMA crossed above slow' } }
        : { order: { accountId: 'acc-1', instrument: 'NSE:INFY', side: 'BUY', quantity: 10, priceType: 'LIMIT', limitPrice: 1500, triggerPrice: 0, product: 'CNC', strategyId: '', referencePrice: 1500 } },
      null,
      2,
    ),
  );
  const [useActive, setUseActive] = useState(false);
  const run = useAction(async () => {
    let g: unknown;
    try {
      g = JSON.parse(given);
    } catch {
      throw new Error('The facts must be valid JSON.');
    }
    return rules.evaluate(kind, useActive || !current ? null : current.version, g);
  });
  const [result, setResult] = useState<Record<string, unknown> | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void run.run().then((r) => r && setResult(r));
      }}
    >
      <p class="muted small">What would the rules decide about these facts? Nothing is recorded.</p>
      <div class="field">
        <label for="try-given">Facts (JSON)</label>
        <textarea id="try-given" rows={9} class="code" value={given} onInput={(e) => setGiven(e.currentTarget.value)} />
      </div>
      <label class="inline-field small">
        <input type="checkbox" checked={useActive} onChange={(e) => setUseActive(e.currentTarget.checked)} /> use the active version
        {current && !useActive ? ` (else v${current.version})` : ''}
      </label>
      <div class="row">
        <Button type="submit" class="btn-primary" busy={run.busy}>
          Evaluate
        </Button>
      </div>
      <ErrorBanner error={run.error} action="evaluate" />
      {result && (
        <div class="decision-card" data-testid="dry-run" role="status">
          <div>
            <strong>v{String(result.version)}</strong>: {String(result.summary ?? '')}
          </div>
          <div class="small">Rules fired: {Array.isArray(result.firedRules) && result.firedRules.length ? (result.firedRules as string[]).join(', ') : 'none'}</div>
        </div>
      )}
    </form>
  );
}

export function RulesPage() {
  const q = route.value.query;
  const kind = (RULE_KINDS.includes(q.get('kind') as RuleKind) ? q.get('kind') : 'risk') as RuleKind;
  const versions = useAsync((signal) => rules.versions(kind, { signal }), [kind], { pollMs: 15_000 });
  const selectedNo = Number(q.get('v') ?? 0) || versions.data?.find((v) => v.status === 'ACTIVE')?.version || versions.data?.[0]?.version || 0;
  const detail = useAsync((signal) => rules.version(kind, selectedNo, { signal }), [kind, selectedNo], { enabled: selectedNo > 0 });
  const current = detail.data && detail.data.version === selectedNo ? detail.data : null;
  const [text, setText] = useState('');
  const [dirty, setDirty] = useState(false);
  const [comment, setComment] = useState('');
  const [messages, setMessages] = useState<ValidationMessage[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [tab, setTab] = useState<'review' | 'scenarios' | 'try' | 'diff' | 'shadow'>('review');

  useEffect(() => {
    if (current && !dirty) {
      setText(current.drl ?? '');
      setMessages(current.validation);
    }
  }, [current?.version, current?.drl]);
  useEffect(() => {
    setDirty(false);
    setSaveError(null);
  }, [kind]);

  const errorsCount = messages.filter((m) => (m.severity ?? 'error').toLowerCase().startsWith('err')).length;
  const user = me.value?.username;

  async function save() {
    setSaving(true);
    setSaveError(null);
    try {
      // text pasted from web pages or chat tools carries no-break spaces, which DRL does not accept
      const r = await rules.create(kind, text.replace(/\u00a0/g, ' '), comment.trim());
      setMessages(r.messages);
      if (r.version) {
        setDirty(false);
        setComment('');
        const failing = r.version.scenarioResults.filter((x) => !x.passed).length;
        toast(
          r.messages.length
            ? `Saved v${r.version.version} as a draft with ${r.messages.length} problem(s)`
            : failing
              ? `Saved v${r.version.version}; ${failing} scenario(s) fail, so it stays a draft`
              : `Saved v${r.version.version} as a draft; it compiles and its scenarios pass`,
          r.messages.length || failing ? 'info' : 'ok',
        );
        versions.reload();
        setQuery({ v: String(r.version.version) });
      } else {
        setSaveError(r.error);
      }
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  }

  async function step(name: string, fn: () => Promise<unknown>, done: string) {
    setBusy(name);
    try {
      await fn();
      toast(done, 'ok');
      versions.reload();
      detail.reload();
    } catch (e) {
      toast(friendlyMessage(e, name), 'error');
    } finally {
      setBusy(null);
    }
  }

  const status = current?.status ?? '';
  const ownWork = !!user && (current?.author === user || current?.submittedBy === user);
  const failingScenarios = current?.scenarioResults.filter((r) => !r.passed).length ?? 0;
  const activeVersion = versions.data?.find((v) => v.status === 'ACTIVE');

  const validationList = useMemo(
    () =>
      messages.map((m, i) => (
        <li key={i} class={(m.severity ?? 'error').toLowerCase().startsWith('warn') ? 'warn-text' : 'error-text'}>
          {m.line ? `Line ${m.line}${m.column ? `, column ${m.column}` : ''}: ` : ''}
          {m.message}
        </li>
      )),
    [messages],
  );

  if (versions.unavailable) {
    return (
      <main id="main" class="page">
        <h1>Rule sets</h1>
        <Unavailable feature="Rule sets" />
      </main>
    );
  }

  return (
    <main id="main" class="page rules-page">
      <div class="page-head">
        <h1>Rule sets</h1>
        <Tabs
          label="Rule set kind"
          value={kind}
          onChange={(k) => setQuery({ kind: k, v: null })}
          tabs={[
            ['risk', 'Pre-trade risk'],
            ['signal', 'Signal'],
            ['workflow', 'Order workflow'],
          ]}
        />
        {activeVersion && (
          <span class="muted">
            Active: <strong>v{activeVersion.version}</strong>
          </span>
        )}
      </div>
      <ErrorBanner error={versions.error} action="list versions" onRetry={versions.reload} />
      <div class="rules-layout">
        <Panel title="Versions" class="rules-versions">
          {!versions.data ? (
            <Spinner />
          ) : !versions.data.length ? (
            <Empty>No versions yet. Write the first one in the editor.</Empty>
          ) : (
            <ul class="version-list" aria-label="Versions">
              {versions.data.map((v) => (
                <li key={v.version}>
                  <button
                    type="button"
                    class={`version-item ${v.version === selectedNo ? 'selected' : ''}`}
                    aria-current={v.version === selectedNo ? 'true' : undefined}
                    onClick={() => {
                      if (dirty && !confirm('Discard your unsaved changes?')) return;
                      setDirty(false);
                      setQuery({ v: String(v.version) });
                    }}
                  >
                    <span class="version-no">v{v.version}</span> <Badge value={v.status} />
                    <span class="small muted block">
                      {v.author} · {formatIstDateTime(v.createdAt)}
                    </span>
                    {v.comment && <span class="small block">{v.comment}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel
          title={dirty ? `Editing (based on v${selectedNo || '—'})` : current ? `v${current.version}` : 'Editor'}
          class="rules-editor"
          actions={
            <>
              {dirty && (
                <Button
                  class="btn-small"
                  onClick={() => {
                    setDirty(false);
                    setText(current?.drl ?? '');
                    setMessages(current?.validation ?? []);
                  }}
                >
                  Discard changes
                </Button>
              )}
            </>
          }
        >
          <DrlEditor
            label={`DRL of the ${kind} rule set`}
            value={text}
            messages={messages}
            onChange={(v) => {
              setText(v);
              if (!dirty) setDirty(true);
            }}
          />
          <div class={`validation ${messages.length ? 'has-problems' : ''}`} aria-live="polite" data-testid="validation">
            {messages.length ? (
              <>
                <strong>{errorsCount ? `${errorsCount} error(s)` : `${messages.length} warning(s)`}</strong>
                <ul>{validationList}</ul>
              </>
            ) : current && !dirty ? (
              <span class="ok-text">Compiles without problems.</span>
            ) : (
              <span class="muted">Save to validate: the node compiles the DRL and runs the scenarios.</span>
            )}
          </div>
          <form
            class="save-row"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label for="rule-comment" class="sr-only">
              Comment for this version
            </label>
            <input id="rule-comment" placeholder="What changed and why" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
            <Button type="submit" class="btn-primary" busy={saving} disabled={!text.trim() || (!dirty && !!current)}>
              Save as draft
            </Button>
          </form>
          {saveError ? <ErrorBanner error={saveError} action="save the draft" /> : null}
        </Panel>
        <Panel title="Review and release" class="rules-side">
          <Tabs
            label="Version details"
            value={tab}
            onChange={setTab}
            tabs={[
              ['review', 'Approval'],
              ['scenarios', 'Scenarios'],
              ['try', 'Try it'],
              ['diff', 'Diff'],
              ['shadow', 'Shadow report'],
            ]}
          />
          <div role="tabpanel" aria-labelledby={`tab-${tab}`} class="tabpanel">
            {tab === 'review' &&
              (!current ? (
                <Empty>Pick a version.</Empty>
              ) : (
                <div class="review">
                  <dl class="kv small">
                    <dt>Status</dt>
                    <dd>
                      <Badge value={status} />
                    </dd>
                    <dt>Author</dt>
                    <dd>{current.author ?? '—'}</dd>
                    {current.submittedBy && (
                      <>
                        <dt>Submitted by</dt>
                        <dd>{current.submittedBy}</dd>
                      </>
                    )}
                    {current.reviewedBy && (
                      <>
                        <dt>Reviewed by</dt>
                        <dd>
                          {current.reviewedBy} {current.reviewComment ? `— ${current.reviewComment}` : ''}
                        </dd>
                      </>
                    )}
                    {current.activatedAt && (
                      <>
                        <dt>Activated</dt>
                        <dd>
                          {formatIstDateTime(current.activatedAt)} by {current.activatedBy}
                        </dd>
                      </>
                    )}
                    <dt>Scenarios</dt>
                    <dd>{current.scenarioResults.length ? (failingScenarios ? <span class="error-text">{failingScenarios} failing</span> : <span class="ok-text">all {current.scenarioResults.length} pass</span>) : 'none run'}</dd>
                    {current.contentHash && (
                      <>
                        <dt>Hash</dt>
                        <dd class="mono">{current.contentHash.slice(0, 16)}…</dd>
                      </>
                    )}
                  </dl>
                  {failingScenarios > 0 && (
                    <div class="banner banner-error" role="alert">
                      <div>
                        <strong>Failing scenarios keep this version a draft:</strong>
                        <ul class="plain small">
                          {current.scenarioResults
                            .filter((r) => !r.passed)
                            .map((r) => (
                              <li key={r.name}>
                                {r.name}: {r.message ?? r.actual}
                              </li>
                            ))}
                        </ul>
                      </div>
                    </div>
                  )}
                  {status === 'DRAFT' && (
                    <Button class="btn-primary" busy={busy === 'submit'} disabled={current.validation.length > 0 || failingScenarios > 0} onClick={() => void step('submit', () => rules.submit(kind, current.version), `v${current.version} submitted for approval`)}>
                      Submit for approval
                    </Button>
                  )}
                  {status === 'SUBMITTED' && (
                    <>
                      {ownWork && <Notice kind="info">Another risk officer must approve your own change (four eyes).</Notice>}
                      <div class="row">
                        <Button class="btn-primary" busy={busy === 'approve'} disabled={ownWork} onClick={() => void step('approve', () => rules.approve(kind, current.version), `v${current.version} approved`)}>
                          Approve
                        </Button>
                        <Button class="btn-danger" busy={busy === 'reject'} disabled={ownWork} onClick={() => void step('reject', () => rules.reject(kind, current.version), `v${current.version} sent back`)}>
                          Reject
                        </Button>
                      </div>
                    </>
                  )}
                  {status === 'APPROVED' && (
                    <Button class="btn-primary" busy={busy === 'activate'} onClick={() => void step('activate', () => rules.activate(kind, current.version), `v${current.version} is now active`)}>
                      Activate v{current.version}
                    </Button>
                  )}
                  {(status === 'RETIRED' || (status === 'APPROVED' && activeVersion && activeVersion.version > current.version)) && (
                    <Button busy={busy === 'roll back'} onClick={() => void step('roll back', () => rules.rollback(kind, current.version), `Rolled back to v${current.version}`)}>
                      Roll back to v{current.version}
                    </Button>
                  )}
                  {status === 'ACTIVE' && <p class="ok-text">This version decides now.</p>}
                </div>
              ))}
            {tab === 'scenarios' && <Scenarios kind={kind} current={current} />}
            {tab === 'diff' && versions.data && versions.data.length > 1 && <Diff kind={kind} versions={versions.data} current={current} />}
            {tab === 'diff' && (!versions.data || versions.data.length < 2) && <Empty>Only one version so far.</Empty>}
            {tab === 'shadow' && <Shadow kind={kind} current={current} />}
            {tab === 'try' && <TryIt key={kind} kind={kind} current={current} />}
          </div>
        </Panel>
      </div>
    </main>
  );
}
