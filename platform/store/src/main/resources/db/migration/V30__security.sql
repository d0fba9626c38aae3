-- Security: users and their roles, login sessions (refresh-token families) and their refresh
-- tokens, the keys access tokens are signed with, the master key's fingerprint, and broker
-- accounts with their sealed credentials. Every secret column holds an AES-256-GCM envelope
-- (see com.sharewise.security.SecretBox), bound to its table, column and row id.
create table app_user (
  id             bigserial     primary key,
  username       varchar(64)   not null,
  password_hash  varchar(255)  not null,
  enabled        boolean       not null default true,
  totp_secret    bytea,
  totp_pending   bytea,
  totp_last_step bigint        not null default 0,
  created_at     timestamptz   not null,
  updated_at     timestamptz   not null,
  constraint app_user_username_key unique (username)
);

create table user_role (
  user_id  bigint       not null references app_user (id) on delete cascade,
  role     varchar(32)  not null
           constraint user_role_role_check check (role in ('TRADER', 'RISK_OFFICER', 'ADMIN')),
  primary key (user_id, role)
);

-- One login: its refresh tokens form a family. Reusing a spent refresh token revokes the family.
create table login_session (
  id              varchar(64)   primary key,
  user_id         bigint        not null references app_user (id) on delete cascade,
  created_at      timestamptz   not null,
  expires_at      timestamptz   not null,
  revoked_at      timestamptz,
  revoked_reason  varchar(64),
  remote_address  varchar(64)
);
create index login_session_user_idx on login_session (user_id);

-- Only the SHA-256 of a refresh token is stored, never the token.
create table refresh_token (
  token_hash  varchar(64)   primary key,
  session_id  varchar(64)   not null references login_session (id) on delete cascade,
  issued_at   timestamptz   not null,
  expires_at  timestamptz   not null,
  used_at     timestamptz
);
create index refresh_token_session_idx on refresh_token (session_id);

-- Access-token signing keys, shared by every node of a cluster; private keys are sealed.
create table signing_key (
  kid          varchar(64)  primary key,
  algorithm    varchar(16)  not null,
  public_key   bytea        not null,
  private_key  bytea        not null,
  created_at   timestamptz  not null
);

-- The fingerprint of the master key the secrets in this database are sealed with, so a node
-- started with another key stops instead of failing on every decryption.
create table master_key (
  id      int          primary key,
  key_id  varchar(64)  not null
);

-- A trading account at a broker, owned by one user; credentials sealed, never returned.
create table account (
  id                bigserial     primary key,
  owner_id          bigint        not null references app_user (id),
  broker_plugin_id  varchar(255)  not null,
  name              varchar(128)  not null,
  credentials       bytea,
  created_at        timestamptz   not null,
  updated_at        timestamptz   not null,
  constraint account_owner_name_key unique (owner_id, name)
);
create index account_owner_idx on account (owner_id);
