import { useEffect, useRef, useState } from 'preact/hooks';
import { market } from '../api/endpoints';
import type { InstrumentDto } from '../api/types';
import { addToWatchlist, instruments, lastDirection, moveInWatchlist, putQuote, quoteOf, removeFromWatchlist, selected, streamQuote, watchlist } from './marketStore';
import { formatPct, formatPrice, formatQty } from '../lib/format';
import { setQuery } from '../app/router';
import { ApiError, friendlyMessage } from '../lib/problem';

function Row({ id, index }: { id: string; index: number }) {
  const q = quoteOf(id).value;
  const inst = instruments.get(id);
  const dir = lastDirection.get(id) ?? 0;
  const isSel = selected.value === id;
  useEffect(() => streamQuote(id), [id]);
  const change = q?.changePct ?? null;
  return (
    <tr
      class={`wl-row${isSel ? ' selected' : ''}`}
      aria-selected={isSel}
      data-instrument={id}
      tabIndex={isSel ? 0 : -1}
      onClick={() => select(id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(id);
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          if (e.altKey) moveInWatchlist(id, e.key === 'ArrowDown' ? 1 : -1);
          const list = watchlist.value;
          const next = list[Math.min(list.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)))];
          select(next);
          setTimeout(() => (document.querySelector(`tr[data-instrument="${CSS.escape(next)}"]`) as HTMLElement | null)?.focus(), 0);
        } else if (e.key === 'Delete') {
          removeFromWatchlist(id);
        }
      }}
    >
      <th scope="row" class="wl-sym">
        {id.split(':')[1] ?? id}
        <span class="muted small"> {id.split(':')[0]}</span>
      </th>
      <td class={`num wl-last tick-${dir > 0 ? 'up' : dir < 0 ? 'down' : 'flat'}`} key={`${q?.time}`}>
        {formatPrice(q?.last, inst?.tickSize)}
      </td>
      <td class={`num ${change === null ? '' : change > 0 ? 'up' : change < 0 ? 'down' : ''}`}>{formatPct(change, true)}</td>
      <td class="num muted small hide-narrow">{formatPrice(q?.bid, inst?.tickSize)}</td>
      <td class="num muted small hide-narrow">{formatPrice(q?.ask, inst?.tickSize)}</td>
      <td class="num muted small hide-narrow">{formatQty(q?.volume)}</td>
      <td class="wl-x">
        <button
          type="button"
          class="btn btn-ghost btn-icon"
          aria-label={`Remove ${id} from the watchlist`}
          onClick={(e) => {
            e.stopPropagation();
            removeFromWatchlist(id);
          }}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}

function select(id: string): void {
  selected.value = id;
  setQuery({ i: id });
}

export function Watchlist() {
  const [query, setQueryText] = useState('');
  const [results, setResults] = useState<InstrumentDto[]>([]);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [snapshotError, setSnapshotError] = useState<unknown>(null);
  const list = watchlist.value;
  const abortRef = useRef<AbortController | null>(null);

  // one REST snapshot for prices and instrument details, then the stream keeps them current
  useEffect(() => {
    const controller = new AbortController();
    for (const id of list) {
      if (!instruments.has(id)) {
        market.instrument(id, { signal: controller.signal }).then((i) => instruments.set(id, i), () => {});
      }
      if (!quoteOf(id).value) {
        market.quote(id, { signal: controller.signal }).then(putQuote, (e) => {
          if (e instanceof ApiError && e.kind !== 'aborted' && e.status !== 404) setSnapshotError(e);
        });
      }
    }
    return () => controller.abort();
  }, [list.join(',')]);

  useEffect(() => {
    abortRef.current?.abort();
    const q = query.trim();
    if (q.length < 1) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    const t = setTimeout(() => {
      market.instruments(q, { signal: controller.signal }).then(
        (r) => {
          setResults(r.slice(0, 12));
          setActive(0);
          setSearchError(null);
        },
        (e) => {
          if (!(e instanceof ApiError && e.kind === 'aborted')) setSearchError(friendlyMessage(e, 'search'));
        },
      );
    }, 200);
    return () => {
      clearTimeout(t);
      controller.abort();
    };
  }, [query]);

  function add(i: InstrumentDto) {
    instruments.set(i.id, i);
    addToWatchlist(i.id);
    select(i.id);
    setQueryText('');
    setResults([]);
  }

  return (
    <div class="watchlist">
      <div class="wl-search">
        <label for="wl-search-input" class="sr-only">
          Add an instrument
        </label>
        <input
          id="wl-search-input"
          type="search"
          placeholder="Add instrument (e.g. INFY)"
          autoComplete="off"
          value={query}
          {...({ role: 'combobox' } as Record<string, string>)}
          aria-expanded={results.length > 0}
          aria-autocomplete="list"
          aria-controls="wl-results"
          aria-activedescendant={results[active] ? `wl-opt-${active}` : undefined}
          onInput={(e) => setQueryText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(results.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              if (results[active]) add(results[active]);
              else if (/^[A-Z]+:[A-Z0-9&_-]+$/i.test(query.trim())) add({ id: query.trim().toUpperCase(), tickSize: 0.05, lotSize: 1 });
            } else if (e.key === 'Escape') {
              setQueryText('');
            }
          }}
        />
        {(
          <ul id="wl-results" role="listbox" class="wl-results" aria-label="Matching instruments" hidden={results.length === 0}>
            {results.map((r, i) => (
              <li
                id={`wl-opt-${i}`}
                key={r.id}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(r);
                }}
              >
                <strong>{r.id}</strong> <span class="muted">{r.name}</span>
              </li>
            ))}
          </ul>
        )}
        {searchError && <small class="field-error">{searchError}</small>}
      </div>
      {snapshotError ? <small class="field-error" role="alert">{friendlyMessage(snapshotError, 'load quotes')}</small> : null}
      <table class="table wl-table" aria-label="Watchlist">
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col" class="num">LTP</th>
            <th scope="col" class="num">Chg</th>
            <th scope="col" class="num hide-narrow">Bid</th>
            <th scope="col" class="num hide-narrow">Ask</th>
            <th scope="col" class="num hide-narrow">Volume</th>
            <th scope="col">
              <span class="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((id, i) => (
            <Row key={id} id={id} index={i} />
          ))}
        </tbody>
      </table>
      {list.length === 0 && <p class="muted pad">Your watchlist is empty. Search above to add instruments.</p>}
    </div>
  );
}
