-- Hand-written migration for the auto-configuration tests.
create table notes (
  id bigserial primary key,
  tenant text not null default coalesce(nullif(current_setting('app.tenant_id', true), ''), 'none'),
  body text not null
);
