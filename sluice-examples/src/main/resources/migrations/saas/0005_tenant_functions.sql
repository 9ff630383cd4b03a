-- Hand-written migration. Statements end with ';'. It runs in one transaction with lock_timeout set.

-- What the row-level security policies of migration 0006 ask about the caller's teams. The policies of
-- app_team_members and app_users cannot read app_team_members themselves (a policy reading its own
-- table recurses), so they call these SECURITY DEFINER functions, which run as their owner (the owner
-- of the tables, which RLS does not filter since app_team_members enables RLS without forcing it).
-- Each has a fixed search_path (pg_catalog, pg_temp: nothing the caller can shadow) and answers only
-- about the caller (sluice.current_user_id(), set by db.as(...)).

-- The caller's role in a team, NULL when not a member.
create or replace function public.app_team_role(team uuid) returns public.app_member_role
  language sql stable security definer set search_path = pg_catalog, pg_temp
  as $$ select m.role from public.app_team_members m
        where m.team_id = team and m.user_id = sluice.current_user_id()::uuid $$;

-- Whether the caller belongs to a team.
create or replace function public.app_is_member(team uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, pg_temp
  as $$ select public.app_team_role(team) is not null $$;

-- Whether the caller may add, change or remove a member holding target_role: owners manage everyone,
-- admins everyone but owners, members nobody.
create or replace function public.app_can_manage(team uuid, target_role public.app_member_role) returns boolean
  language sql stable security definer set search_path = pg_catalog, pg_temp
  as $$ select case public.app_team_role(team)
                 when 'owner' then true
                 when 'admin' then target_role <> 'owner'
                 else false end $$;

-- Whether the caller shares at least one team with another user (who may then see their profile).
create or replace function public.app_shares_team(other uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, pg_temp
  as $$ select exists (select 1 from public.app_team_members me
                        join public.app_team_members them on them.team_id = me.team_id
                       where me.user_id = sluice.current_user_id()::uuid and them.user_id = other) $$;

-- Creating a team: the app role has no INSERT on app_teams (a new team must start with an owner, and a
-- membership needs an owner or admin to exist), so this function creates the team and makes the caller
-- its owner, in one step. Returns the new team's id.
create or replace function public.app_create_team(team_name text, team_slug text,
    team_type public.app_team_type default 'workspace') returns uuid
  language plpgsql volatile security definer set search_path = pg_catalog, pg_temp
  as $$
  declare
    caller uuid := sluice.current_user_id()::uuid;
    team uuid;
  begin
    if caller is null then
      raise exception 'app_create_team: no current user (act as a user with db.as(...))' using errcode = '42501';
    end if;
    insert into public.app_teams (name, slug, type) values (team_name, team_slug, team_type) returning id into team;
    insert into public.app_team_members (team_id, user_id, role) values (team, caller, 'owner');
    return team;
  end $$;
revoke all on function public.app_create_team(text, text, public.app_team_type) from public;
grant execute on function public.app_create_team(text, text, public.app_team_type) to "app_user";
