CREATE TYPE public.app_member_role AS ENUM ('owner', 'admin', 'member');

CREATE TYPE public.app_notification_channel AS ENUM ('in_app', 'email', 'push');

CREATE TYPE public.app_notification_type AS ENUM ('mention', 'comment', 'invite', 'project_update');

CREATE TYPE public.app_task_status AS ENUM ('todo', 'doing', 'done');

CREATE TYPE public.app_team_type AS ENUM ('personal', 'workspace');

CREATE TABLE public.app_accounts (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  user_id uuid NOT NULL,
  provider text NOT NULL,
  provider_account_id text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT app_accounts_pkey PRIMARY KEY (id),
  CONSTRAINT app_accounts_provider_provider_account_id_key UNIQUE (provider, provider_account_id)
);

CREATE TABLE public.app_activity_log (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  team_id uuid,
  user_id uuid,
  action text NOT NULL,
  category text,
  severity text DEFAULT 'info'::text NOT NULL,
  details text,
  metadata jsonb,
  ip inet,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT app_activity_log_pkey PRIMARY KEY (id, created_at),
  CONSTRAINT app_activity_log_severity_check CHECK (severity IN ('debug', 'info', 'notice', 'warning', 'error', 'critical'))
) PARTITION BY RANGE (created_at);

CREATE TABLE public.app_activity_log_y2025m01 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');

CREATE TABLE public.app_activity_log_y2025m02 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');

CREATE TABLE public.app_activity_log_y2025m03 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-03-01') TO ('2025-04-01');

CREATE TABLE public.app_activity_log_y2025m04 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-04-01') TO ('2025-05-01');

CREATE TABLE public.app_activity_log_y2025m05 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-05-01') TO ('2025-06-01');

CREATE TABLE public.app_activity_log_y2025m06 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-06-01') TO ('2025-07-01');

CREATE TABLE public.app_activity_log_y2025m07 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-07-01') TO ('2025-08-01');

CREATE TABLE public.app_activity_log_y2025m08 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-08-01') TO ('2025-09-01');

CREATE TABLE public.app_activity_log_y2025m09 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-09-01') TO ('2025-10-01');

CREATE TABLE public.app_activity_log_y2025m10 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-10-01') TO ('2025-11-01');

CREATE TABLE public.app_activity_log_y2025m11 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-11-01') TO ('2025-12-01');

CREATE TABLE public.app_activity_log_y2025m12 PARTITION OF public.app_activity_log FOR VALUES FROM ('2025-12-01') TO ('2026-01-01');

CREATE TABLE public.app_activity_log_y2026m01 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');

CREATE TABLE public.app_activity_log_y2026m02 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');

CREATE TABLE public.app_activity_log_y2026m03 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');

CREATE TABLE public.app_activity_log_y2026m04 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-04-01') TO ('2026-05-01');

CREATE TABLE public.app_activity_log_y2026m05 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-05-01') TO ('2026-06-01');

CREATE TABLE public.app_activity_log_y2026m06 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-06-01') TO ('2026-07-01');

CREATE TABLE public.app_activity_log_y2026m07 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-07-01') TO ('2026-08-01');

CREATE TABLE public.app_activity_log_y2026m08 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-08-01') TO ('2026-09-01');

CREATE TABLE public.app_activity_log_y2026m09 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');

CREATE TABLE public.app_activity_log_y2026m10 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');

CREATE TABLE public.app_activity_log_y2026m11 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');

CREATE TABLE public.app_activity_log_y2026m12 PARTITION OF public.app_activity_log FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');

CREATE TABLE public.app_comments (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  team_id uuid NOT NULL,
  author_id uuid NOT NULL,
  project_id uuid,
  task_id uuid,
  body text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT app_comments_pkey PRIMARY KEY (id),
  CONSTRAINT app_comments_one_target_check CHECK (num_nonnulls(project_id, task_id) = 1)
);

CREATE TABLE public.app_notifications (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  user_id uuid NOT NULL,
  team_id uuid,
  channel public.app_notification_channel NOT NULL,
  type public.app_notification_type NOT NULL,
  title text NOT NULL,
  body text,
  read_at timestamp with time zone,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT app_notifications_pkey PRIMARY KEY (id)
);

CREATE TABLE public.app_projects (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  team_id uuid NOT NULL,
  parent_id uuid,
  name text NOT NULL,
  slug text NOT NULL,
  description text,
  metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
  tags text[] DEFAULT '{}'::text[] NOT NULL,
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(name, '') || ' ' || coalesce(description, ''))) STORED,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  deleted_at timestamp with time zone,
  CONSTRAINT app_projects_pkey PRIMARY KEY (id)
);

CREATE TABLE public.app_tasks (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  team_id uuid NOT NULL,
  project_id uuid NOT NULL,
  assignee_id uuid,
  title text NOT NULL,
  status public.app_task_status DEFAULT 'todo'::public.app_task_status NOT NULL,
  due_on date,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT app_tasks_pkey PRIMARY KEY (id)
);

CREATE TABLE public.app_team_members (
  team_id uuid NOT NULL,
  user_id uuid NOT NULL,
  role public.app_member_role DEFAULT 'member'::public.app_member_role NOT NULL,
  joined_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT app_team_members_pkey PRIMARY KEY (team_id, user_id)
);

CREATE TABLE public.app_teams (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  name text NOT NULL,
  slug text NOT NULL,
  type public.app_team_type DEFAULT 'workspace'::public.app_team_type NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT app_teams_pkey PRIMARY KEY (id),
  CONSTRAINT app_teams_slug_key UNIQUE (slug)
);

CREATE TABLE public.app_users (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  email character varying(255) NOT NULL,
  name text NOT NULL,
  avatar_url text,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT app_users_pkey PRIMARY KEY (id),
  CONSTRAINT app_users_email_key UNIQUE (email)
);

ALTER TABLE public.app_accounts ADD CONSTRAINT app_accounts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users (id) ON DELETE CASCADE;

ALTER TABLE public.app_comments ADD CONSTRAINT app_comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.app_users (id) ON DELETE CASCADE;

ALTER TABLE public.app_comments ADD CONSTRAINT app_comments_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.app_projects (id) ON DELETE CASCADE;

ALTER TABLE public.app_comments ADD CONSTRAINT app_comments_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.app_tasks (id) ON DELETE CASCADE;

ALTER TABLE public.app_comments ADD CONSTRAINT app_comments_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.app_teams (id) ON DELETE CASCADE;

ALTER TABLE public.app_notifications ADD CONSTRAINT app_notifications_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.app_teams (id) ON DELETE CASCADE;

ALTER TABLE public.app_notifications ADD CONSTRAINT app_notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users (id) ON DELETE CASCADE;

ALTER TABLE public.app_projects ADD CONSTRAINT app_projects_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.app_projects (id) ON DELETE CASCADE;

ALTER TABLE public.app_projects ADD CONSTRAINT app_projects_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.app_teams (id) ON DELETE CASCADE;

ALTER TABLE public.app_tasks ADD CONSTRAINT app_tasks_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES public.app_users (id) ON DELETE SET NULL;

ALTER TABLE public.app_tasks ADD CONSTRAINT app_tasks_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.app_projects (id) ON DELETE CASCADE;

ALTER TABLE public.app_tasks ADD CONSTRAINT app_tasks_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.app_teams (id) ON DELETE CASCADE;

ALTER TABLE public.app_team_members ADD CONSTRAINT app_team_members_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.app_teams (id) ON DELETE CASCADE;

ALTER TABLE public.app_team_members ADD CONSTRAINT app_team_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users (id) ON DELETE CASCADE;

CREATE INDEX app_accounts_user_id_idx ON public.app_accounts USING btree (user_id);

CREATE INDEX app_activity_log_created_at_brin ON public.app_activity_log USING brin (created_at);

CREATE INDEX app_activity_log_team_id_created_at_idx ON public.app_activity_log USING btree (team_id, created_at);

CREATE INDEX app_comments_author_id_idx ON public.app_comments USING btree (author_id);

CREATE INDEX app_comments_project_id_created_at_idx ON public.app_comments USING btree (project_id, created_at);

CREATE INDEX app_comments_task_id_created_at_idx ON public.app_comments USING btree (task_id, created_at);

CREATE INDEX app_comments_team_id_idx ON public.app_comments USING btree (team_id);

CREATE INDEX app_notifications_team_id_idx ON public.app_notifications USING btree (team_id);

CREATE INDEX app_notifications_user_id_created_at_idx ON public.app_notifications USING btree (user_id, created_at) WHERE (read_at IS NULL);

CREATE INDEX app_notifications_user_id_idx ON public.app_notifications USING btree (user_id);

CREATE INDEX app_projects_metadata_idx ON public.app_projects USING gin (metadata);

CREATE INDEX app_projects_parent_id_idx ON public.app_projects USING btree (parent_id);

CREATE INDEX app_projects_search_vector_idx ON public.app_projects USING gin (search_vector);

CREATE INDEX app_projects_tags_idx ON public.app_projects USING gin (tags);

CREATE INDEX app_projects_team_id_idx ON public.app_projects USING btree (team_id);

CREATE UNIQUE INDEX app_projects_team_id_slug_live_key ON public.app_projects USING btree (team_id, slug) WHERE (deleted_at IS NULL);

CREATE INDEX app_projects_team_id_updated_at_idx ON public.app_projects USING btree (team_id, updated_at) WHERE (deleted_at IS NULL);

CREATE INDEX app_tasks_assignee_id_idx ON public.app_tasks USING btree (assignee_id);

CREATE INDEX app_tasks_project_id_idx ON public.app_tasks USING btree (project_id) INCLUDE (status);

CREATE INDEX app_tasks_team_id_idx ON public.app_tasks USING btree (team_id);

CREATE INDEX app_team_members_user_id_team_id_idx ON public.app_team_members USING btree (user_id, team_id);

CREATE VIEW public.app_active_projects WITH (security_invoker = true) AS
SELECT id, team_id, parent_id, name, slug, tags, updated_at FROM public.app_projects WHERE deleted_at IS NULL;

ALTER TABLE public.app_comments ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

ALTER TABLE public.app_notifications ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

ALTER TABLE public.app_projects ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

ALTER TABLE public.app_tasks ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE POLICY team_membership ON public.app_comments AS RESTRICTIVE FOR ALL TO PUBLIC USING (EXISTS (SELECT 1 FROM public.app_team_members sluice_m WHERE sluice_m.team_id = public.app_comments.team_id AND sluice_m.user_id = CAST(sluice.current_user_id() AS uuid))) WITH CHECK (EXISTS (SELECT 1 FROM public.app_team_members sluice_m WHERE sluice_m.team_id = public.app_comments.team_id AND sluice_m.user_id = CAST(sluice.current_user_id() AS uuid)));

CREATE POLICY tenant_isolation ON public.app_comments AS PERMISSIVE FOR ALL TO PUBLIC USING (team_id = CAST(sluice.current_tenant_id() AS uuid)) WITH CHECK (team_id = CAST(sluice.current_tenant_id() AS uuid));

CREATE POLICY owner_only ON public.app_notifications AS PERMISSIVE FOR ALL TO PUBLIC USING (user_id = CAST(sluice.current_user_id() AS uuid)) WITH CHECK (user_id = CAST(sluice.current_user_id() AS uuid));

CREATE POLICY team_membership ON public.app_projects AS RESTRICTIVE FOR ALL TO PUBLIC USING (EXISTS (SELECT 1 FROM public.app_team_members sluice_m WHERE sluice_m.team_id = public.app_projects.team_id AND sluice_m.user_id = CAST(sluice.current_user_id() AS uuid))) WITH CHECK (EXISTS (SELECT 1 FROM public.app_team_members sluice_m WHERE sluice_m.team_id = public.app_projects.team_id AND sluice_m.user_id = CAST(sluice.current_user_id() AS uuid)));

CREATE POLICY tenant_isolation ON public.app_projects AS PERMISSIVE FOR ALL TO PUBLIC USING (team_id = CAST(sluice.current_tenant_id() AS uuid)) WITH CHECK (team_id = CAST(sluice.current_tenant_id() AS uuid));

CREATE POLICY team_membership ON public.app_tasks AS RESTRICTIVE FOR ALL TO PUBLIC USING (EXISTS (SELECT 1 FROM public.app_team_members sluice_m WHERE sluice_m.team_id = public.app_tasks.team_id AND sluice_m.user_id = CAST(sluice.current_user_id() AS uuid))) WITH CHECK (EXISTS (SELECT 1 FROM public.app_team_members sluice_m WHERE sluice_m.team_id = public.app_tasks.team_id AND sluice_m.user_id = CAST(sluice.current_user_id() AS uuid)));

CREATE POLICY tenant_isolation ON public.app_tasks AS PERMISSIVE FOR ALL TO PUBLIC USING (team_id = CAST(sluice.current_tenant_id() AS uuid)) WITH CHECK (team_id = CAST(sluice.current_tenant_id() AS uuid));