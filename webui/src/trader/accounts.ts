// The trader's accounts (GET /api/v1/accounts; a trader without any gets a paper account on the
// first call). The ticket sends orders to the selected one; the blotter and the positions page
// stream every one of them and can narrow to one.
import { computed, effect, signal } from '@preact/signals';
import { accountsApi, type AccountDto } from '../api/endpoints';
import { ApiError } from '../lib/problem';
import { me } from '../app/session';

export type { AccountDto };

const SELECTED_KEY = 'sharewise.account';

export const accounts = signal<AccountDto[]>([]);
/** True once the list was read (possibly empty: a user without the trader role). */
export const accountsLoaded = signal(false);
export const accountsError = signal<unknown>(null);
/** The account new orders go to. */
export const selectedAccount = signal<string | null>(readStored());
/** The account ids whose orders, fills and positions the screens stream. */
export const accountIds = computed(() => accounts.value.map((a) => a.id));

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(SELECTED_KEY) ?? null;
  } catch {
    return null;
  }
}

export function selectAccount(id: string): void {
  selectedAccount.value = id;
  try {
    globalThis.localStorage?.setItem(SELECTED_KEY, id);
  } catch {
    /* private mode */
  }
}

/** "Paper (#3)", or the id when the account is not (yet) known. */
export function accountLabel(id: string | null | undefined): string {
  if (!id) return '—';
  const a = accounts.value.find((x) => x.id === id);
  return a ? `${a.name} (#${a.id})` : `#${id}`;
}

/** The selection after a (re)load: the stored choice if still valid, else the first account. */
export function pickSelected(list: AccountDto[], current: string | null): string | null {
  if (current && list.some((a) => a.id === current)) return current;
  return list[0]?.id ?? null;
}

let inFlight: Promise<void> | null = null;

/** Loads the accounts once per page (again with `force`, e.g. after adding one). */
export function loadAccounts(force = false): Promise<void> {
  if (inFlight && !force) return inFlight;
  if (accountsLoaded.value && !force) return Promise.resolve();
  inFlight = (async () => {
    try {
      const list = await accountsApi.list();
      accounts.value = list;
      accountsError.value = null;
      const pick = pickSelected(list, selectedAccount.value);
      if (pick !== selectedAccount.value && pick) selectAccount(pick);
      else if (!pick) selectedAccount.value = null;
      accountsLoaded.value = true;
    } catch (e) {
      // 403: signed in without a role that has accounts; 401 is handled by the client
      if (e instanceof ApiError && (e.status === 403 || e.isMissingEndpoint)) {
        accounts.value = [];
        accountsLoaded.value = true;
      } else {
        accountsError.value = e;
      }
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

// another user signing in on this page sees their own accounts, not the previous user's
let lastUser: string | undefined;
effect(() => {
  const user = me.value?.username;
  if (user === lastUser) return;
  const first = lastUser === undefined;
  lastUser = user;
  if (first && !user) return;
  accounts.value = [];
  accountsLoaded.value = false;
  if (user) void loadAccounts(true);
});
