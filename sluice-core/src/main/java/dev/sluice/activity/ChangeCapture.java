package dev.sluice.activity;

import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trigger-based change capture, as a migration snippet: a {@code change_log} table, one PL/pgSQL trigger
 * function and an AFTER INSERT/UPDATE/DELETE row trigger per captured table. Because the database does
 * the logging, changes made outside the application (psql, other services, migrations) are logged too.
 *
 * <p>Each row of {@code <schema>.change_log} holds the table, the operation, the primary key as jsonb,
 * and the row as jsonb: the whole new row for INSERT, the whole old row for DELETE, and for UPDATE only
 * the keys whose values changed (old values in {@code old_values}, new ones in {@code new_values}; an
 * UPDATE that changes nothing is not logged). The actor is read from the tenant context:
 * {@code app.user_id} (else the {@code sub} claim of Supabase's {@code request.jwt.claims}) and
 * {@code app.tenant_id}, stored as text so any id type works; NULL when a change is made by plain SQL.
 * The function is {@code SECURITY DEFINER} with a fixed search_path, so application roles under RLS can
 * be logged without being granted access to the log.
 *
 * <pre>{@code
 * String sql = ChangeCapture.installSql("sluice", PROJECTS, MEMBERS);   // or installSql("sluice", schema)
 * }</pre>
 */
public final class ChangeCapture {
  /** The trigger's name on every captured table. */
  public static final String TRIGGER = "sluice_capture_changes";

  private ChangeCapture() {}

  /** The SQL to capture changes of {@code tables} into {@code <logSchema>.change_log}; idempotent. */
  public static String installSql(String logSchema, Table<?>... tables) {
    return installSql(logSchema, Arrays.asList(tables));
  }

  /** The SQL to capture changes of the tables of {@code schema} that declare {@code auditChanges()}. */
  public static String installSql(String logSchema, Schema schema) {
    return installSql(logSchema, schema.tables().stream().filter(Table::auditsChanges).toList());
  }

  /** The SQL to capture changes of {@code tables} into {@code <logSchema>.change_log}; idempotent. */
  public static String installSql(String logSchema, List<? extends Table<?>> tables) {
    String s = Identifiers.quote(logSchema);
    StringBuilder sql = new StringBuilder();
    sql.append("CREATE SCHEMA IF NOT EXISTS ").append(s).append(";\n");
    sql.append("CREATE TABLE IF NOT EXISTS ").append(s).append(".change_log (\n")
        .append("  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
        .append("  table_schema text NOT NULL,\n")
        .append("  table_name text NOT NULL,\n")
        .append("  operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),\n")
        .append("  primary_key jsonb,\n")
        .append("  old_values jsonb,\n")
        .append("  new_values jsonb,\n")
        .append("  actor_id text,\n")
        .append("  tenant_id text,\n")
        .append("  transaction_id bigint NOT NULL DEFAULT txid_current(),\n")
        .append("  created_at timestamptz NOT NULL DEFAULT now()\n")
        .append(");\n");
    sql.append("CREATE INDEX IF NOT EXISTS change_log_created_at_brin ON ").append(s)
        .append(".change_log USING brin (created_at);\n");
    sql.append("CREATE INDEX IF NOT EXISTS change_log_table_key_idx ON ").append(s)
        .append(".change_log (table_schema, table_name, primary_key);\n");
    sql.append("CREATE OR REPLACE FUNCTION ").append(s).append(".capture_change() RETURNS trigger\n")
        .append("LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $sluice$\n")
        .append("DECLARE\n")
        .append("  old_row jsonb;\n")
        .append("  new_row jsonb;\n")
        .append("  old_diff jsonb;\n")
        .append("  new_diff jsonb;\n")
        .append("  pk jsonb;\n")
        .append("  actor text;\n")
        .append("BEGIN\n")
        .append("  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;\n")
        .append("  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;\n")
        .append("  old_diff := old_row;\n")
        .append("  new_diff := new_row;\n")
        .append("  IF TG_OP = 'UPDATE' THEN\n")
        .append("    SELECT jsonb_object_agg(n.key, n.value), jsonb_object_agg(n.key, old_row -> n.key)\n")
        .append("      INTO new_diff, old_diff\n")
        .append("      FROM jsonb_each(new_row) n WHERE n.value IS DISTINCT FROM old_row -> n.key;\n")
        .append("    IF new_diff IS NULL THEN RETURN NULL; END IF;\n")
        .append("  END IF;\n")
        .append("  IF TG_NARGS > 0 THEN\n")
        .append("    SELECT jsonb_object_agg(k, coalesce(new_row, old_row) -> k) INTO pk FROM unnest(TG_ARGV) AS k;\n")
        .append("  END IF;\n")
        .append("  actor := coalesce(nullif(current_setting('app.user_id', true), ''),\n")
        .append("    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub');\n")
        .append("  INSERT INTO ").append(s).append(".change_log\n")
        .append("    (table_schema, table_name, operation, primary_key, old_values, new_values, actor_id, tenant_id)\n")
        .append("    VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP, pk,\n")
        .append("      CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE old_diff END,\n")
        .append("      CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE new_diff END,\n")
        .append("      actor, nullif(current_setting('app.tenant_id', true), ''));\n")
        .append("  RETURN NULL;\n")
        .append("END\n")
        .append("$sluice$;\n");
    sql.append("REVOKE ALL ON FUNCTION ").append(s).append(".capture_change() FROM PUBLIC;\n");
    for (Table<?> t : tables) {
      String target = qualified(t);
      sql.append("DROP TRIGGER IF EXISTS ").append(TRIGGER).append(" ON ").append(target).append(";\n");
      sql.append("CREATE TRIGGER ").append(TRIGGER).append(" AFTER INSERT OR UPDATE OR DELETE ON ").append(target)
          .append(" FOR EACH ROW EXECUTE FUNCTION ").append(s).append(".capture_change(");
      List<String> args = new ArrayList<>();
      for (var c : t.definition().primaryKey()) args.add(quoteLiteral(c.name()));
      sql.append(String.join(", ", args)).append(");\n");
    }
    return sql.toString();
  }

  /** The SQL that removes the triggers from {@code tables} (the log and function stay, with their history). */
  public static String uninstallSql(Table<?>... tables) {
    StringBuilder sql = new StringBuilder();
    for (Table<?> t : tables) {
      sql.append("DROP TRIGGER IF EXISTS ").append(TRIGGER).append(" ON ").append(qualified(t)).append(";\n");
    }
    return sql.toString();
  }

  private static String qualified(Table<?> t) {
    Table<?> d = t.definition();
    return Identifiers.quote(d.schema()) + "." + Identifiers.quote(d.name());
  }

  /** Trigger arguments are string literals; column names are checked identifiers, quotes doubled anyway. */
  private static String quoteLiteral(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
