package dev.sluice.testkit;

import static dev.sluice.testkit.Items.ITEMS;

import dev.sluice.query.Dsl;
import dev.sluice.runtime.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

final class TestDatabases {
  private TestDatabases() {}

  static long count(Database db) {
    return db.select(Dsl.count()).from(ITEMS).fetchOne();
  }

  static String currentDatabase(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select current_database()")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
