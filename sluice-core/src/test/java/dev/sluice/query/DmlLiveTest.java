package dev.sluice.query;

import static dev.sluice.query.DmlTables.Counters.COUNTERS;
import static dev.sluice.query.DmlTables.Staged.STAGED;
import static dev.sluice.query.DmlTables.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.DmlTables.Profile;
import dev.sluice.query.DmlTables.Status;
import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class DmlLiveTest {
  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute(DmlTables.DDL_ENUM, DmlTables.DDL_USERS, DmlTables.DDL_STAGED, DmlTables.DDL_COUNTERS,
        "create unique index staged_email_named on staged (email) where name is not null");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void emptyTables() {
    db.deleteFrom(USERS).all().execute();
    db.deleteFrom(STAGED).all().execute();
    db.deleteFrom(COUNTERS).all().execute();
  }

  record Named(String email, String name) {}

  @Test
  void insertReturningIdGivesTheGeneratedUuid() {
    UUID id = db.insertInto(USERS).set(USERS.email, "a@b.c").returning(USERS.id).fetchOne();
    assertThat(id).isNotNull();
    assertThat(db.select(USERS.email).from(USERS).where(USERS.id.eq(id)).fetchOne()).isEqualTo("a@b.c");
  }

  @Test
  void executeReturnsTheRowCountForManyRows() {
    int n = db.insertInto(USERS).values(List.of(new Named("a", "A"), new Named("b", "B"), new Named("c", null)),
        (row, u) -> row.set(USERS.email, u.email()).set(USERS.name, u.name())).execute();
    assertThat(n).isEqualTo(3);
    assertThat(db.select(USERS.email, USERS.name).from(USERS).orderBy(USERS.email).fetch(Named::new))
        .containsExactly(new Named("a", "A"), new Named("b", "B"), new Named("c", null));
  }

  @Test
  void appSideDefaultIsCalledPerRowAndOnUpdateIsApplied() {
    List<String> tokens = db.insertInto(USERS).set(USERS.email, "a").newRow().set(USERS.email, "b")
        .returning(USERS.token).fetch();
    assertThat(tokens).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(db.select(USERS.updatedAt).from(USERS).where(USERS.email.eq("a")).fetchOne()).isNull();

    int n = db.update(USERS).set(USERS.name, "A").where(USERS.email.eq("a")).execute();
    assertThat(n).isEqualTo(1);
    assertThat(db.select(USERS.updatedAt).from(USERS).where(USERS.email.eq("a")).fetchOne())
        .isEqualTo(OffsetDateTime.parse("2030-01-01T00:00Z"));
  }

  @Test
  void onConflictDoNothingSkipsTheDuplicate() {
    db.insertInto(USERS).set(USERS.email, "a").execute();
    assertThat(db.insertInto(USERS).set(USERS.email, "a").onConflict(USERS.email).doNothing().execute()).isZero();
    assertThat(db.insertInto(USERS).set(USERS.email, "a").onConflictOnConstraint("users_email_key").doNothing()
        .returning(USERS.id).fetch()).isEmpty();
  }

  @Test
  void onConflictDoUpdateUsesExcludedAndItsWhere() {
    db.insertInto(USERS).set(USERS.email, "a").set(USERS.name, "old").newRow().set(USERS.email, "b").setNull(USERS.name)
        .execute();
    List<Named> changed = db.insertInto(USERS)
        .set(USERS.email, "a").set(USERS.name, "new-a").newRow().set(USERS.email, "b").set(USERS.name, "new-b")
        .onConflict(USERS.email).doUpdate().set(USERS.name, Dsl.excluded(USERS.name)).where(USERS.name.isNull())
        .returning(USERS.email, USERS.name).fetch(Named::new);
    assertThat(changed).containsExactly(new Named("b", "new-b"));
    assertThat(db.select(USERS.name).from(USERS).where(USERS.email.eq("a")).fetchOne()).isEqualTo("old");
  }

  @Test
  void onConflictWithAPartialIndexPredicate() {
    db.insertInto(STAGED).set(STAGED.email, "a").set(STAGED.name, "A").execute();
    int n = db.insertInto(STAGED).set(STAGED.email, "a").set(STAGED.name, "A2")
        .onConflict(STAGED.email).where(STAGED.name.isNotNull()).doNothing().execute();
    assertThat(n).isZero();
  }

  @Test
  void insertFromSelect() {
    db.insertInto(STAGED).set(STAGED.email, "x").set(STAGED.name, "X").newRow().set(STAGED.email, "y").set(STAGED.name, "Y").execute();
    int n = db.insertInto(USERS).columns(USERS.email, USERS.name)
        .select(db.select(STAGED.email, STAGED.name).from(STAGED)).execute();
    assertThat(n).isEqualTo(2);
    assertThat(db.select(USERS.name).from(USERS).orderBy(USERS.name).fetch()).containsExactly("X", "Y");
  }

  @Test
  void updateFromAnotherTableReturnsTheChangedRows() {
    db.insertInto(USERS).set(USERS.email, "a").newRow().set(USERS.email, "b").execute();
    db.insertInto(STAGED).set(STAGED.email, "a").set(STAGED.name, "from staging").execute();
    List<Named> rows = db.update(USERS).set(USERS.name, STAGED.name).from(STAGED).where(STAGED.email.eq(USERS.email))
        .returning(USERS.email, USERS.name).fetch(Named::new);
    assertThat(rows).containsExactly(new Named("a", "from staging"));
  }

  @Test
  void deleteUsingAnotherTable() {
    db.insertInto(USERS).set(USERS.email, "a").newRow().set(USERS.email, "b").execute();
    db.insertInto(STAGED).set(STAGED.email, "b").execute();
    List<String> gone = db.deleteFrom(USERS).using(STAGED).where(STAGED.email.eq(USERS.email)).returning(USERS.email).fetch();
    assertThat(gone).containsExactly("b");
    assertThat(db.select(USERS.email).from(USERS).fetch()).containsExactly("a");
  }

  @Test
  void mergeUpdatesDeletesAndInserts() {
    db.insertInto(USERS).set(USERS.email, "keep").set(USERS.name, "old").newRow().set(USERS.email, "drop").setNull(USERS.name)
        .execute();
    db.insertInto(STAGED).set(STAGED.email, "keep").set(STAGED.name, "new").newRow().set(STAGED.email, "drop").setNull(STAGED.name)
        .newRow().set(STAGED.email, "fresh").set(STAGED.name, "F").execute();
    var u = USERS.as("u");
    var s = STAGED.as("s");
    int n = db.mergeInto(u).using(s, s.email.eq(u.email))
        .whenMatched(s.name.isNull()).thenDelete()
        .whenMatched().thenUpdate().set(u.name, s.name)
        .whenNotMatched().thenInsert().set(u.email, s.email).set(u.name, s.name).set(u.status, Status.ACTIVE)
        .execute();
    assertThat(n).isEqualTo(3);
    assertThat(db.select(USERS.email, USERS.name).from(USERS).orderBy(USERS.email).fetch(Named::new))
        .containsExactly(new Named("fresh", "F"), new Named("keep", "new"));
    assertThat(db.select(USERS.updatedAt).from(USERS).where(USERS.email.eq("keep")).fetchOne()).isNotNull();
  }

  @Test
  void generatedAlwaysColumnIsRejectedBeforeSqlAndOverridingAllowsIt() {
    assertThatThrownBy(() -> db.insertInto(COUNTERS).set(COUNTERS.id, 7L).set(COUNTERS.n, 1).execute())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GENERATED ALWAYS AS IDENTITY");
    Long id = db.insertInto(COUNTERS).set(COUNTERS.id, 7L).set(COUNTERS.n, 4).overridingSystemValue()
        .returning(COUNTERS.id).fetchOne();
    assertThat(id).isEqualTo(7L);
    assertThat(db.select(COUNTERS.twice).from(COUNTERS).fetchOne()).isEqualTo(8);
  }

  @Test
  void whereGuardNamesTheFix() {
    Delete d = db.deleteFrom(USERS);
    assertThatThrownBy(() -> d.where(null)).hasMessage("delete from users: where(null); to delete every row call all()");
    db.insertInto(USERS).set(USERS.email, "a").execute();
    assertThat(db.update(USERS).set(USERS.name, "everyone").all().execute()).isEqualTo(1);
  }

  @Test
  void uniqueViolationNamesTheConstraint() {
    db.insertInto(USERS).set(USERS.email, "dup").execute();
    assertThatThrownBy(() -> db.insertInto(USERS).set(USERS.email, "dup").execute())
        .isInstanceOfSatisfying(DataAccessException.class, e -> {
          assertThat(e.isUniqueViolation()).isTrue();
          assertThat(e.constraint()).isEqualTo("users_email_key");
        });
  }

  @Test
  void enumAndJsonbValuesRoundTrip() {
    record Row(Status status, Profile profile) {}
    db.insertInto(USERS).set(USERS.email, "a").set(USERS.status, Status.BLOCKED).set(USERS.profile, new Profile("dark", 3))
        .execute();
    assertThat(db.select(USERS.status, USERS.profile).from(USERS).fetchOne(Row::new))
        .isEqualTo(new Row(Status.BLOCKED, new Profile("dark", 3)));
    Row updated = db.update(USERS).set(USERS.status, Status.ACTIVE).set(USERS.profile, new Profile("light", 1))
        .where(USERS.email.eq("a")).returning(USERS.status, USERS.profile).fetchOne(Row::new);
    assertThat(updated).isEqualTo(new Row(Status.ACTIVE, new Profile("light", 1)));
  }

  @Test
  void returningTheWholeTableAndWithClauseRun() {
    db.insertInto(STAGED).set(STAGED.email, "s1").set(STAGED.name, "S").execute();
    List<Row> rows = db.insertInto(USERS).set(USERS.email, "w").returning().fetchRows();
    assertThat(rows).hasSize(1);
    Cte src = Cte.name("src").as(db.select(STAGED.email).from(STAGED));
    int n = db.with(src).insertInto(USERS).columns(USERS.email).select(db.select(src.field(STAGED.email)).from(src)).execute();
    assertThat(n).isEqualTo(1);
    Cte moved = Cte.name("moved").as(db.deleteFrom(STAGED).all().returning(STAGED.email, STAGED.name));
    int updated = db.with(moved).update(USERS).set(USERS.name, moved.field(STAGED.name))
        .from(moved).where(moved.field(STAGED.email).eq(USERS.email)).execute();
    assertThat(updated).isEqualTo(1);
    assertThat(db.select(USERS.name).from(USERS).where(USERS.email.eq("s1")).fetchOne()).isEqualTo("S");
    assertThat(db.select(Dsl.count()).from(STAGED).fetchOne()).isZero();
  }

  @Test
  void transactionsGetTheStatementsToo() {
    db.transaction(tx -> {
      tx.insertInto(USERS).set(USERS.email, "tx").execute();
      return null;
    });
    assertThat(db.select(Dsl.count()).from(USERS).fetchOne()).isEqualTo(1L);
  }

  @Test
  void aMultiRowInsertWhoseRowsSetDifferentColumnsFillsDefaultForTheMissingOnes() {
    var q = db.insertInto(USERS).set(USERS.email, "a").set(USERS.name, "A")
        .newRow().set(USERS.email, "b")
        .newRow().set(USERS.email, "c").set(USERS.status, Status.BLOCKED);
    assertThat(q.toString()).contains("(email, name, status, token) VALUES (?, ?, DEFAULT, ?), (?, DEFAULT, DEFAULT, ?), (?, DEFAULT, ?::");
    assertThat(q.execute()).isEqualTo(3);
    record Got(String email, String name, Status status) {}
    assertThat(db.select(USERS.email, USERS.name, USERS.status).from(USERS).orderBy(USERS.email).fetch(Got::new))
        .containsExactly(new Got("a", "A", null), new Got("b", null, null), new Got("c", null, Status.BLOCKED));
  }
}
