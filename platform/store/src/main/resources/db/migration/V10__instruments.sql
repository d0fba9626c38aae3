-- Market data: the instrument master. One row per instrument the platform knows, keyed by its
-- platform-wide name EXCHANGE:SYMBOL (e.g. NSE:INFY). Broker adapters map their own tokens to it.
-- varchar rather than text for keys: jOOQ's DDLDatabase simulates this script in H2, where text
-- is a CLOB that cannot be a key.
create table instrument (
  id          varchar(64)    primary key,
  exchange    varchar(8)     not null,
  symbol      varchar(56)    not null,
  token       varchar(32)    not null default '',
  name        varchar(200)   not null default '',
  segment     varchar(16)    not null
              constraint instrument_segment_check
              check (segment in ('EQUITY', 'INDEX', 'FUTURES', 'OPTIONS', 'CURRENCY', 'COMMODITY')),
  tick_size   numeric(12, 6) not null constraint instrument_tick_size_check check (tick_size > 0),
  lot_size    integer        not null constraint instrument_lot_size_check check (lot_size > 0),
  isin        varchar(12)    not null default '',
  updated_at  timestamptz    not null
);

-- Broker adapters look instruments up by (exchange, token).
create index instrument_exchange_token_idx on instrument (exchange, token);
