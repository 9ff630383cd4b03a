-- The role db.as(...) switches to, and a policy showing each tenant its own notes only.
do $$ begin if not exists (select from pg_roles where rolname = 'sluice_boot_app') then
  begin create role sluice_boot_app nologin noinherit; exception when duplicate_object then null; end; end if; end $$;
grant sluice_boot_app to current_user;
grant select, insert on notes to sluice_boot_app;
grant usage on sequence notes_id_seq to sluice_boot_app;
alter table notes enable row level security;
create policy notes_by_tenant on notes to sluice_boot_app
  using (tenant = current_setting('app.tenant_id', true))
  with check (tenant = current_setting('app.tenant_id', true));
