package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Dsl;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLogger;

/**
 * Statements are logged at DEBUG on "dev.sluice.sql" with their time, failures too. slf4j-simple
 * fixes a logger's level when it is created (maybe by an earlier test class in this JVM), so the test
 * switches the level of that logger instance to DEBUG and captures System.err, where it writes.
 */
@PgTest
@Isolated
class SqlLoggingLiveTest {
  static Database db;
  final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  PrintStream originalErr;
  int originalLevel;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create table logged (id int primary key)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  static java.lang.reflect.Field levelField() throws Exception {
    java.lang.reflect.Field f = SimpleLogger.class.getDeclaredField("currentLogLevel");
    f.setAccessible(true);
    return f;
  }

  @BeforeEach
  void captureDebugLog() throws Exception {
    SimpleLogger logger = (SimpleLogger) LoggerFactory.getLogger("dev.sluice.sql");
    originalLevel = levelField().getInt(logger);
    levelField().setInt(logger, org.slf4j.spi.LocationAwareLogger.DEBUG_INT);
    originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() throws Exception {
    System.setErr(originalErr);
    levelField().setInt(LoggerFactory.getLogger("dev.sluice.sql"), originalLevel);
  }

  String log() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void successfulStatementsAreLoggedWithTimingRowsAndTheBindCountNotTheValues() {
    db.select(Dsl.field(PgTypes.INTEGER, "{} + 1", 41)).fetchOne();
    assertThat(log()).containsPattern("DEBUG dev\\.sluice\\.sql - \\d+\\.\\d{3} ms, 1 row\\(s\\): SELECT \\? \\+ 1.* -- 1 bind\\(s\\)")
        .doesNotContain("41");
  }

  @Test
  void bindValuesAreLoggedOnlyWithTheSluiceLogBindsProperty() {
    System.setProperty("sluice.log.binds", "true");
    try {
      db.select(Dsl.field(PgTypes.INTEGER, "{} + 1", 41)).fetchOne();
    } finally {
      System.clearProperty("sluice.log.binds");
    }
    assertThat(log()).containsPattern("DEBUG dev\\.sluice\\.sql - \\d+\\.\\d{3} ms, 1 row\\(s\\): SELECT \\? \\+ 1.* -- \\[41\\]");
  }

  @Test
  void aStatementSlowerThanTheThresholdIsLoggedAtWarnEvenWithoutDebug() throws Exception {
    levelField().setInt(LoggerFactory.getLogger("dev.sluice.sql"), org.slf4j.spi.LocationAwareLogger.WARN_INT);
    System.setProperty("sluice.log.slowQueryMs", "20");
    try {
      db.select(Dsl.field(PgTypes.INTEGER, "(select 1 from pg_sleep({}))", 0.05)).fetchOne();
      db.select(Dsl.field(PgTypes.INTEGER, "{} + 1", 1)).fetchOne(); // fast: nothing at WARN, no DEBUG
    } finally {
      System.clearProperty("sluice.log.slowQueryMs");
    }
    assertThat(log()).containsPattern("WARN dev\\.sluice\\.sql - slow statement \\(\\d+\\.\\d{3} ms, threshold 20 ms,"
        + " 1 row\\(s\\)\\): SELECT \\(select 1 from pg_sleep\\(\\?\\)\\) -- 1 bind\\(s\\)");
    assertThat(log().lines().count()).isEqualTo(1);
  }

  @Test
  void failuresAreLoggedAtDebugWithSqlStateAndSql() {
    assertThatThrownBy(() -> db.select(Dsl.field(PgTypes.INTEGER, "1 / {}", 0)).fetchOne()).isInstanceOf(DataAccessException.class);
    assertThat(log()).containsPattern("DEBUG dev\\.sluice\\.sql - \\d+\\.\\d{3} ms, FAILED \\[SQLSTATE 22012\\] .*division by zero.*: SELECT 1 / \\?");
  }

  @Test
  void batchesLogOneLinePerRoundTrip() {
    db.batch(List.of(Sql.sql("insert into logged values ({})", 1), Sql.sql("insert into logged values ({})", 2),
        Sql.sql("delete from logged where id = {}", 1)));
    assertThat(log()).containsPattern("\\d+\\.\\d{3} ms, batch of 2: insert into logged values \\(\\?\\)")
        .containsPattern("\\d+\\.\\d{3} ms, batch of 1: delete from logged");
  }
}
