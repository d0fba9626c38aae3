-- Market data: OHLCV bars, closed by the live aggregator or imported from CSV.
-- open_time is the start of the bar (intraday bars align to 09:15 IST; a daily bar opens at the
-- session open). The primary key doubles as the index for time-range queries:
-- where instrument = ? and timeframe = ? and open_time >= ? and open_time < ?
create table bar (
  instrument  varchar(64)       not null,
  timeframe   varchar(8)        not null,
  open_time   timestamptz       not null,
  open        double precision  not null,
  high        double precision  not null,
  low         double precision  not null,
  close       double precision  not null,
  volume      bigint            not null constraint bar_volume_check check (volume >= 0),
  constraint bar_pkey primary key (instrument, timeframe, open_time)
);
