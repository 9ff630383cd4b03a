package dev.sluice.kit.push;

import dev.sluice.kit.diff.Change;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures, before a push runs, what its changes would do to the rows already there: values a drop
 * would lose, rows that would violate a new NOT NULL, unique key, primary key, check or foreign
 * key, and values that would not convert to a new column type. drizzle-kit answers such cases with
 * "truncate the table?"; Sluice answers with numbers and refuses unless forced.
 *
 * <p>Counting is read-only and runs in the caller's transaction. Conversion checks use a temporary
 * function ({@code pg_temp}) that tries each cast, so no row is changed. Only relations that exist
 * are counted: a table the same push creates holds no rows (checked against {@code pg_class} once,
 * not by catching an error, which would abort the caller's transaction). A plan with no change
 * that can touch rows runs no query at all.
 */
public final class DataLossProbe {
  private DataLossProbe() {}

  private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)|character\\((\\d+)\\)");

  /** The risks of {@code changes} on the database behind {@code c}; changes that risk nothing are left out. */
  public static List<DataRisk> measure(Connection c, List<Change> changes) throws SQLException {
    List<DataRisk> risks = new ArrayList<>();
    if (changes.stream().noneMatch(DataLossProbe::touchesRows)) return risks;
    Set<String> existing = existingTables(c);
    boolean castFunction = false;
    for (Change change : changes) {
      if (change instanceof Change.SetSchema m && m.objectType().equals("TABLE") && existing.contains(m.schema() + "." + m.name())) {
        existing.add(m.newSchema() + "." + m.name()); // moved with its rows
      }
      if (change instanceof Change.RenameTable r && existing.contains(r.schema() + "." + r.from())) {
        existing.add(r.schema() + "." + r.to()); // (its probes name the new name, which does not exist yet: they count 0)
      }
      String table = table(change);
      if (table != null && !existing.contains(table)) continue; // created by this push: no rows yet
      if (change instanceof Change.AddColumn a && addsNotNullWithoutDefault(a.column())) {
        add(risks, change, count(c, "SELECT count(*) FROM " + q(a.schema(), a.table())),
            "row(s) exist and the new column is NOT NULL without a default: ADD COLUMN would fail (23502), even with"
                + " --force; give the column a default, or add it nullable, fill it, then make it NOT NULL", true);
      } else if (change instanceof Change.DropTable d) {
        add(risks, change, count(c, "SELECT count(*) FROM " + q(d.schema(), d.name())), "row(s) would be deleted", false);
      } else if (change instanceof Change.DropColumn d && !d.generated()) {
        add(risks, change, count(c, "SELECT count(*) FROM " + q(d.schema(), d.table()) + " WHERE "
            + Identifiers.quote(d.column()) + " IS NOT NULL"), "non-null value(s) would be lost", false);
      } else if (change instanceof Change.DropSchema d) {
        add(risks, change, schemaRows(c, d.name()), "row(s) in its tables would be deleted", false);
      } else if (change instanceof Change.SetColumnNotNull s && s.notNull()) {
        add(risks, change, count(c, "SELECT count(*) FROM " + q(s.schema(), s.table()) + " WHERE "
            + Identifiers.quote(s.column()) + " IS NULL"), "row(s) are NULL (SET NOT NULL would fail)", true);
      } else if (change instanceof Change.AddUnique u) {
        add(risks, change, duplicates(c, u.schema(), u.table(), u.unique()), "duplicate group(s) (the unique constraint would fail)", true);
      } else if (change instanceof Change.AddPrimaryKey p) {
        UniqueModel asUnique = new UniqueModel(p.primaryKey().name(), p.primaryKey().columns(), true, false, false);
        add(risks, change, duplicates(c, p.schema(), p.table(), asUnique)
            + nulls(c, p.schema(), p.table(), p.primaryKey().columns()), "duplicate or NULL key(s) (the primary key would fail)", true);
      } else if (change instanceof Change.AddCheck a && !a.check().notValid()) {
        add(risks, change, count(c, "SELECT count(*) FROM " + q(a.schema(), a.table()) + " WHERE NOT ("
            + a.check().expression() + ")"), "row(s) violate the check (it would fail)", true);
      } else if (change instanceof Change.AddForeignKey f && !f.foreignKey().notValid()) {
        add(risks, change, orphans(c, f, existing.contains(f.foreignKey().refSchema() + "." + f.foreignKey().refTable())), "row(s) reference missing rows (the foreign key would fail)", true);
      } else if (change instanceof Change.AlterColumnType t) {
        if (!castFunction) {
          createCastFunction(c);
          castFunction = true;
        }
        add(risks, change, unconvertible(c, t), "value(s) would not convert to " + t.toType(), true);
      }
    }
    return risks;
  }

  /** Whether measuring {@code change} needs a query. */
  private static boolean touchesRows(Change change) {
    return change instanceof Change.DropTable || (change instanceof Change.DropColumn d && !d.generated())
        || change instanceof Change.DropSchema || (change instanceof Change.SetColumnNotNull s && s.notNull())
        || change instanceof Change.AddUnique || change instanceof Change.AddPrimaryKey
        || (change instanceof Change.AddCheck a && !a.check().notValid())
        || (change instanceof Change.AddForeignKey f && !f.foreignKey().notValid())
        || change instanceof Change.AlterColumnType
        || (change instanceof Change.AddColumn a && addsNotNullWithoutDefault(a.column()));
  }

  /** NOT NULL with nothing to fill existing rows: no default, identity, serial or generated expression. */
  static boolean addsNotNullWithoutDefault(ColumnModel col) {
    return col.notNull() && col.defaultExpr() == null && col.identity() == null && col.generatedExpr() == null
        && !SERIALS.contains(col.type());
  }

  private static final Set<String> SERIALS = Set.of("serial", "bigserial", "smallserial");

  /** The qualified table a change counts rows of (null for a schema-wide or table-less change). */
  private static String table(Change change) {
    if (change instanceof Change.AddColumn a) return a.schema() + "." + a.table();
    if (change instanceof Change.DropTable d) return d.schema() + "." + d.name();
    if (change instanceof Change.DropColumn d) return d.schema() + "." + d.table();
    if (change instanceof Change.SetColumnNotNull s) return s.schema() + "." + s.table();
    if (change instanceof Change.AddUnique u) return u.schema() + "." + u.table();
    if (change instanceof Change.AddPrimaryKey p) return p.schema() + "." + p.table();
    if (change instanceof Change.AddCheck a) return a.schema() + "." + a.table();
    if (change instanceof Change.AddForeignKey f) return f.schema() + "." + f.table();
    if (change instanceof Change.AlterColumnType t) return t.schema() + "." + t.table();
    return null;
  }

  /** Every table and partitioned table of the database as {@code schema.name}, in one query. */
  private static Set<String> existingTables(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT n.nspname, c.relname"
        + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')")) {
      while (rs.next()) out.add(rs.getString(1) + "." + rs.getString(2));
    }
    return out;
  }

  private static void add(List<DataRisk> risks, Change change, long rows, String effect, boolean fails) {
    if (rows > 0) risks.add(new DataRisk(change.description(), rows, effect, fails));
  }

  private static String q(String schema, String name) {
    return Identifiers.qualify(schema, name);
  }

  /**
   * Runs a count under a savepoint: a column or a referenced table the same push creates (42703,
   * 42P01) counts as 0 rows, and the savepoint keeps the transaction usable for the next count.
   */
  private static long count(Connection c, String sql) throws SQLException {
    Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      long n = rs.getLong(1);
      if (sp != null) c.releaseSavepoint(sp);
      return n;
    } catch (SQLException e) {
      if (sp != null) {
        try {
          c.rollback(sp);
        } catch (SQLException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      if ("42P01".equals(e.getSQLState()) || "42703".equals(e.getSQLState())) return 0; // created earlier in the same push
      throw new SQLException(e.getMessage() + "\n  probe: " + sql, e.getSQLState(), e);
    }
  }

  private static long schemaRows(Connection c, String schema) throws SQLException {
    long total = 0;
    List<String> tables = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT relname FROM pg_class WHERE relnamespace = to_regnamespace(?) AND relkind IN ('r', 'p')")) {
      ps.setString(1, Identifiers.quote(schema));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) tables.add(rs.getString(1));
      }
    }
    for (String t : tables) total += count(c, "SELECT count(*) FROM " + q(schema, t));
    return total;
  }

  private static long duplicates(Connection c, String schema, String table, UniqueModel u) throws SQLException {
    String cols = String.join(", ", u.columns().stream().map(Identifiers::quote).toList());
    String notNull = u.nullsNotDistinct() ? "" : " WHERE " + String.join(" AND ",
        u.columns().stream().map(col -> Identifiers.quote(col) + " IS NOT NULL").toList());
    return count(c, "SELECT count(*) FROM (SELECT 1 FROM " + q(schema, table) + notNull + " GROUP BY " + cols
        + " HAVING count(*) > 1) d");
  }

  private static long nulls(Connection c, String schema, String table, List<String> columns) throws SQLException {
    return count(c, "SELECT count(*) FROM " + q(schema, table) + " WHERE " + String.join(" OR ",
        columns.stream().map(col -> Identifiers.quote(col) + " IS NULL").toList()));
  }

  /** Rows whose key has no match; when the referenced table is created by the same push, it is empty: every non-null key. */
  private static long orphans(Connection c, Change.AddForeignKey f, boolean refExists) throws SQLException {
    var fk = f.foreignKey();
    StringBuilder on = new StringBuilder();
    StringBuilder notNull = new StringBuilder();
    for (int i = 0; i < fk.columns().size(); i++) {
      if (i > 0) {
        on.append(" AND ");
        notNull.append(" AND ");
      }
      on.append("r.").append(Identifiers.quote(fk.refColumns().get(i))).append(" = t.").append(Identifiers.quote(fk.columns().get(i)));
      notNull.append("t.").append(Identifiers.quote(fk.columns().get(i))).append(" IS NOT NULL");
    }
    if (!refExists) return count(c, "SELECT count(*) FROM " + q(f.schema(), f.table()) + " t WHERE " + notNull);
    return count(c, "SELECT count(*) FROM " + q(f.schema(), f.table()) + " t WHERE " + notNull
        + " AND NOT EXISTS (SELECT 1 FROM " + q(fk.refSchema(), fk.refTable()) + " r WHERE " + on + ")");
  }

  private static void createCastFunction(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE FUNCTION pg_temp.sluice_converts(v text, t regtype) RETURNS boolean"
          + " LANGUAGE plpgsql AS $f$ BEGIN EXECUTE format('SELECT %L::%s', v, t); RETURN true;"
          + " EXCEPTION WHEN others THEN RETURN false; END $f$");
    }
  }

  private static long unconvertible(Connection c, Change.AlterColumnType t) throws SQLException {
    String col = Identifiers.quote(t.column());
    Matcher m = VARCHAR.matcher(t.toType());
    if (m.matches()) {
      // an explicit cast to varchar(n) truncates silently; the assignment ALTER TYPE does fails instead
      String n = m.group(1) != null ? m.group(1) : m.group(2);
      return count(c, "SELECT count(*) FROM " + q(t.schema(), t.table()) + " WHERE char_length(" + col + "::text) > " + n);
    }
    Savepoint sp = c.setSavepoint();
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + q(t.schema(), t.table()) + " WHERE " + col
        + " IS NOT NULL AND NOT pg_temp.sluice_converts(" + col + "::text, ?::regtype)")) {
      ps.setString(1, t.toType());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long n = rs.getLong(1);
        c.releaseSavepoint(sp);
        return n;
      }
    } catch (SQLException e) {
      try {
        c.rollback(sp);
      } catch (SQLException cleanup) {
        e.addSuppressed(cleanup);
      }
      if ("42704".equals(e.getSQLState())) return 0; // the new type is created by the same push
      throw e;
    }
  }
}
