// The trader's accounts (when the node has accounts): the ticket sends the chosen one.
import { signal } from '@preact/signals';
import { api } from '../api/client';
import { readList } from '../api/read';

export interface AccountDto {
  id: string;
  name?: string;
  broker?: string;
}

export const accounts = signal<AccountDto[]>([]);
export const selectedAccount = signal<string | null>(null);
let loaded = false;

export async function loadAccounts(): Promise<void> {
  if (loaded) return;
  loaded = true;
  try {
    const list = readList(await api.get<unknown>('/accounts', { timeoutMs: 8000 }), 'accounts').map((a) => {
      const o = a as Record<string, unknown>;
      return { id: String(o.id ?? o.accountId), name: (o.name ?? o.label) as string | undefined, broker: o.broker as string | undefined };
    });
    accounts.value = list;
    if (!selectedAccount.value && list.length) selectedAccount.value = list[0].id;
  } catch {
    loaded = false; // optional; try again next time
  }
}
