import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { readList } from '../api/read';
import { useAction, useAsync } from '../components/hooks';
import { Badge, Button, Empty, ErrorBanner, Modal, Panel, Spinner, toast, Unavailable } from '../components/ui';
import { formatIstDateTime } from '../lib/format';
import { friendlyMessage } from '../lib/problem';
import { me } from '../app/session';

type Obj = Record<string, unknown>;
const ALL_ROLES = ['TRADER', 'RISK_OFFICER', 'ADMIN'];

export interface UserRow {
  username: string;
  roles: string[];
  totpEnabled: boolean;
  enabled: boolean;
  createdAt?: string;
  lastLoginAt?: string;
}

export function readUser(raw: unknown): UserRow {
  const o = (raw ?? {}) as Obj;
  return {
    username: String(o.username ?? o.name ?? o.id),
    roles: ((o.roles ?? []) as unknown[]).map(String),
    totpEnabled: Boolean(o.totpEnabled ?? o.twoFactor ?? o.mfaEnabled),
    enabled: o.enabled === undefined ? !o.disabled : Boolean(o.enabled),
    createdAt: o.createdAt as string | undefined,
    lastLoginAt: (o.lastLoginAt ?? o.lastLogin) as string | undefined,
  };
}

function RolePicker({ value, onChange, idPrefix }: { value: string[]; onChange: (r: string[]) => void; idPrefix: string }) {
  return (
    <fieldset class="roles">
      <legend>Roles</legend>
      {ALL_ROLES.map((r) => (
        <label key={r} for={`${idPrefix}-${r}`} class="inline-field">
          <input id={`${idPrefix}-${r}`} type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.currentTarget.checked ? [...value, r] : value.filter((x) => x !== r))} />
          {r.replace('_', ' ').toLowerCase()}
        </label>
      ))}
    </fieldset>
  );
}

export function UsersPage() {
  const users = useAsync(async (signal) => readList(await api.get<unknown>('/users', { signal }), 'users').map(readUser), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  if (users.unavailable) {
    return (
      <main id="main" class="page">
        <h1>Users and roles</h1>
        <Unavailable feature="User management" />
      </main>
    );
  }
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Users and roles</h1>
        <div class="page-head-right">
          {users.loading && <Spinner />}
          <Button class="btn-primary" onClick={() => setAdding(true)}>
            Add user…
          </Button>
        </div>
      </div>
      <ErrorBanner error={users.error} action="list users" onRetry={users.reload} />
      <Panel title="Users">
        {!users.data ? (
          users.error ? null : <Spinner />
        ) : !users.data.length ? (
          <Empty>No users.</Empty>
        ) : (
          <table class="table" aria-label="Users" id="users-table">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Roles</th>
                <th scope="col">Two-factor</th>
                <th scope="col">State</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.username}>
                  <th scope="row">{u.username}</th>
                  <td>
                    {u.roles.map((r) => (
                      <Badge key={r} value={r} tone="info" />
                    ))}
                  </td>
                  <td>{u.totpEnabled ? 'on' : 'off'}</td>
                  <td>
                    <Badge value={u.enabled ? 'ACTIVE' : 'DISABLED'} tone={u.enabled ? 'good' : 'muted'} />
                  </td>
                  <td class="small">{formatIstDateTime(u.createdAt)}</td>
                  <td class="actions">
                    <Button class="btn-small" onClick={() => setEditing(u)} aria-label={`Edit ${u.username}`}>
                      Edit
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Modal open={adding} title="Add user" onClose={() => setAdding(false)}>
        <AddUser
          onDone={() => {
            setAdding(false);
            users.reload();
          }}
        />
      </Modal>
      <Modal open={editing !== null} title={`Edit ${editing?.username ?? ''}`} onClose={() => setEditing(null)}>
        {editing && (
          <EditUser
            user={editing}
            onDone={() => {
              setEditing(null);
              users.reload();
            }}
          />
        )}
      </Modal>
    </main>
  );
}

function AddUser({ onDone }: { onDone: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(['TRADER']);
  const save = useAction(async () => {
    await api.post('/users', { username: username.trim(), password, roles });
    toast(`User ${username} added`, 'ok');
    onDone();
  });
  const problem = !/^[a-zA-Z0-9._-]{2,64}$/.test(username.trim()) ? 'User names are 2–64 letters, digits, dots, dashes or underscores.' : password.length < 10 ? 'Passwords need at least 10 characters.' : !roles.length ? 'Pick at least one role.' : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) void save.run();
      }}
    >
      <div class="field">
        <label for="nu-name">User name</label>
        <input id="nu-name" autoComplete="off" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="nu-pass">Initial password</label>
        <input id="nu-pass" type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </div>
      <RolePicker value={roles} onChange={setRoles} idPrefix="nu-role" />
      {username && problem && <p class="field-error">{problem}</p>}
      <ErrorBanner error={save.error} action="add the user" />
      <div class="row-end">
        <Button type="submit" class="btn-primary" busy={save.busy} disabled={!!problem}>
          Add user
        </Button>
      </div>
    </form>
  );
}

function EditUser({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const [roles, setRoles] = useState(user.roles);
  const [password, setPassword] = useState('');
  const self = me.value?.username === user.username;
  async function run(what: string, fn: () => Promise<unknown>) {
    try {
      await fn();
      toast(`${what} for ${user.username}`, 'ok');
      onDone();
    } catch (e) {
      toast(friendlyMessage(e, what.toLowerCase()), 'error');
    }
  }
  return (
    <div class="stack">
      <RolePicker value={roles} onChange={setRoles} idPrefix="eu-role" />
      {self && !roles.includes('ADMIN') && <p class="warn-text small">You are removing your own admin role.</p>}
      <Button class="btn-primary" disabled={!roles.length} onClick={() => void run('Roles changed', () => api.put(`/users/${encodeURIComponent(user.username)}`, { roles }))}>
        Save roles
      </Button>
      <div class="field">
        <label for="eu-pass">New password</label>
        <input id="eu-pass" type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </div>
      <Button disabled={password.length < 10} onClick={() => void run('Password set', () => api.put(`/users/${encodeURIComponent(user.username)}`, { password }))}>
        Set password
      </Button>
      {!self && (
        <Button class="btn-danger" onClick={() => void run(user.enabled ? 'Disabled' : 'Enabled', () => api.put(`/users/${encodeURIComponent(user.username)}`, { enabled: !user.enabled }))}>
          {user.enabled ? 'Disable user' : 'Enable user'}
        </Button>
      )}
      {user.totpEnabled && (
        <Button onClick={() => void run('Two-factor reset', () => api.del(`/users/${encodeURIComponent(user.username)}/totp`))}>
          Reset two-factor (lost device)
        </Button>
      )}
      {!self && (
        <Button
          class="btn-danger"
          onClick={() => {
            if (confirm(`Delete user ${user.username}? This cannot be undone.`)) void run('Deleted', () => api.del(`/users/${encodeURIComponent(user.username)}`));
          }}
        >
          Delete user
        </Button>
      )}
    </div>
  );
}
