-- Hand-written migration. Statements end with ';'. It runs in one transaction with lock_timeout set.

-- Least privilege for the application role. Migration 0003 granted every privilege on every table to
-- app_user; row-level security then decided which rows, but some rows must not be reachable by the app
-- role at all (deleting a team cascades to all of its data) and some columns must not be writable
-- (ids, team ids, timestamps set by the database). Replace those grants with what the app needs;
-- row-level security (migration 0006 and below) still decides which rows.
revoke all on public.app_users, public.app_accounts, public.app_teams, public.app_team_members,
  public.app_projects, public.app_tasks, public.app_comments, public.app_notifications,
  public.app_activity_log, public.app_active_projects from "app_user";
-- the activity log's monthly partitions: reachable only through the parent, whose policies apply
-- (querying a partition directly would skip them)
do $$
declare p regclass;
begin
  for p in select inhrelid::regclass from pg_catalog.pg_inherits
            where inhparent = 'public.app_activity_log'::regclass loop
    execute format('revoke all on %s from "app_user"', p);
  end loop;
end $$;

-- users: a profile per person (RLS: self and teammates read, self writes); no DELETE
grant select on public.app_users to "app_user";
grant insert (id, email, name, avatar_url) on public.app_users to "app_user";
grant update (email, name, avatar_url, updated_at) on public.app_users to "app_user";
-- accounts: the user's own sign-in identities (RLS owner-only)
grant select, delete on public.app_accounts to "app_user";
grant insert (user_id, provider, provider_account_id) on public.app_accounts to "app_user";
-- teams: read (members), rename (owners, admins); created by app_create_team(), never deleted by the app
grant select on public.app_teams to "app_user";
grant update (name, slug, updated_at) on public.app_teams to "app_user";
-- members: managed by owners and admins of the team (RLS), role the only changeable column
grant select, delete on public.app_team_members to "app_user";
grant insert (team_id, user_id, role) on public.app_team_members to "app_user";
grant update (role) on public.app_team_members to "app_user";
-- the team's work (RLS: current tenant and member); ids and team ids never change
grant select, delete on public.app_projects, public.app_tasks, public.app_comments to "app_user";
grant insert on public.app_projects, public.app_tasks, public.app_comments to "app_user";
grant update (parent_id, name, slug, description, metadata, tags, updated_at, deleted_at)
  on public.app_projects to "app_user";
grant update (project_id, assignee_id, title, status, due_on, updated_at) on public.app_tasks to "app_user";
grant update (body) on public.app_comments to "app_user";
grant select on public.app_active_projects to "app_user";
-- notifications: the recipient reads them, marks them read and deletes them; the server writes them
grant select, delete on public.app_notifications to "app_user";
grant update (read_at) on public.app_notifications to "app_user";

-- the activity log: a team's members read its entries and append their own; nobody edits history
alter table public.app_activity_log enable row level security, force row level security;
create policy team_members_read on public.app_activity_log for select
  using (team_id = cast(sluice.current_tenant_id() as uuid) and public.app_is_member(team_id));
create policy members_append on public.app_activity_log for insert
  with check (team_id = cast(sluice.current_tenant_id() as uuid) and public.app_is_member(team_id)
              and (user_id is null or user_id = cast(sluice.current_user_id() as uuid)));
grant select on public.app_activity_log to "app_user";
grant insert (team_id, user_id, action, category, severity, details, metadata, ip) on public.app_activity_log to "app_user";
