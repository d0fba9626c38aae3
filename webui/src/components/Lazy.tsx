import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBanner, Spinner } from './ui';

/** Loads a page's code on first use (the DRL editor is big and only risk officers need it). */
export function Lazy({ load }: { load: () => Promise<ComponentType> }) {
  const [C, setC] = useState<ComponentType | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let alive = true;
    load().then(
      (c) => alive && setC(() => c),
      (e) => alive && setError(e),
    );
    return () => void (alive = false);
  }, []);
  if (error) return <main id="main" class="page"><ErrorBanner error={error} action="load this page" onRetry={() => location.reload()} /></main>;
  return C ? <C /> : <main id="main" class="page"><Spinner label="Loading page" /></main>;
}
