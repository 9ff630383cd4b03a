package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code db.insertMany} of COPY size from a plain {@link Database} whose connections act as a role
 * subject to row-level security (no tenant scope): the COPY is sent first, outside a transaction, and
 * PostgreSQL refuses it (0A000, {@code COPY FROM not supported with row-level security}); the rows must
 * then go as a batch with every row checked by the policies, none lost from a streamed input, and a
 * COPY refused for any other reason must report that reason.
 */
@PgTest
class BulkInsertUnderRowSecurityLiveTest {
  static final String ROLE = "sluice_bulk_rls_" + UUID.randomUUID().toString().substring(0, 8);

  static final class Notes extends Table<Notes> {
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> owner = text("owner").notNull();
    final Column<String> body = text("body");

    Notes(String name) {
      super(name);
    }
  }

  /** RLS: each row's owner must be the current role. */
  static final Notes NOTES = new Notes("rls_notes");
  /** No RLS: COPY is allowed for the role. */
  static final Notes OPEN = new Notes("open_notes");
  /** No INSERT granted to the role. */
  static final Notes LOCKED = new Notes("locked_notes");

  static PgTestContext ctx;
  static HikariDataSource asRole;
  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create role " + ROLE + " nologin");
    for (String t : List.of("rls_notes", "open_notes", "locked_notes")) {
      pg.execute("create table " + t + " (id bigint primary key, owner text not null, body text)");
    }
    pg.execute("alter table rls_notes enable row level security",
        "create policy mine on rls_notes using (owner = current_user) with check (owner = current_user)",
        "grant select, insert on rls_notes, open_notes to " + ROLE,
        "grant select on locked_notes to " + ROLE);
    asRole = pool(false);
    db = Database.of(asRole);
  }

  /** A plain pool (no session reset) whose connections act as the role from the start. */
  static HikariDataSource pool(boolean autoCommitOff) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(ctx.jdbcUrl());
    c.setMaximumPoolSize(2);
    c.setConnectionInitSql("set role " + ROLE);
    if (autoCommitOff) c.setAutoCommit(false);
    return new HikariDataSource(c);
  }

  @AfterAll
  static void tearDown() {
    asRole.close();
    ctx.execute("drop table rls_notes, open_notes, locked_notes", "drop role " + ROLE);
  }

  @BeforeEach
  void clean() {
    ctx.execute("truncate rls_notes, open_notes, locked_notes");
  }

  static long count(String table, String where) {
    try (Connection c = ctx.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table + " where " + where)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Long> ids(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> (long) i).toList();
  }

  @Test
  void aRefusedCopyGoesAsABatchThatThePoliciesCheckRowByRow() {
    assertThat(db.insertMany(NOTES, ids(600), (row, id) -> row.set(NOTES.id, id).set(NOTES.owner, ROLE)
        .set(NOTES.body, "note " + id))).isEqualTo(600);
    assertThat(count("rls_notes", "owner = '" + ROLE + "'")).isEqualTo(600);

    // one row for someone else: the policy refuses it and the whole call is undone
    assertThatThrownBy(() -> db.insertMany(NOTES, ids(1200).subList(600, 1200), (row, id) -> row.set(NOTES.id, id)
        .set(NOTES.owner, id == 1100 ? "someone_else" : ROLE)))
        .isInstanceOfSatisfying(DataAccessException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("42501");
          assertThat(e.getMessage()).contains("row-level security");
        });
    assertThat(count("rls_notes", "id > 600")).isZero();
  }

  @Test
  void aStreamedInputLosesNoRowWhenTheCopyIsRefused() {
    long n = db.insertMany(NOTES, IntStream.rangeClosed(1, 3000).mapToObj(i -> (long) i),
        (row, id) -> row.set(NOTES.id, id).set(NOTES.owner, ROLE));
    assertThat(n).isEqualTo(3000);
    assertThat(count("rls_notes", "true")).isEqualTo(3000);
    assertThat(count("rls_notes", "id = 1 or id = 500 or id = 501 or id = 3000")).isEqualTo(4);
  }

  @Test
  void insideATransactionTheRowsGoAsABatchAndTheTransactionCommits() {
    long n = db.transaction(tx -> {
      long inserted = tx.insertMany(NOTES, ids(700), (row, id) -> row.set(NOTES.id, id).set(NOTES.owner, ROLE));
      assertThat(tx.insertMany(OPEN, ids(600), (row, id) -> row.set(OPEN.id, id).set(OPEN.owner, "anyone")))
          .isEqualTo(600);
      return inserted;
    });
    assertThat(n).isEqualTo(700);
    assertThat(count("rls_notes", "true")).isEqualTo(700);
    assertThat(count("open_notes", "true")).isEqualTo(600);
  }

  @Test
  void aCopyRefusedForAnotherReasonReportsThatReason() {
    assertThatThrownBy(() -> db.insertMany(LOCKED, ids(600), (row, id) -> row.set(LOCKED.id, id).set(LOCKED.owner, ROLE)))
        .isInstanceOfSatisfying(DataAccessException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("42501");
          assertThat(e.getMessage()).contains("permission denied").contains("COPY");
        });
    assertThat(count("locked_notes", "true")).isZero();
    // the connection went back usable
    assertThat(db.insertMany(OPEN, ids(600), (row, id) -> row.set(OPEN.id, id).set(OPEN.owner, "anyone"))).isEqualTo(600);
  }

  @Test
  void aCopyFromAPoolWithoutAutocommitIsCommitted() {
    try (HikariDataSource manual = pool(true)) {
      Database noAutocommit = Database.of(manual);
      assertThat(noAutocommit.insertMany(OPEN, ids(600), (row, id) -> row.set(OPEN.id, id).set(OPEN.owner, "anyone")))
          .isEqualTo(600);
      assertThat(count("open_notes", "true")).isEqualTo(600);
      assertThat(noAutocommit.insertMany(NOTES, ids(600), (row, id) -> row.set(NOTES.id, id).set(NOTES.owner, ROLE)))
          .isEqualTo(600);
      assertThat(count("rls_notes", "true")).isEqualTo(600);
    }
  }
}
