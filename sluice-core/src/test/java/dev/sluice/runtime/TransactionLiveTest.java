package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Dsl;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@PgTest
class TransactionLiveTest {
  static Database db;
  static PgTestContext ctx;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create table notes (id int primary key, body text not null, kind int not null default 0)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void clean() {
    ctx.execute("truncate notes");
  }

  @AfterEach
  void noConnectionLeaks() {
    PoolLeakCheck.assertNoLeaks(db);
  }

  static void insert(dev.sluice.query.QueryFactory q, int id, String body) {
    q.executor().execute(Sql.sql("insert into notes (id, body) values ({}, {})", id, body).render());
  }

  static long count() {
    return db.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from notes)")).fetchOne();
  }

  @Test
  void commitsWhenTheBodyReturns() {
    String result = db.transaction(tx -> {
      insert(tx, 1, "a");
      insert(tx, 2, "b");
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void rollsBackOnUncheckedException() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 1, "a");
      throw boom;
    })).isSameAs(boom);
    assertThat(count()).isZero();
  }

  @Test
  void rollsBackOnCheckedExceptionAndWrapsIt() {
    IOException io = new IOException("disk");
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 1, "a");
      throw io;
    })).isInstanceOf(TransactionFailedException.class).hasCause(io);
    assertThat(count()).isZero();
  }

  @Test
  void rollsBackWhenAStatementFails() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      insert(tx, 1, "a");
      insert(tx, 1, "duplicate");
      return null;
    })).isInstanceOf(DataAccessException.class).satisfies(e -> assertThat(((DataAccessException) e).isUniqueViolation()).isTrue());
    assertThat(count()).isZero();
  }

  @Test
  void nestedSavepointRollbackKeepsOuterWork() {
    db.transaction(tx -> {
      insert(tx, 1, "outer");
      assertThatThrownBy(() -> tx.transaction(inner -> {
        insert(inner, 2, "inner");
        throw new IllegalArgumentException("inner fails");
      })).isInstanceOf(IllegalArgumentException.class);
      tx.transaction(inner -> {
        insert(inner, 3, "inner ok");
        return null;
      });
      return null;
    });
    assertThat(db.select(Dsl.field(PgTypes.TEXT, "(select string_agg(body, ',' order by id) from notes)")).fetchOne())
        .isEqualTo("outer,inner ok");
  }

  @Test
  void isolationLevelIsActuallySet() {
    for (TransactionOptions.Isolation level : TransactionOptions.Isolation.values()) {
      String shown = db.transaction(TransactionOptions.DEFAULT.withIsolation(level),
          tx -> tx.select(Dsl.field(PgTypes.TEXT, "current_setting('transaction_isolation')")).fetchOne());
      assertThat(shown).isEqualTo(level.sql.toLowerCase());
    }
    String byDefault = db.transaction(tx -> tx.select(Dsl.field(PgTypes.TEXT, "current_setting('transaction_isolation')")).fetchOne());
    assertThat(byDefault).isEqualTo("read committed");
  }

  @Test
  void readOnlyRejectsWritesWith25006() {
    assertThatThrownBy(() -> db.transaction(TransactionOptions.DEFAULT.asReadOnly(), tx -> {
      insert(tx, 1, "a");
      return null;
    })).isInstanceOf(DataAccessException.class)
        .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("25006"));
    assertThat(count()).isZero();
    // the pooled connection is usable read-write again
    db.transaction(tx -> {
      insert(tx, 1, "a");
      return null;
    });
    assertThat(count()).isEqualTo(1);
  }

  /** Classic write skew: each transaction reads one kind and inserts the other; SERIALIZABLE fails one. */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void retryingRetriesARealSerializationFailure() throws Exception {
    ctx.execute("insert into notes (id, body, kind) values (100, 'seed a', 1), (200, 'seed b', 2)");
    CountDownLatch bothRead = new CountDownLatch(2);
    AtomicInteger attempts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> a = pool.submit(() -> skew(bothRead, attempts, 1, 2, 101));
      Future<?> b = pool.submit(() -> skew(bothRead, attempts, 2, 1, 201));
      a.get(20, TimeUnit.SECONDS);
      b.get(20, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    // at least one transaction failed with 40001 and was retried; a retry that starts while the other
    // transaction is still open can conflict with it again, so more than one retry is legitimate
    assertThat(attempts.get()).as("serialization failures were retried").isBetween(3, 6);
    assertThat(count()).isEqualTo(4);
  }

  private static Long skew(CountDownLatch bothRead, AtomicInteger attempts, int readKind, int writeKind, int id) {
    AtomicInteger mine = new AtomicInteger();
    return db.retrying(5, TransactionOptions.serializable(), tx -> {
      attempts.incrementAndGet();
      long n = tx.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from notes where kind = {})", readKind)).fetchOne();
      if (mine.incrementAndGet() == 1) {
        bothRead.countDown();
        if (!bothRead.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("other transaction never read");
      }
      tx.executor().execute(Sql.sql("insert into notes (id, body, kind) values ({}, {}, {})", id, "saw " + n, writeKind).render());
      return n;
    });
  }

  @Test
  void retryingGivesUpAfterMaxAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> db.retrying(3, TransactionOptions.serializable(), tx -> {
      attempts.incrementAndGet();
      insert(tx, attempts.get(), "attempt");
      tx.executeSql("do $$ begin raise exception 'simulated conflict' using errcode = '40001'; end $$");
      return null;
    })).isInstanceOf(TransientDataAccessException.class)
        .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("40001"));
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(count()).isZero();
  }

  @Test
  void retryingDoesNotRetryOtherFailures() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> db.retrying(3, TransactionOptions.DEFAULT, tx -> {
      attempts.incrementAndGet();
      tx.executeSql("select 1/0");
      return null;
    })).isInstanceOf(DataAccessException.class).isNotInstanceOf(TransientDataAccessException.class);
    assertThat(attempts.get()).isEqualTo(1);
  }
}
