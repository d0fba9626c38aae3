-- Audit trail of plugin lifecycle events (install, update, uninstall, failure).
-- Keep statements plain: jOOQ's DDL parser reads this file at build time to generate classes.
create table plugin_event (
  id             bigserial    primary key,
  plugin_id      text         not null,
  plugin_version text,
  action         text         not null
                 constraint plugin_event_action_check
                 check (action in ('INSTALLED', 'UPDATED', 'UNINSTALLED', 'FAILED')),
  detail         text,
  occurred_at    timestamptz  not null default now()
);

-- jOOQ's DDLDatabase simulates this script in H2, where `text` is a CLOB that cannot be indexed:
-- the code generator skips the index (it needs no class for it); Flyway still runs it.
-- [jooq ignore start]
create index plugin_event_plugin_time_idx on plugin_event (plugin_id, occurred_at);
-- [jooq ignore stop]
