DROP VIEW public.app_active_projects;

ALTER TABLE public.app_accounts DROP CONSTRAINT app_accounts_user_id_fkey;

ALTER TABLE public.app_comments DROP CONSTRAINT app_comments_author_id_fkey;

ALTER TABLE public.app_comments DROP CONSTRAINT app_comments_project_id_fkey;

ALTER TABLE public.app_comments DROP CONSTRAINT app_comments_task_id_fkey;

ALTER TABLE public.app_comments DROP CONSTRAINT app_comments_team_id_fkey;

ALTER TABLE public.app_notifications DROP CONSTRAINT app_notifications_team_id_fkey;

ALTER TABLE public.app_notifications DROP CONSTRAINT app_notifications_user_id_fkey;

ALTER TABLE public.app_projects DROP CONSTRAINT app_projects_team_id_fkey;

ALTER TABLE public.app_tasks DROP CONSTRAINT app_tasks_assignee_id_fkey;

ALTER TABLE public.app_tasks DROP CONSTRAINT app_tasks_project_id_fkey;

ALTER TABLE public.app_tasks DROP CONSTRAINT app_tasks_team_id_fkey;

ALTER TABLE public.app_team_members DROP CONSTRAINT app_team_members_team_id_fkey;

ALTER TABLE public.app_team_members DROP CONSTRAINT app_team_members_user_id_fkey;

DROP TABLE public.app_accounts;

DROP TABLE public.app_activity_log;

DROP TABLE public.app_comments;

DROP TABLE public.app_notifications;

DROP TABLE public.app_projects;

DROP TABLE public.app_tasks;

DROP TABLE public.app_team_members;

DROP TABLE public.app_teams;

DROP TABLE public.app_users;

DROP TYPE public.app_team_type;

DROP TYPE public.app_task_status;

DROP TYPE public.app_notification_type;

DROP TYPE public.app_notification_channel;

DROP TYPE public.app_member_role;