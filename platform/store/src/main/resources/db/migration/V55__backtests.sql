-- Backtests: one row per run with its request, state and metrics; its orders, closed trades and a
-- downsampled equity curve (the metrics are computed on the full curve before it is thinned).
-- Optimisations (grid, random, walk-forward) group many runs; each tried parameter set is a result
-- row ranked by the chosen metric. Rows of a run go with it (on delete cascade).
create table backtest (
  id               varchar(32)    primary key,
  owner_id         bigint         not null references app_user (id),
  account_id       bigint         references account (id),
  optimisation_id  varchar(32),
  strategy         varchar(64)    not null,
  request          text           not null,
  status           varchar(12)    not null
                   constraint backtest_status_check
                   check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
  progress         double precision not null default 0,
  bars             bigint         not null default 0,
  error            text           not null default '',
  metrics          text,
  -- equity at the last bar of each IST day, JSON [[epochDay, equity], …]: full resolution at a
  -- daily grain, for correlating strategies' returns
  daily            text,
  created_at       timestamptz    not null,
  started_at       timestamptz,
  finished_at      timestamptz
);
create index backtest_owner_idx on backtest (owner_id, created_at);

create table backtest_order (
  backtest_id      varchar(32)    not null references backtest (id) on delete cascade,
  seq              int            not null,
  order_id         varchar(32)    not null,
  instrument       varchar(64)    not null,
  side             varchar(4)     not null,
  quantity         bigint         not null,
  order_type       varchar(8)     not null,
  limit_price      numeric(18, 4),
  status           varchar(20)    not null,
  filled_quantity  bigint         not null,
  average_price    numeric(18, 4),
  charges          numeric(18, 4) not null,
  message          text           not null default '',
  created_at       timestamptz    not null,
  updated_at       timestamptz    not null,
  primary key (backtest_id, seq)
);

create table backtest_trade (
  backtest_id  varchar(32)      not null references backtest (id) on delete cascade,
  seq          int              not null,
  instrument   varchar(64)      not null,
  side         varchar(4)       not null,
  quantity     bigint           not null,
  entry_time   timestamptz      not null,
  entry_price  double precision not null,
  exit_time    timestamptz      not null,
  exit_price   double precision not null,
  pnl          double precision not null,
  charges      double precision not null,
  primary key (backtest_id, seq)
);

create table backtest_equity (
  backtest_id  varchar(32)      not null references backtest (id) on delete cascade,
  seq          int              not null,
  at           timestamptz      not null,
  equity       double precision not null,
  drawdown     double precision not null,
  in_market    boolean          not null,
  primary key (backtest_id, seq)
);

create table optimisation (
  id           varchar(32)      primary key,
  owner_id     bigint           not null references app_user (id),
  strategy     varchar(64)      not null,
  method       varchar(16)      not null
               constraint optimisation_method_check
               check (method in ('GRID', 'RANDOM', 'WALK_FORWARD')),
  rank_by      varchar(32)      not null,
  request      text             not null,
  status       varchar(12)      not null
               constraint optimisation_status_check
               check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
  progress     double precision not null default 0,
  runs         int              not null default 0,
  error        text             not null default '',
  summary      text,
  created_at   timestamptz      not null,
  started_at   timestamptz,
  finished_at  timestamptz
);
create index optimisation_owner_idx on optimisation (owner_id, created_at);

-- One evaluated parameter set; for walk-forward, one per window and phase (IN_SAMPLE is the best
-- set of the window's in-sample search, OUT_OF_SAMPLE the same set on the following window).
create table optimisation_result (
  optimisation_id  varchar(32)      not null references optimisation (id) on delete cascade,
  seq              int              not null,
  fold             int              not null default 0,
  phase            varchar(16)      not null default 'SEARCH',
  parameters       text             not null,
  metrics          text             not null,
  score            double precision,
  range_from       timestamptz,
  range_to         timestamptz,
  primary key (optimisation_id, seq)
);
