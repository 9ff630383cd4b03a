package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Dsl;
import dev.sluice.query.QueryFactory;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction never reports a commit that did not happen: a statement that failed inside it, even
 * when the body caught the exception, makes it roll back and throw with the first failure as cause.
 * A nested savepoint is the way to recover. Covers db/tx/tenant transactions, retrying, insertMany,
 * upsertMany and batch, plus setRollbackOnly and inTransaction.
 */
@PgTest
class TransactionTruthLiveTest {
  static final class Rows extends Table<Rows> {
    static final Rows R = new Rows();
    final Column<Long> id = column("id", PgTypes.BIGINT);
    final Column<String> v = column("v", PgTypes.TEXT);

    private Rows() {
      super("truth_rows");
    }
  }

  static final Rows R = Rows.R;
  static final String ROLE = "sluice_truth_app";
  static Database db;
  static PgTestContext ctx;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    String login = TenancyFixtures.loginUser(pg.jdbcUrl());
    pg.execute("create table truth_rows (id bigint primary key, v text not null)",
        Tenancy.appRoleSql(ROLE, login),
        "grant select, insert, update, delete on truth_rows to " + ROLE);
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void clean() {
    ctx.execute("truncate truth_rows");
  }

  @AfterEach
  void noConnectionLeaks() {
    PoolLeakCheck.assertNoLeaks(db);
  }

  static void insert(QueryFactory q, long id, String v) {
    q.insertInto(R).set(R.id, id).set(R.v, v).execute();
  }

  /** Inserts a duplicate of {@code id} and swallows the unique violation, as a careless body would. */
  static void insertDuplicateAndSwallow(QueryFactory q, long id) {
    try {
      insert(q, id, "dup");
    } catch (DataAccessException ignored) {
      // swallowed on purpose
    }
  }

  static long count() {
    return db.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from truth_rows)")).fetchOne();
  }

  static String values() {
    return db.select(Dsl.field(PgTypes.TEXT, "(select coalesce(string_agg(v, ',' order by id), '') from truth_rows)"))
        .fetchOne();
  }

  static void assertAbortedByUniqueViolation(Throwable e) {
    assertThat(e).isInstanceOf(TransactionAbortedException.class)
        .hasMessageContaining("rolled back, not committed")
        .hasMessageContaining("savepoint");
    TransactionAbortedException t = (TransactionAbortedException) e;
    assertThat(t.sqlState()).isEqualTo("23505");
    assertThat(t.isUniqueViolation()).isTrue();
    assertThat(t.isTransient()).isFalse();
    assertThat(t.getCause()).isInstanceOf(DataAccessException.class)
        .hasMessageContaining("duplicate key")
        .satisfies(c -> assertThat(c.getMessage().toLowerCase()).contains("statement: insert into truth_rows"));
  }

  @Test
  void aSwallowedErrorMakesCommitThrowWithTheFirstFailureAsCause() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 1, "a");
      insertDuplicateAndSwallow(tx, 1);
      return "ok";
    })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation);
    assertThat(count()).isZero();
  }

  @Test
  void theFirstOfSeveralSwallowedErrorsIsTheCause() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 1, "a");
      insertDuplicateAndSwallow(tx, 1);
      try {
        tx.executeSql("select 1/0"); // refused with 25P02: the transaction is already aborted
      } catch (DataAccessException e) {
        assertThat(e.sqlState()).isEqualTo("25P02");
      }
      return null;
    })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation);
    assertThat(count()).isZero();
  }

  @Test
  void aStatementRefusedAfterASwallowedErrorReportsTheSwallowedError() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 1, "a");
      insertDuplicateAndSwallow(tx, 1);
      insert(tx, 2, "b"); // 25P02, not caught
      return null;
    })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation)
        .satisfies(e -> assertThat(e.getSuppressed()).anySatisfy(s ->
            assertThat(((DataAccessException) s).sqlState()).isEqualTo("25P02")));
    assertThat(count()).isZero();
  }

  @Test
  void aFailureThroughTheRawConnectionIsCaughtByTheServerState() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 1, "a");
      try (Statement st = tx.connection().createStatement()) {
        st.execute("insert into truth_rows values (1, 'raw dup')");
      } catch (java.sql.SQLException ignored) {
        // swallowed, outside Sluice's statements
      }
      return null;
    })).isInstanceOf(TransactionAbortedException.class).hasMessageContaining("aborted")
        .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("25P02"));
    assertThat(count()).isZero();
  }

  @Test
  void aFailureRolledBackToItsSavepointDoesNotDoomTheOuterTransaction() {
    String result = db.transaction(tx -> {
      insert(tx, 1, "outer");
      try {
        tx.transaction(inner -> {
          insert(inner, 2, "inner");
          insert(inner, 1, "dup"); // fails: the savepoint is rolled back, the outer goes on
          return null;
        });
      } catch (DataAccessException e) {
        assertThat(e.isUniqueViolation()).isTrue();
      }
      insert(tx, 3, "after");
      return "committed";
    });
    assertThat(result).isEqualTo("committed");
    assertThat(values()).isEqualTo("outer,after");
  }

  @Test
  void aSavepointWhoseBodySwallowedAnErrorRollsBackToItAndThrowsButTheOuterCanCommit() {
    db.transaction(tx -> {
      insert(tx, 1, "outer");
      assertThatThrownBy(() -> tx.transaction(inner -> {
        insert(inner, 2, "inner");
        insertDuplicateAndSwallow(inner, 1);
        return "inner ok?";
      })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation);
      insert(tx, 3, "after");
      return null;
    });
    assertThat(values()).isEqualTo("outer,after");
  }

  @Test
  void retryingNeverCommitsASwallowedErrorAndDoesNotRetryIt() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> db.retrying(3, TransactionOptions.DEFAULT, tx -> {
      attempts.incrementAndGet();
      insert(tx, 1, "a");
      insertDuplicateAndSwallow(tx, 1);
      return null;
    })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(count()).isZero();
  }

  @Test
  void retryingRetriesATransactionDoomedByASwallowedSerializationFailure() {
    AtomicInteger attempts = new AtomicInteger();
    String result = db.retrying(3, TransactionOptions.DEFAULT, tx -> {
      insert(tx, attempts.incrementAndGet(), "attempt");
      if (attempts.get() == 1) {
        try {
          tx.executeSql("do $$ begin raise exception 'simulated conflict' using errcode = '40001'; end $$");
        } catch (DataAccessException swallowed) {
          assertThat(swallowed.isTransient()).isTrue();
        }
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(values()).isEqualTo("attempt"); // only the second attempt's row (id 2)
  }

  @Test
  void aTenantScopeTransactionWithASwallowedErrorThrows() {
    TenantScope scope = db.as(TenantContext.builder().dbRole(ROLE).userId("u1").build());
    assertThatThrownBy(() -> scope.transaction(tx -> {
      insert(tx, 1, "a");
      insertDuplicateAndSwallow(tx, 1);
      return null;
    })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation);
    assertThatThrownBy(() -> scope.inTransaction(tx -> {
      insert(tx, 1, "a");
      insertDuplicateAndSwallow(tx, 1);
    })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation);
    assertThat(count()).isZero();
    scope.inTransaction(tx -> insert(tx, 5, "tenant"));
    assertThat(values()).isEqualTo("tenant");
  }

  @Test
  void aSwallowedInsertManyFailureMakesCommitThrow() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 1, "a");
      try {
        tx.insertMany(R, List.of(2L, 1L), (row, id) -> row.set(R.id, id).set(R.v, "many"));
      } catch (DataAccessException ignored) {
        // swallowed
      }
      return null;
    })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation);
    assertThat(count()).isZero();
  }

  @Test
  void aSwallowedCopyPathInsertManyFailureMakesCommitThrow() {
    List<Long> ids = IntStream.rangeClosed(1, 600).mapToObj(i -> (long) i).toList(); // COPY path
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 600, "a");
      try {
        tx.insertMany(R, ids, (row, id) -> row.set(R.id, id).set(R.v, "copy"));
      } catch (DataAccessException ignored) {
        // swallowed
      }
      return null;
    })).isInstanceOf(TransactionAbortedException.class)
        .satisfies(e -> assertThat(((DataAccessException) e).isUniqueViolation()).isTrue());
    assertThat(count()).isZero();
  }

  @Test
  void aSwallowedUpsertManyFailureMakesCommitThrow() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 9, "a");
      try {
        // the same key twice in one call: ON CONFLICT DO UPDATE cannot affect a row twice (21000)
        tx.upsertMany(R, List.of(1L, 1L), (row, id) -> row.set(R.id, id).set(R.v, "up"), R.id);
      } catch (DataAccessException ignored) {
        // swallowed
      }
      return null;
    })).isInstanceOf(TransactionAbortedException.class)
        .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("21000"));
    assertThat(count()).isZero();
  }

  @Test
  void aSwallowedBatchFailureMakesCommitThrow() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 1, "a");
      try {
        tx.batch(List.of(Sql.sql("insert into truth_rows values ({}, {})", 2L, "b"),
            Sql.sql("insert into truth_rows values ({}, {})", 1L, "dup")));
      } catch (DataAccessException ignored) {
        // swallowed
      }
      return null;
    })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation);
    assertThat(count()).isZero();
  }

  @Test
  void aFailedBatchOutsideATransactionWritesNothing() {
    assertThatThrownBy(() -> db.batch(List.of(Sql.sql("insert into truth_rows values ({}, {})", 1L, "a"),
        Sql.sql("insert into truth_rows values ({}, {})", 1L, "dup"))))
        .isInstanceOf(DataAccessException.class)
        .satisfies(e -> assertThat(((DataAccessException) e).isUniqueViolation()).isTrue());
    assertThat(count()).isZero();
  }

  @Test
  void setRollbackOnlyRollsBackAndReturnsTheBodysResult() {
    String result = db.transaction(tx -> {
      insert(tx, 1, "a");
      tx.setRollbackOnly();
      assertThat(tx.isRollbackOnly()).isTrue();
      return "dry run";
    });
    assertThat(result).isEqualTo("dry run");
    assertThat(count()).isZero();
  }

  @Test
  void setRollbackOnlyInsideASavepointRollsBackOnlyThatSavepoint() {
    db.inTransaction(tx -> {
      insert(tx, 1, "outer");
      String inner = tx.transaction(sp -> {
        insert(sp, 2, "inner");
        sp.setRollbackOnly();
        return "inner result";
      });
      assertThat(inner).isEqualTo("inner result");
      assertThat(tx.isRollbackOnly()).isFalse();
      insert(tx, 3, "after");
    });
    assertThat(values()).isEqualTo("outer,after");
  }

  @Test
  void inTransactionCommitsABodyWithNoResultAndRollsBackOnFailure() {
    db.inTransaction(tx -> insert(tx, 1, "a"));
    db.inTransaction(TransactionOptions.DEFAULT, tx -> tx.inTransaction(sp -> insert(sp, 2, "b")));
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> db.inTransaction(tx -> {
      insert(tx, 3, "c");
      throw boom;
    })).isSameAs(boom);
    assertThatThrownBy(() -> db.inTransaction(tx -> {
      insert(tx, 4, "d");
      insertDuplicateAndSwallow(tx, 4);
    })).satisfies(TransactionTruthLiveTest::assertAbortedByUniqueViolation);
    assertThat(values()).isEqualTo("a,b");
  }
}
