import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/problem';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** The endpoint does not exist on this node. */
  unavailable: boolean;
  reload: () => void;
  setData: (update: (old: T | undefined) => T | undefined) => void;
}

/**
 * Loads data for a component: aborts when the component goes away or the inputs change, keeps
 * the last data while reloading (no flicker), and optionally polls while the tab is visible.
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  options: { pollMs?: number; enabled?: boolean } = {},
): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(options.enabled !== false);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const enabled = options.enabled !== false;

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let alive = true;
    const run = async () => {
      setLoading(true);
      let missing = false;
      try {
        const result = await loadRef.current(controller.signal);
        if (!alive) return;
        setDataState(result);
        setError(null);
      } catch (e) {
        if (!alive || (e instanceof ApiError && e.kind === 'aborted')) return;
        missing = e instanceof ApiError && e.isMissingEndpoint;
        setError(e);
      } finally {
        if (alive) setLoading(false);
      }
      // an endpoint this node does not have will not appear by polling: stop asking
      if (alive && options.pollMs && !missing) {
        timer = setTimeout(function again() {
          if (document.hidden) timer = setTimeout(again, options.pollMs);
          else void run();
        }, options.pollMs);
      }
    };
    void run();
    return () => {
      alive = false;
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, enabled]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((u: (old: T | undefined) => T | undefined) => setDataState((o) => u(o)), []);
  const unavailable = error instanceof ApiError && error.isMissingEndpoint;
  return { data, error, loading, unavailable, reload, setData };
}

/** Runs an action (button press), tracking busy state and the last error. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action(...args);
      } catch (e) {
        if (mounted.current) setError(e);
        return undefined;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, clearError: () => setError(null) };
}
