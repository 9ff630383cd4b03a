-- Hand-written migration. Statements end with ';'. It runs in one transaction with lock_timeout set.
-- To run it statement by statement in autocommit instead (needed for CONCURRENTLY), add this line to
-- the comments at the top of the file:
--   -- sluice:no-transaction
-- Write the reverse in the .down.sql file if sluice down should be able to undo it.

-- Trigger change capture for the tables that declare auditChanges() (projects): every insert, update and
-- delete lands in sluice.change_log with the actor, even when made outside the application.
-- Generated with ChangeCapture.installSql("sluice", Saas.schema()); SaasMigrationsTest checks it stays in sync.
CREATE SCHEMA IF NOT EXISTS sluice;
CREATE TABLE IF NOT EXISTS sluice.change_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  table_schema text NOT NULL,
  table_name text NOT NULL,
  operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
  primary_key jsonb,
  old_values jsonb,
  new_values jsonb,
  actor_id text,
  tenant_id text,
  transaction_id bigint NOT NULL DEFAULT txid_current(),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS change_log_created_at_brin ON sluice.change_log USING brin (created_at);
CREATE INDEX IF NOT EXISTS change_log_table_key_idx ON sluice.change_log (table_schema, table_name, primary_key);
CREATE OR REPLACE FUNCTION sluice.capture_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $sluice$
DECLARE
  old_row jsonb;
  new_row jsonb;
  old_diff jsonb;
  new_diff jsonb;
  pk jsonb;
  actor text;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  old_diff := old_row;
  new_diff := new_row;
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(n.key, n.value), jsonb_object_agg(n.key, old_row -> n.key)
      INTO new_diff, old_diff
      FROM jsonb_each(new_row) n WHERE n.value IS DISTINCT FROM old_row -> n.key;
    IF new_diff IS NULL THEN RETURN NULL; END IF;
  END IF;
  IF TG_NARGS > 0 THEN
    SELECT jsonb_object_agg(k, coalesce(new_row, old_row) -> k) INTO pk FROM unnest(TG_ARGV) AS k;
  END IF;
  actor := coalesce(nullif(current_setting('app.user_id', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub');
  INSERT INTO sluice.change_log
    (table_schema, table_name, operation, primary_key, old_values, new_values, actor_id, tenant_id)
    VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP, pk,
      CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE old_diff END,
      CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE new_diff END,
      actor, nullif(current_setting('app.tenant_id', true), ''));
  RETURN NULL;
END
$sluice$;
REVOKE ALL ON FUNCTION sluice.capture_change() FROM PUBLIC;
DROP TRIGGER IF EXISTS sluice_capture_changes ON public.app_projects;
CREATE TRIGGER sluice_capture_changes AFTER INSERT OR UPDATE OR DELETE ON public.app_projects FOR EACH ROW EXECUTE FUNCTION sluice.capture_change('id');
