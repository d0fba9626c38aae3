// The page's one live connection to /ws, carrying the access token at the handshake.
import { signal } from '@preact/signals';
import { LiveSocket, type SocketState, type SubscriptionSpec } from '../lib/liveSocket';
import { readClaims } from '../lib/tokens';
import { accessToken, authUnavailable, onTokenChange } from './session';

export const liveState = signal<SocketState>('idle');
export const liveError = signal<string | null>(null);

/** Whose token the current connection was opened with (a connection keeps its user). */
let connectedAs: string | null = null;

function wsUrl(): string | null {
  if (!accessToken.value && !authUnavailable.value) return null; // the node refuses anonymous sockets
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = accessToken.value;
  connectedAs = readClaims(token).subject;
  // Browsers cannot set headers on a WebSocket; the node reads the token from the query.
  return `${proto}//${location.host}/ws${token ? `?access_token=${encodeURIComponent(token)}` : ''}`;
}

export const live = new LiveSocket({
  url: () => wsUrl(),
  create: (url) => new WebSocket(url) as unknown as import('../lib/liveSocket').SocketLike,
  onStateChange: (s) => {
    liveState.value = s;
    if (s === 'open') liveError.value = null;
  },
  onServerError: (m) => {
    liveError.value = m;
  },
});

// The node closes a connection when its token expires. A refreshed token of the same user goes to
// the open connection, which keeps its subscriptions; otherwise (signed out, another user, not
// connected) the connection starts over with the current token.
onTokenChange(() => {
  const token = accessToken.value;
  const sameUser = token !== null && readClaims(token).subject === connectedAs;
  if (sameUser && live.state === 'open' && live.authenticate(token)) return;
  live.reconnectNow();
});

/** Subscribes while a component is mounted: call from useEffect and return the result. */
export function subscribe(spec: SubscriptionSpec, fn: (data: any) => void): () => void {
  live.start();
  return live.subscribe(spec, fn);
}
