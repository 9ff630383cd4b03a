ALTER TABLE public.app_comments DROP CONSTRAINT app_comments_project_id_fkey;

ALTER TABLE public.app_comments DROP CONSTRAINT app_comments_task_id_fkey;

ALTER TABLE public.app_projects DROP CONSTRAINT app_projects_parent_id_fkey;

ALTER TABLE public.app_tasks DROP CONSTRAINT app_tasks_project_id_fkey;

DROP INDEX public.app_projects_team_id_idx;

DROP INDEX public.app_tasks_team_id_idx;

ALTER TABLE public.app_projects ADD CONSTRAINT app_projects_team_id_id_key UNIQUE (team_id, id);

ALTER TABLE public.app_tasks ADD CONSTRAINT app_tasks_team_id_id_key UNIQUE (team_id, id);

ALTER TABLE public.app_comments ADD CONSTRAINT app_comments_team_id_project_id_fkey FOREIGN KEY (team_id, project_id) REFERENCES public.app_projects (team_id, id) ON DELETE CASCADE;

ALTER TABLE public.app_comments ADD CONSTRAINT app_comments_team_id_task_id_fkey FOREIGN KEY (team_id, task_id) REFERENCES public.app_tasks (team_id, id) ON DELETE CASCADE;

ALTER TABLE public.app_projects ADD CONSTRAINT app_projects_team_id_parent_id_fkey FOREIGN KEY (team_id, parent_id) REFERENCES public.app_projects (team_id, id) ON DELETE CASCADE;

ALTER TABLE public.app_tasks ADD CONSTRAINT app_tasks_team_id_project_id_fkey FOREIGN KEY (team_id, project_id) REFERENCES public.app_projects (team_id, id) ON DELETE CASCADE;

ALTER TABLE public.app_accounts ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.app_team_members ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.app_teams ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.app_users ENABLE ROW LEVEL SECURITY;

CREATE POLICY owner_only ON public.app_accounts AS PERMISSIVE FOR ALL TO PUBLIC USING (user_id = CAST(sluice.current_user_id() AS uuid)) WITH CHECK (user_id = CAST(sluice.current_user_id() AS uuid));

CREATE POLICY author_is_caller ON public.app_comments AS RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK (author_id = CAST(sluice.current_user_id() AS uuid));

CREATE POLICY managers_delete_or_leave ON public.app_team_members AS PERMISSIVE FOR DELETE TO PUBLIC USING (team_id = CAST(sluice.current_tenant_id() AS uuid) AND (public.app_can_manage(team_id, role) OR user_id = CAST(sluice.current_user_id() AS uuid)));

CREATE POLICY managers_insert ON public.app_team_members AS PERMISSIVE FOR INSERT TO PUBLIC WITH CHECK (team_id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_can_manage(team_id, role));

CREATE POLICY managers_update ON public.app_team_members AS PERMISSIVE FOR UPDATE TO PUBLIC USING (team_id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_can_manage(team_id, role)) WITH CHECK (team_id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_can_manage(team_id, role));

CREATE POLICY members_read ON public.app_team_members AS PERMISSIVE FOR SELECT TO PUBLIC USING (user_id = CAST(sluice.current_user_id() AS uuid) OR public.app_is_member(team_id));

CREATE POLICY managers_update ON public.app_teams AS PERMISSIVE FOR UPDATE TO PUBLIC USING (id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_team_role(id) IN ('owner', 'admin')) WITH CHECK (id = CAST(sluice.current_tenant_id() AS uuid) AND public.app_team_role(id) IN ('owner', 'admin'));

CREATE POLICY members_read ON public.app_teams AS PERMISSIVE FOR SELECT TO PUBLIC USING (public.app_is_member(id));

CREATE POLICY self_insert ON public.app_users AS PERMISSIVE FOR INSERT TO PUBLIC WITH CHECK (id = CAST(sluice.current_user_id() AS uuid));

CREATE POLICY self_or_teammates_read ON public.app_users AS PERMISSIVE FOR SELECT TO PUBLIC USING (id = CAST(sluice.current_user_id() AS uuid) OR public.app_shares_team(id));

CREATE POLICY self_update ON public.app_users AS PERMISSIVE FOR UPDATE TO PUBLIC USING (id = CAST(sluice.current_user_id() AS uuid)) WITH CHECK (id = CAST(sluice.current_user_id() AS uuid));