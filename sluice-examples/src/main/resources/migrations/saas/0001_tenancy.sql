-- Hand-written migration. Statements end with ';'. It runs in one transaction with lock_timeout set.
-- To run it statement by statement in autocommit instead (needed for CONCURRENTLY), add this line to
-- the comments at the top of the file:
--   -- sluice:no-transaction
-- Write the reverse in the .down.sql file if sluice down should be able to undo it.

-- Row-level security helpers (Tenancy.installSql()) and the application role that db.as(...) switches to
-- (Tenancy.appRoleSql("app_user", <login role>), granted here to whoever runs the migrations).
-- They come first because the policies of the next migration call these functions.
create schema if not exists sluice;
grant usage on schema sluice to public;
create or replace function sluice.current_user_id() returns text
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.user_id', true), '') $$;
create or replace function sluice.current_tenant_id() returns text
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.tenant_id', true), '') $$;
create or replace function sluice.has_role(role_name text) returns boolean
  language sql stable parallel safe
  as $$ select coalesce(nullif(current_setting('app.roles', true), '')::jsonb ? role_name, false) $$;
do $$ begin if not exists (select from pg_roles where rolname = 'app_user') then begin create role "app_user" nologin noinherit; exception when duplicate_object then null; end; end if; end $$;
grant "app_user" to current_user;
