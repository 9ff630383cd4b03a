package dev.sluice.query;

import static dev.sluice.query.DmlTables.Counters.COUNTERS;
import static dev.sluice.query.DmlTables.Staged.STAGED;
import static dev.sluice.query.DmlTables.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.DmlTables.Status;
import dev.sluice.query.DmlTables.Users;
import dev.sluice.sql.Rendered;
import dev.sluice.test.Javac;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class UpdateRenderTest {
  static final QueryFactory q = Dsl.query();
  static final OffsetDateTime ON_UPDATE = OffsetDateTime.parse("2030-01-01T00:00Z");

  @Test
  void setWithBareColumnsQualifiedConditionAndOnUpdateDefault() {
    Rendered r = q.update(USERS).set(USERS.status, Status.BLOCKED).setNull(USERS.name)
        .where(USERS.email.eq("a")).render();
    assertThat(r.sql()).isEqualTo("UPDATE users SET status = ?::public.user_status, name = ?, updated_at = ? WHERE users.email = ?");
    assertThat(r.values()).containsExactly(Status.BLOCKED, null, ON_UPDATE, "a");
  }

  @Test
  void anExplicitlySetOnUpdateColumnKeepsItsValue() {
    OffsetDateTime t = OffsetDateTime.parse("2020-05-05T00:00Z");
    Rendered r = q.update(USERS).set(USERS.updatedAt, t).all().render();
    assertThat(r.sql()).isEqualTo("UPDATE users SET updated_at = ?");
    assertThat(r.values()).containsExactly(t);
  }

  @Test
  void fromAnotherTableWithReturning() {
    Rendered r = q.update(USERS).set(USERS.name, STAGED.name).from(STAGED).where(STAGED.email.eq(USERS.email))
        .returning(USERS.id, USERS.name).render();
    assertThat(r.sql()).isEqualTo("UPDATE users SET name = staged.name, updated_at = ? FROM staged"
        + " WHERE staged.email = users.email RETURNING users.id, users.name");
  }

  @Test
  void aliasedTargetRendersWithItsAlias() {
    Users u = USERS.as("u");
    Rendered r = q.update(u).set(u.name, "x").where(u.id.isNull()).render();
    assertThat(r.sql()).isEqualTo("UPDATE users AS u SET name = ?, updated_at = ? WHERE u.id IS NULL");
  }

  @Test
  void repeatedWhereIsAnded() {
    Rendered r = q.update(STAGED).set(STAGED.name, "x").where(STAGED.email.eq("a")).where(STAGED.name.isNull()).render();
    assertThat(r.sql()).isEqualTo("UPDATE staged SET name = ? WHERE (staged.email = ? AND staged.name IS NULL)");
  }

  @Test
  void allUpdatesEveryRowWithoutWhere() {
    assertThat(q.update(STAGED).set(STAGED.name, "x").all().render().sql()).isEqualTo("UPDATE staged SET name = ?");
  }

  @Test
  void whereNullPointsToAll() {
    assertThatThrownBy(() -> q.update(STAGED).set(STAGED.name, "x").where(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("update staged: where(null); to update every row call all()");
  }

  @Test
  void anUpdateWithoutSetIsAnError() {
    assertThatThrownBy(() -> q.update(STAGED).all().render())
        .hasMessage("update staged: SET has no column; call set(column, value)");
  }

  @Test
  void generatedColumnsCannotBeUpdated() {
    assertThatThrownBy(() -> q.update(COUNTERS).set(COUNTERS.twice, 3).all().render())
        .hasMessage("update counters: column twice is GENERATED ALWAYS AS (...) and cannot be written; leave it out");
  }

  @Test
  void withClauseIsRenderedBeforeTheUpdate() {
    Cte src = Cte.name("src").as(Dsl.query().select(STAGED.email).from(STAGED));
    Rendered r = q.with(src).update(STAGED).set(STAGED.name, "x").from(src)
        .where(src.field(STAGED.email).eq(STAGED.email)).render();
    assertThat(r.sql()).isEqualTo("WITH src AS (SELECT staged.email FROM staged) UPDATE staged SET name = ? FROM src"
        + " WHERE src.email = staged.email");
  }

  @Test
  void anUpdateWithoutWhereOrAllDoesNotCompile() {
    Javac.Result r = Javac.compile("dev.sluice.query.NoWhere", """
        package dev.sluice.query;
        public class NoWhere {
          int f() {
            return Dsl.query().update(DmlTables.Staged.STAGED).set(DmlTables.Staged.STAGED.name, "x").execute();
          }
        }
        """);
    assertThat(r.success()).isFalse();
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).message()).contains("execute");
  }
}
