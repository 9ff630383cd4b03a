package dev.sluice.kit.migrate;

import dev.sluice.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A fresh database of its own for one test, with small query helpers. */
final class LiveDb implements AutoCloseable {
  final String url;

  LiveDb(String hint) {
    this.url = TestDatabase.get().createDatabase(hint);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  void execute(String... sql) {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String s : sql) st.execute(s);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Rows as "a|b|c" strings. */
  List<String> rows(String sql) {
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          if (i > 1) sb.append('|');
          sb.append(rs.getString(i));
        }
        out.add(sb.toString());
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  String scalar(String sql) {
    List<String> r = rows(sql);
    return r.isEmpty() ? null : r.get(0);
  }

  boolean tableExists(String name) {
    return "t".equals(scalar("select (to_regclass('" + name + "') is not null)::text::char"));
  }

  @Override
  public void close() {
    TestDatabase.get().dropDatabase(url);
  }
}
