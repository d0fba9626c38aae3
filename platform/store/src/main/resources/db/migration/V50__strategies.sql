-- Strategy instances: a strategy type (a plugin's StrategyFactory) bound to an account, instruments,
-- a primary timeframe and parameter values. The state is the trader's intent (RUNNING instances
-- are started again after a restart); last_error says why one was paused by the platform. A
-- deleted instance keeps its row (deleted_at set) so its signals stay traceable.
create table strategy_instance (
  id              varchar(32)    primary key,
  account_id      bigint         not null references account (id),
  name            varchar(100)   not null default '',
  strategy_type   varchar(100)   not null,
  plugin_id       varchar(200)   not null default '',
  plugin_version  varchar(64)    not null default '',
  instruments     text           not null,
  timeframe       varchar(8)     not null,
  parameters      text           not null,
  state           varchar(16)    not null
                  constraint strategy_instance_state_check
                  check (state in ('RUNNING', 'PAUSED', 'STOPPED')),
  last_error      text           not null default '',
  created_by      varchar(100)   not null,
  created_at      timestamptz    not null,
  updated_at      timestamptz    not null,
  deleted_at      timestamptz
);
create index strategy_instance_account_idx on strategy_instance (account_id);

-- Every signal an instance emitted and what became of it: ORDERED (order_id) or DROPPED (rule and
-- outcome_reason). One row per instance, instrument, timeframe, action and bar time, so a signal
-- replayed after a restart is stored (and ordered) once.
create table strategy_signal (
  id              bigserial      primary key,
  instance_id     varchar(32)    not null references strategy_instance (id),
  account_id      bigint         not null,
  instrument      varchar(64)    not null,
  timeframe       varchar(8)     not null,
  action          varchar(16)    not null,
  signal_time     timestamptz    not null,
  price           double precision not null,
  reason          text           not null default '',
  attributes      text           not null default '{}',
  outcome         varchar(16)    not null
                  constraint strategy_signal_outcome_check check (outcome in ('DROPPED', 'ORDERED')),
  order_id        varchar(32)    not null default '',
  decision_id     varchar(40)    not null default '',
  rule            varchar(200)   not null default '',
  outcome_reason  text           not null default '',
  created_at      timestamptz    not null,
  constraint strategy_signal_once_key
    unique (instance_id, instrument, timeframe, action, signal_time)
);
create index strategy_signal_instance_idx on strategy_signal (instance_id, signal_time);
