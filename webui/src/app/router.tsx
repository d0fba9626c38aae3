// Client-side routing with real paths (/admin/rules). Every route has a copy of index.html on the
// server (see scripts/route-shells.mjs), so deep links and reloads work; parameters go in the query.
import { signal } from '@preact/signals';
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import ROUTES from '../routes.json';

export interface Location {
  path: string;
  query: URLSearchParams;
}

export const KNOWN_ROUTES: readonly string[] = ROUTES;

/** "/admin/rules/" → "/admin/rules"; "" → "/". */
export function normalisePath(path: string): string {
  const p = path.replace(/\/{2,}/g, '/').replace(/\/index\.html$/, '/');
  if (p.length > 1 && p.endsWith('/')) return p.slice(0, -1);
  return p || '/';
}

function current(): Location {
  return { path: normalisePath(location.pathname), query: new URLSearchParams(location.search) };
}

export const route = signal<Location>(
  typeof location === 'undefined' ? { path: '/', query: new URLSearchParams() } : current(),
);

export function navigate(to: string, replace = false): void {
  const url = new URL(to, location.href);
  const target = normalisePath(url.pathname) + url.search + url.hash;
  if (replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  route.value = current();
  if (!replace) window.scrollTo(0, 0);
}

/** Changes query parameters of the current route without a new history entry. */
export function setQuery(params: Record<string, string | null | undefined>): void {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') q.delete(k);
    else q.set(k, v);
  }
  const qs = q.toString();
  history.replaceState(null, '', `${normalisePath(location.pathname)}${qs ? `?${qs}` : ''}`);
  route.value = current();
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    route.value = current();
  });
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

export function Link({ href, children, onClick, ...rest }: LinkProps) {
  const active = normalisePath(new URL(href, 'http://x').pathname) === route.value.path;
  return (
    <a
      href={href}
      aria-current={active ? 'page' : undefined}
      onClick={(e) => {
        if (onClick) (onClick as (ev: MouseEvent) => void)(e as unknown as MouseEvent);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
