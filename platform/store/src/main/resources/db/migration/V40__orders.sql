-- The order journal: every state change of every order, written with synchronous commit before
-- the platform acts on it. Order state is rebuilt from these rows; trade_order and order_fill are
-- projections written in the same transaction, for queries.
create table order_event (
  seq         bigserial     primary key,
  order_id    varchar(32)   not null,
  account_id  bigint        not null,
  type        varchar(32)   not null,
  status      varchar(20)   not null,
  at          timestamptz   not null,
  detail      text          not null
);
create index order_event_order_idx on order_event (order_id, seq);

-- Current state of each order, kept in step with order_event.
create table trade_order (
  id               varchar(32)     primary key,
  account_id       bigint          not null references account (id),
  client_order_id  varchar(64)     not null,
  parent_id        varchar(32),
  strategy_id      varchar(64)     not null default '',
  instrument       varchar(64)     not null,
  side             varchar(4)      not null,
  quantity         bigint          not null,
  order_type       varchar(8)      not null,
  limit_price      numeric(18, 4),
  trigger_price    numeric(18, 4),
  product          varchar(8)      not null,
  validity         varchar(8)      not null,
  algorithm        varchar(16)     not null,
  status           varchar(20)     not null,
  filled_quantity  bigint          not null default 0,
  average_price    numeric(18, 4),
  broker_order_id  varchar(64)     not null default '',
  message          text            not null default '',
  decision_id      varchar(40)     not null default '',
  snapshot         text            not null,
  created_by       varchar(100)    not null,
  created_at       timestamptz     not null,
  updated_at       timestamptz     not null,
  constraint trade_order_client_id_key unique (account_id, client_order_id)
);
create index trade_order_account_idx on trade_order (account_id, created_at);
create index trade_order_parent_idx on trade_order (parent_id);

-- Executions, unique per account by the broker's trade id, so a fill reported twice counts once.
create table order_fill (
  account_id       bigint          not null,
  fill_id          varchar(64)     not null,
  order_id         varchar(32)     not null,
  broker_order_id  varchar(64)     not null default '',
  instrument       varchar(64)     not null,
  side             varchar(4)      not null,
  product          varchar(8)      not null,
  quantity         bigint          not null,
  price            numeric(18, 4)  not null,
  charges          numeric(18, 4)  not null,
  at               timestamptz     not null,
  seq              bigserial       not null,
  constraint order_fill_pkey primary key (account_id, fill_id)
);
create index order_fill_account_idx on order_fill (account_id, seq);

-- Kill switches: global, per account, per strategy. A row per scope and target; history goes to
-- the audit trail.
create table kill_switch (
  scope       varchar(16)    not null,
  target      varchar(100)   not null,
  engaged     boolean        not null,
  reason      text           not null default '',
  changed_by  varchar(100)   not null,
  changed_at  timestamptz    not null,
  constraint kill_switch_pkey primary key (scope, target)
);

-- Starting cash per account (paper accounts get the configured capital on first use).
create table account_cash (
  account_id  bigint          primary key references account (id),
  opening     numeric(20, 4)  not null,
  set_at      timestamptz     not null
);
