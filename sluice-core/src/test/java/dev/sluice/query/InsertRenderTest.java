package dev.sluice.query;

import static dev.sluice.query.DmlTables.Counters.COUNTERS;
import static dev.sluice.query.DmlTables.Staged.STAGED;
import static dev.sluice.query.DmlTables.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.DmlTables.Profile;
import dev.sluice.query.DmlTables.Status;
import dev.sluice.query.DmlTables.Users;
import dev.sluice.sql.Rendered;
import dev.sluice.test.Javac;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InsertRenderTest {
  static final QueryFactory q = Dsl.query();

  @BeforeEach
  void resetTokens() {
    DmlTables.TOKENS.set(0);
  }

  @Test
  void oneRowBindsEachValueWithItsColumnTypeAndAddsAppDefaults() {
    Rendered r = q.insertInto(USERS).set(USERS.email, "a@b.c").set(USERS.status, Status.ACTIVE)
        .set(USERS.profile, new Profile("dark", 2)).render();
    assertThat(r.sql()).isEqualTo("INSERT INTO users (email, status, profile, token) VALUES (?, ?::public.user_status, ?, ?)");
    assertThat(r.values()).containsExactly("a@b.c", Status.ACTIVE, new Profile("dark", 2), "t1");
  }

  @Test
  void fieldValuesRenderAsExpressions() {
    Rendered r = q.insertInto(USERS).set(USERS.email, "x").set(USERS.name, Dsl.field(dev.sluice.types.PgTypes.TEXT, "upper({})", "n")).render();
    assertThat(r.sql()).isEqualTo("INSERT INTO users (email, name, token) VALUES (?, upper(?), ?)");
    assertThat(r.values()).containsExactly("x", "n", "t1");
  }

  @Test
  void manyRowsFromAListCallTheDefaultFunctionPerRow() {
    record U(String email, String name) {}
    Rendered r = q.insertInto(USERS).values(List.of(new U("a", "A"), new U("b", "B")),
        (row, u) -> row.set(USERS.email, u.email()).set(USERS.name, u.name())).render();
    assertThat(r.sql()).isEqualTo("INSERT INTO users (email, name, token) VALUES (?, ?, ?), (?, ?, ?)");
    assertThat(r.values()).containsExactly("a", "A", "t1", "b", "B", "t2");
  }

  @Test
  void newRowChainsRowsAndSetDefaultWritesDefault() {
    Rendered r = q.insertInto(USERS).set(USERS.email, "a").set(USERS.name, "A")
        .newRow().set(USERS.name, "B").set(USERS.email, "b").newRow().set(USERS.email, "c").setDefault(USERS.name).render();
    assertThat(r.sql()).isEqualTo("INSERT INTO users (email, name, token) VALUES (?, ?, ?), (?, ?, ?), (?, DEFAULT, ?)");
    assertThat(r.values()).containsExactly("a", "A", "t1", "b", "B", "t2", "c", "t3");
  }

  @Test
  void setDefaultOnAColumnWithADefaultFunctionCallsIt() {
    Rendered r = q.insertInto(USERS).set(USERS.email, "a").setDefault(USERS.token).render();
    assertThat(r.sql()).isEqualTo("INSERT INTO users (email, token) VALUES (?, ?)");
    assertThat(r.values()).containsExactly("a", "t1");
  }

  @Test
  void rowsSettingDifferentColumnsGetDefaultForTheColumnsTheyLeaveOut() {
    Rendered r = q.insertInto(USERS).set(USERS.email, "a").set(USERS.name, "A").newRow().set(USERS.email, "b").render();
    assertThat(r.sql()).isEqualTo("INSERT INTO users (email, name, token) VALUES (?, ?, ?), (?, DEFAULT, ?)");
  }

  @Test
  void emptyValuesListIsAnError() {
    assertThatThrownBy(() -> q.insertInto(USERS).values(List.<String>of(), (row, s) -> row.set(USERS.email, s)).render())
        .hasMessage("insert into users: values(...) got no items, so there is no row to insert");
  }

  @Test
  void nothingSetGivesDefaultValues() {
    assertThat(q.insertInto(COUNTERS).render().sql()).isEqualTo("INSERT INTO counters DEFAULT VALUES");
  }

  @Test
  void aColumnSetTwiceOrOfAnotherTableIsRejectedAtOnce() {
    assertThatThrownBy(() -> q.insertInto(USERS).set(USERS.email, "a").set(USERS.email, "b"))
        .hasMessage("insert into users: column email is set twice");
    assertThatThrownBy(() -> q.insertInto(USERS).set(STAGED.email, "a"))
        .hasMessage("insert into users: column staged.email does not belong to table users");
  }

  @Test
  void generatedAlwaysColumnsAreRejectedUnlessOverridingSystemValue() {
    assertThatThrownBy(() -> q.insertInto(COUNTERS).set(COUNTERS.id, 5L).set(COUNTERS.n, 1).render())
        .hasMessage("insert into counters: column id is GENERATED ALWAYS AS IDENTITY; leave it out, or call"
            + " overridingSystemValue() to insert an explicit value");
    assertThatThrownBy(() -> q.insertInto(COUNTERS).set(COUNTERS.n, 1).set(COUNTERS.twice, 2).overridingSystemValue().render())
        .hasMessage("insert into counters: column twice is GENERATED ALWAYS AS (...) and cannot be written; leave it out");
    Rendered r = q.insertInto(COUNTERS).set(COUNTERS.id, 5L).set(COUNTERS.n, 1).overridingSystemValue().render();
    assertThat(r.sql()).isEqualTo("INSERT INTO counters (id, n) OVERRIDING SYSTEM VALUE VALUES (?, ?)");
    assertThat(r.values()).containsExactly(5L, 1);
  }

  @Test
  void aliasedTargetRendersWithItsAliasAndBareColumnNames() {
    Users u = USERS.as("u");
    Rendered r = q.insertInto(u).set(u.email, "a").returning(u.id).render();
    assertThat(r.sql()).isEqualTo("INSERT INTO users AS u (email, token) VALUES (?, ?) RETURNING u.id");
  }

  @Test
  void returningWithoutArgumentsReturnsEveryColumn() {
    Rendered r = q.insertInto(STAGED).set(STAGED.email, "a").returning().render();
    assertThat(r.sql()).isEqualTo("INSERT INTO staged (email) VALUES (?) RETURNING staged.email, staged.name");
  }

  @Test
  void insertFromSelect() {
    Rendered r = q.insertInto(USERS).columns(USERS.email, USERS.name)
        .select(Dsl.query().select(STAGED.email, STAGED.name).from(STAGED).where(STAGED.name.isNotNull())).render();
    assertThat(r.sql()).isEqualTo("INSERT INTO users (email, name) SELECT staged.email, staged.name FROM staged"
        + " WHERE staged.name IS NOT NULL");
    assertThatThrownBy(() -> q.insertInto(USERS).columns(USERS.email, USERS.name).select(Dsl.select(STAGED.email)))
        .hasMessage("insert into users: 2 column(s) named but the query produces 1");
  }

  @Test
  void onConflictDoNothingForms() {
    assertThat(q.insertInto(STAGED).set(STAGED.email, "a").onConflict(STAGED.email).doNothing().render().sql())
        .isEqualTo("INSERT INTO staged (email) VALUES (?) ON CONFLICT (email) DO NOTHING");
    assertThat(q.insertInto(STAGED).set(STAGED.email, "a").onConflictOnConstraint("staged_email_key").doNothing().render().sql())
        .isEqualTo("INSERT INTO staged (email) VALUES (?) ON CONFLICT ON CONSTRAINT staged_email_key DO NOTHING");
    assertThat(q.insertInto(STAGED).set(STAGED.email, "a").onConflictDoNothing().render().sql())
        .isEqualTo("INSERT INTO staged (email) VALUES (?) ON CONFLICT DO NOTHING");
    Rendered partial = q.insertInto(STAGED).set(STAGED.email, "a").onConflict(STAGED.email)
        .where(STAGED.name.isNull()).doNothing().render();
    assertThat(partial.sql()).isEqualTo("INSERT INTO staged (email) VALUES (?) ON CONFLICT (email) WHERE name IS NULL DO NOTHING");
  }

  @Test
  void onConflictDoUpdateWithExcludedWhereAndOnUpdateDefault() {
    Rendered r = q.insertInto(USERS).set(USERS.email, "a").set(USERS.name, "A")
        .onConflict(USERS.email).doUpdate().set(USERS.name, Dsl.excluded(USERS.name)).set(USERS.status, Status.BLOCKED)
        .where(USERS.name.isNull()).returning(USERS.id).render();
    assertThat(r.sql()).isEqualTo("INSERT INTO users (email, name, token) VALUES (?, ?, ?) ON CONFLICT (email)"
        + " DO UPDATE SET name = excluded.name, status = ?::public.user_status, updated_at = ? WHERE users.name IS NULL"
        + " RETURNING users.id");
    assertThat(r.values()).containsExactly("a", "A", "t1", Status.BLOCKED, java.time.OffsetDateTime.parse("2030-01-01T00:00Z"));
  }

  @Test
  void onConflictWithoutActionIsAnError() {
    var insert = q.insertInto(STAGED).set(STAGED.email, "a");
    insert.onConflict(STAGED.email);
    assertThatThrownBy(insert::render).hasMessage("insert into staged: ON CONFLICT needs an action: doNothing() or doUpdate()");
  }

  @Test
  void withClauseIsRenderedBeforeTheInsert() {
    Cte src = Cte.name("src").as(Dsl.query().select(STAGED.email).from(STAGED));
    Rendered r = q.with(src).insertInto(USERS).columns(USERS.email).select(Dsl.query().select(src.field(STAGED.email)).from(src)).render();
    assertThat(r.sql()).isEqualTo("WITH src AS (SELECT staged.email FROM staged) INSERT INTO users (email) SELECT src.email FROM src");
  }

  @Test
  void aValueOfTheWrongTypeDoesNotCompile() {
    Javac.Result r = Javac.compile("dev.sluice.query.WrongType", """
        package dev.sluice.query;
        public class WrongType {
          void f() {
            Dsl.query().insertInto(DmlTables.Users.USERS).set(DmlTables.Users.USERS.email, 42);
          }
        }
        """);
    assertThat(r.success()).isFalse();
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).sourceLine()).contains(".set(");
  }

  @Test
  void aFieldOfTheWrongTypeDoesNotCompile() {
    Javac.Result r = Javac.compile("dev.sluice.query.WrongField", """
        package dev.sluice.query;
        public class WrongField {
          void f() {
            Dsl.query().update(DmlTables.Users.USERS).set(DmlTables.Users.USERS.email, Dsl.val(1)).all();
          }
        }
        """);
    assertThat(r.success()).isFalse();
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).sourceLine()).contains(".set(");
  }
}
