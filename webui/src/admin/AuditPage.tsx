import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { num, readList } from '../api/read';
import { useAsync } from '../components/hooks';
import { Button, Empty, ErrorBanner, Panel, Spinner, Unavailable } from '../components/ui';
import { formatIstDateTime, istLocalToIso } from '../lib/format';

type Obj = Record<string, unknown>;

export interface AuditRow {
  seq: number;
  occurredAt: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  detail: Record<string, unknown>;
  hash?: string;
}

/** Reads {seq, occurredAt, record:{actor,…}, hash} or a flat entry. */
export function readAudit(raw: unknown): AuditRow {
  const o = (raw ?? {}) as Obj;
  const r = (o.record ?? o) as Obj;
  return {
    seq: num(o.seq ?? o.id) ?? 0,
    occurredAt: String(o.occurredAt ?? o.at ?? o.time ?? ''),
    actor: String(r.actor ?? ''),
    action: String(r.action ?? ''),
    targetType: String(r.targetType ?? ''),
    targetId: String(r.targetId ?? ''),
    detail: (r.detail ?? {}) as Record<string, unknown>,
    hash: o.hash as string | undefined,
  };
}

const PAGE = 100;

/** A datetime-local value read as IST → a UTC instant ("…Z"), as the API parses it. */
function utc(local: string): string | undefined {
  const iso = istLocalToIso(local);
  return iso ? new Date(iso).toISOString() : undefined;
}

export function AuditPage() {
  const [filters, setFilters] = useState({ actor: '', action: '', targetType: '', targetId: '', from: '', to: '' });
  const [applied, setApplied] = useState(filters);
  const [before, setBefore] = useState<number | null>(null);
  const list = useAsync(
    async (signal) =>
      readList(
        await api.get<unknown>('/audit', {
          signal,
          query: {
            actor: applied.actor,
            action: applied.action,
            targetType: applied.targetType,
            targetId: applied.targetId,
            from: applied.from ? utc(applied.from) : undefined,
            to: applied.to ? utc(applied.to) : undefined,
            before: before ?? undefined,
            limit: PAGE,
          },
        }),
        'entries',
      ).map(readAudit),
    [applied, before],
  );
  const [verifyOn, setVerifyOn] = useState(0);
  const verify = useAsync(async (signal) => api.get<Obj>('/audit/verify', { signal, timeoutMs: 60_000 }), [verifyOn], { enabled: verifyOn > 0 });
  const set = (k: keyof typeof filters) => (e: Event) => setFilters({ ...filters, [k]: (e.currentTarget as HTMLInputElement).value });
  if (list.unavailable) {
    return (
      <main id="main" class="page">
        <h1>Audit log</h1>
        <Unavailable feature="The audit log" />
      </main>
    );
  }
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Audit log</h1>
        {list.loading && <Spinner />}
      </div>
      <Panel title="Filters">
        <form
          class="filters wrap-row"
          onSubmit={(e) => {
            e.preventDefault();
            setBefore(null);
            setApplied(filters);
          }}
        >
          <label>
            Actor <input value={filters.actor} onInput={set('actor')} size={12} />
          </label>
          <label>
            Action <input value={filters.action} onInput={set('action')} size={16} placeholder="e.g. RULESET_APPROVED" />
          </label>
          <label>
            Target type <input value={filters.targetType} onInput={set('targetType')} size={10} />
          </label>
          <label>
            Target id <input value={filters.targetId} onInput={set('targetId')} size={12} />
          </label>
          <label>
            From (IST) <input type="datetime-local" value={filters.from} onInput={set('from')} />
          </label>
          <label>
            To (IST) <input type="datetime-local" value={filters.to} onInput={set('to')} />
          </label>
          <Button type="submit" class="btn-primary">
            Apply
          </Button>
          <Button
            onClick={() => {
              const empty = { actor: '', action: '', targetType: '', targetId: '', from: '', to: '' };
              setFilters(empty);
              setApplied(empty);
              setBefore(null);
            }}
          >
            Clear
          </Button>
        </form>
      </Panel>
      <ErrorBanner error={list.error} action="read the audit log" onRetry={list.reload} />
      <Panel title="Entries (newest first)">
        {!list.data ? (
          <Spinner />
        ) : !list.data.length ? (
          <Empty>No entries match.</Empty>
        ) : (
          <div class="table-wrap">
            <table class="table compact" aria-label="Audit entries" id="audit-table">
              <thead>
                <tr>
                  <th scope="col" class="num">#</th>
                  <th scope="col">When (IST)</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((r) => (
                  <tr key={r.seq}>
                    <td class="num">{r.seq}</td>
                    <td class="small">{formatIstDateTime(r.occurredAt)}</td>
                    <td>{r.actor}</td>
                    <td>
                      <code>{r.action}</code>
                    </td>
                    <td class="small">
                      {r.targetType} {r.targetId}
                    </td>
                    <td class="small wrap">
                      {Object.entries(r.detail)
                        .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                        .join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div class="row">
          {before !== null && <Button onClick={() => setBefore(null)}>Newest</Button>}
          {list.data && list.data.length === PAGE && <Button onClick={() => setBefore(list.data![list.data!.length - 1].seq)}>Older →</Button>}
          <Button onClick={() => setVerifyOn((n) => n + 1)} busy={verify.loading && verifyOn > 0}>
            Verify the chain
          </Button>
          {verify.data && (
            <span class={verify.data.intact ? 'ok-text' : 'error-text'} role="status">
              {verify.data.intact ? `Intact: ${String(verify.data.entries ?? '')} entries check out.` : `Tampering detected at #${String(verify.data.firstBrokenSeq)}: ${String(verify.data.detail ?? '')}`}
            </span>
          )}
          {verify.error ? <ErrorBanner error={verify.error} action="verify the audit chain" /> : null}
        </div>
      </Panel>
    </main>
  );
}
