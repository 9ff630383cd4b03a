DROP POLICY owner_only ON public.app_accounts;

DROP POLICY author_is_caller ON public.app_comments;

DROP POLICY managers_delete_or_leave ON public.app_team_members;

DROP POLICY managers_insert ON public.app_team_members;

DROP POLICY managers_update ON public.app_team_members;

DROP POLICY members_read ON public.app_team_members;

DROP POLICY managers_update ON public.app_teams;

DROP POLICY members_read ON public.app_teams;

DROP POLICY self_insert ON public.app_users;

DROP POLICY self_or_teammates_read ON public.app_users;

DROP POLICY self_update ON public.app_users;

ALTER TABLE public.app_comments DROP CONSTRAINT app_comments_team_id_project_id_fkey;

ALTER TABLE public.app_comments DROP CONSTRAINT app_comments_team_id_task_id_fkey;

ALTER TABLE public.app_projects DROP CONSTRAINT app_projects_team_id_parent_id_fkey;

ALTER TABLE public.app_tasks DROP CONSTRAINT app_tasks_team_id_project_id_fkey;

ALTER TABLE public.app_projects DROP CONSTRAINT app_projects_team_id_id_key;

ALTER TABLE public.app_tasks DROP CONSTRAINT app_tasks_team_id_id_key;

ALTER TABLE public.app_comments ADD CONSTRAINT app_comments_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.app_projects (id) ON DELETE CASCADE;

ALTER TABLE public.app_comments ADD CONSTRAINT app_comments_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.app_tasks (id) ON DELETE CASCADE;

ALTER TABLE public.app_projects ADD CONSTRAINT app_projects_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.app_projects (id) ON DELETE CASCADE;

ALTER TABLE public.app_tasks ADD CONSTRAINT app_tasks_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.app_projects (id) ON DELETE CASCADE;

CREATE INDEX app_projects_team_id_idx ON public.app_projects USING btree (team_id);

CREATE INDEX app_tasks_team_id_idx ON public.app_tasks USING btree (team_id);

ALTER TABLE public.app_accounts DISABLE ROW LEVEL SECURITY;

ALTER TABLE public.app_team_members DISABLE ROW LEVEL SECURITY;

ALTER TABLE public.app_teams DISABLE ROW LEVEL SECURITY;

ALTER TABLE public.app_users DISABLE ROW LEVEL SECURITY;