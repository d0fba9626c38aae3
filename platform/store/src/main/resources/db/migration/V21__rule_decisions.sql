-- Every decision the rules took, with what explains it: the rule-set versions used, the rules
-- that fired, the facts given (JSON) and the answer. Orders link to a decision by its id.
create table rule_decision (
  id             varchar(40)   primary key,
  kind           varchar(16)   not null,
  subject        varchar(100)  not null,
  account_id     varchar(100)  not null default '',
  decided_at     timestamptz   not null,
  outcome        varchar(24)   not null,
  rule_name      text          not null default '',
  reason         text          not null default '',
  versions       text          not null,
  fired_rules    text          not null,
  facts          text          not null,
  answer         text          not null,
  elapsed_micros bigint        not null
);

-- Shadow runs: a candidate version judged beside the active one, live or over stored decisions.
create table rule_shadow_run (
  id                    bigserial     primary key,
  kind                  varchar(16)   not null,
  candidate_version_id  bigint        not null references rule_set_version (id),
  mode                  varchar(8)    not null constraint rule_shadow_run_mode_check check (mode in ('LIVE', 'REPLAY')),
  started_by            varchar(100)  not null,
  started_at            timestamptz   not null,
  stopped_at            timestamptz,
  evaluated             bigint        not null default 0,
  differing             bigint        not null default 0
);

create table rule_shadow_diff (
  id                 bigserial     primary key,
  run_id             bigint        not null references rule_shadow_run (id),
  decision_id        varchar(40)   not null,
  subject            varchar(100)  not null,
  active_outcome     varchar(24)   not null,
  active_rule        text          not null default '',
  active_reason      text          not null default '',
  candidate_outcome  varchar(24)   not null,
  candidate_rule     text          not null default '',
  candidate_reason   text          not null default '',
  observed_at        timestamptz   not null
);

-- [jooq ignore start]
create index rule_decision_time_idx on rule_decision (kind, decided_at);
create index rule_decision_subject_idx on rule_decision (subject);
create index rule_shadow_diff_run_idx on rule_shadow_diff (run_id, id);
-- [jooq ignore stop]
