-- The audit trail: append-only and hash-chained. Each row's hash covers its own content and the
-- previous row's hash, so changing or deleting any row breaks every hash after it, which
-- `verify` detects. Rows are numbered without gaps (seq), assigned under an advisory lock.
create table audit_log (
  seq          bigint       primary key,
  occurred_at  timestamptz  not null,
  actor        text         not null,
  action       text         not null,
  target_type  text         not null,
  target_id    text         not null,
  detail       text         not null,
  prev_hash    text         not null,
  hash         text         not null
);

-- [jooq ignore start]
create index audit_log_target_idx on audit_log (target_type, target_id, seq);
create index audit_log_actor_idx on audit_log (actor, seq);
create index audit_log_time_idx on audit_log (occurred_at);

-- The application only ever inserts; refuse anything else at the database too.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
-- [jooq ignore stop]
