-- Rules: versions of the three rule sets (signal, risk, workflow), the active version of each,
-- the scenarios each rule set carries, and per-account limits and the restricted list the rules
-- read as data. Keys are varchar, not text: jOOQ's DDLDatabase replays this in H2, where text is
-- a CLOB that cannot be a key or be indexed. JSON documents are kept as text.
create table rule_set_version (
  id                bigserial     primary key,
  kind              varchar(16)   not null
                    constraint rule_set_version_kind_check check (kind in ('signal', 'risk', 'workflow')),
  version           integer       not null,
  drl               text          not null,
  content_hash      varchar(64)   not null,
  author            varchar(100)  not null,
  created_at        timestamptz   not null,
  comment           text          not null default '',
  status            varchar(16)   not null
                    constraint rule_set_version_status_check
                    check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'ACTIVE', 'RETIRED')),
  validation        text          not null default '[]',
  scenario_results  text          not null default '[]',
  scenarios_passed  boolean       not null default true,
  submitted_by      varchar(100),
  submitted_at      timestamptz,
  reviewed_by       varchar(100),
  reviewed_at       timestamptz,
  review_comment    text,
  activated_by      varchar(100),
  activated_at      timestamptz,
  constraint rule_set_version_kind_version_key unique (kind, version)
);

-- The version each kind runs now, cluster-wide. A node compiles these at start-up.
create table rule_set_active (
  kind          varchar(16)   primary key,
  version_id    bigint        not null references rule_set_version (id),
  activated_by  varchar(100)  not null,
  activated_at  timestamptz   not null
);

-- Scenarios: given facts -> expected decision, run against every new version of their kind.
create table rule_scenario (
  id          bigserial     primary key,
  kind        varchar(16)   not null,
  name        varchar(200)  not null,
  description text          not null default '',
  given       text          not null,
  expect      text          not null,
  author      varchar(100)  not null,
  updated_at  timestamptz   not null,
  constraint rule_scenario_kind_name_key unique (kind, name)
);

-- Limits as data: one row per account, '*' for the defaults. The document is a Limits record.
create table risk_limits (
  account_id  varchar(100)  primary key,
  limits      text          not null,
  updated_by  varchar(100)  not null,
  updated_at  timestamptz   not null
);

create table restricted_instrument (
  instrument  varchar(64)   primary key,
  reason      text          not null,
  added_by    varchar(100)  not null,
  added_at    timestamptz   not null
);

-- Per-instrument overrides of the maximum position (e.g. a tighter cap for an illiquid stock).
create table instrument_limit (
  instrument             varchar(64)   primary key,
  max_position_quantity  bigint        not null,
  updated_by             varchar(100)  not null,
  updated_at             timestamptz   not null
);
