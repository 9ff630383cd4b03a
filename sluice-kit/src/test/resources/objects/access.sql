-- grants pg_dump keeps that a pull must not lose: schema public as before PostgreSQL 15,
-- column grants, default privileges in a schema and database-wide
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'acl_pull_reader') THEN
    CREATE ROLE acl_pull_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'acl_pull_owner') THEN
    CREATE ROLE acl_pull_owner NOLOGIN;
  END IF;
END
$$;
GRANT ALL ON SCHEMA public TO PUBLIC;
CREATE SCHEMA acl_app;
GRANT USAGE ON SCHEMA acl_app TO acl_pull_reader;
CREATE TABLE public.acl_film (id integer PRIMARY KEY, title text, secret text, rate numeric);
GRANT INSERT ON public.acl_film TO acl_pull_reader;
-- an ACL lists grantees in the order they were granted, and so does pg_dump; the model sorts them (PUBLIC first)
GRANT SELECT (rate) ON public.acl_film TO PUBLIC;
GRANT SELECT (id, title), UPDATE (title), REFERENCES (id, rate) ON public.acl_film TO acl_pull_reader;
CREATE VIEW acl_app.titles AS SELECT id, title FROM public.acl_film;
GRANT SELECT (title) ON acl_app.titles TO acl_pull_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA acl_app GRANT SELECT ON TABLES TO acl_pull_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE acl_pull_owner IN SCHEMA acl_app GRANT USAGE, SELECT ON SEQUENCES TO acl_pull_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE acl_pull_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE acl_pull_owner REVOKE TRUNCATE, TRIGGER ON TABLES FROM acl_pull_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE acl_pull_owner GRANT USAGE ON TYPES TO acl_pull_reader;
