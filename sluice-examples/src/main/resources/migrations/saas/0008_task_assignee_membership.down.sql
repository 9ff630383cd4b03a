ALTER TABLE public.app_tasks DROP CONSTRAINT app_tasks_team_id_assignee_id_fkey;

ALTER TABLE public.app_tasks ADD CONSTRAINT app_tasks_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES public.app_users (id) ON DELETE SET NULL;