package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@PgTest
class StatementObserverTest {
  /** Records "sql -> outcome" for each statement. */
  static final class Recorder implements StatementObserver {
    final List<String> events = new ArrayList<>();

    @Override
    public Handle start(String sql) {
      return new Handle() {
        @Override
        public void success(int rows) {
          events.add(sql + " -> " + rows);
        }

        @Override
        public void failure(Throwable error) {
          events.add(sql + " -> failed " + error.getClass().getSimpleName());
        }
      };
    }
  }

  static dev.sluice.sql.Rendered sql(String text) {
    return Sql.raw(text).render();
  }

  @Test
  void statementsInAndOutOfTransactionsBatchesAndFailuresAreAllReported(PgTestContext pg) {
    Recorder recorder = new Recorder();
    try (Database plain = Database.connect(pg.jdbcUrl())) {
      Database db = plain.observedBy(recorder);
      db.executor().execute(sql("create table observed (id int primary key)"));
      db.executor().execute(sql("insert into observed values (1)"));
      db.inTransaction(tx -> tx.executor().query(sql("select id from observed"), rs -> rs.getInt(1)));
      db.batch(List.of(Sql.raw("insert into observed values (2)"), Sql.raw("insert into observed values (3)")));
      assertThatThrownBy(() -> db.executor().execute(sql("insert into observed values (1)"))).isInstanceOf(DataAccessException.class);
      plain.executor().execute(sql("select 1"));
    }
    assertThat(recorder.events).containsExactly(
        "create table observed (id int primary key) -> 0",
        "insert into observed values (1) -> 1",
        "select id from observed -> 1",
        "insert into observed values (2) -> 1",
        "insert into observed values (3) -> 1",
        "insert into observed values (1) -> failed DataAccessException");
  }
}
