ALTER TABLE public.app_tasks DROP CONSTRAINT app_tasks_assignee_id_fkey;

ALTER TABLE public.app_tasks ADD CONSTRAINT app_tasks_team_id_assignee_id_fkey FOREIGN KEY (team_id, assignee_id) REFERENCES public.app_team_members (team_id, user_id) ON DELETE SET NULL (assignee_id) NOT VALID;