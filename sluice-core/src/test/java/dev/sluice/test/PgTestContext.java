package dev.sluice.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The fresh database of one test class. */
public final class PgTestContext {
  private final String jdbcUrl;

  PgTestContext(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** JDBC URL (with credentials) of this class's database. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** A new plain JDBC connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl);
  }

  /** Runs SQL statements on a fresh connection (autocommit). */
  public void execute(String... sql) {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String s : sql) st.execute(s);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The server hosting this database. */
  public TestDatabase server() {
    return TestDatabase.get();
  }
}
