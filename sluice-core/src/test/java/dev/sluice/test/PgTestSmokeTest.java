package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

@PgTest
class PgTestSmokeTest {
  @Test
  void eachTestClassGetsAnEmptyDatabaseOfItsOwn(PgTestContext db) throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
        "select current_database(), (select count(*) from pg_tables where schemaname = 'public')")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("sluice_pgtestsmoketest");
      assertThat(rs.getInt(2)).isZero();
    }
  }
}
