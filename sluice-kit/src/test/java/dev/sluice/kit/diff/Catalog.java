package dev.sluice.kit.diff;

import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Tiny query helpers for the live tests' pg_catalog checks. */
final class Catalog {
  private Catalog() {}

  /** The first column of every row, as text. */
  static List<String> column(PgTestContext db, String sql) {
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) out.add(rs.getString(1));
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
    }
  }

  /** The single value the query returns, as text. */
  static String value(PgTestContext db, String sql) {
    List<String> col = column(db, sql);
    if (col.size() != 1) throw new IllegalStateException("expected one row, got " + col + " from: " + sql);
    return col.get(0);
  }

  /** Executes each rendered statement in order, naming the failing one. */
  static void apply(PgTestContext db, List<String> statements) {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      for (String s : statements) {
        try {
          st.execute(s);
        } catch (SQLException e) {
          throw new IllegalStateException(e.getMessage() + "\nin statement:\n" + s, e);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
