package dev.sluice.query;

import static dev.sluice.query.DmlTables.Staged.STAGED;
import static dev.sluice.query.DmlTables.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.DmlTables.Users;
import dev.sluice.sql.Rendered;
import dev.sluice.test.Javac;
import org.junit.jupiter.api.Test;

class DeleteRenderTest {
  static final QueryFactory q = Dsl.query();

  @Test
  void deleteWithBoundCondition() {
    Rendered r = q.deleteFrom(USERS).where(USERS.email.eq("a")).render();
    assertThat(r.sql()).isEqualTo("DELETE FROM users WHERE users.email = ?");
    assertThat(r.values()).containsExactly("a");
  }

  @Test
  void usingAnotherTableWithReturning() {
    Rendered r = q.deleteFrom(USERS).using(STAGED).where(STAGED.email.eq(USERS.email)).returning(USERS.email).render();
    assertThat(r.sql()).isEqualTo("DELETE FROM users USING staged WHERE staged.email = users.email RETURNING users.email");
  }

  @Test
  void aliasedTarget() {
    Users u = USERS.as("u");
    assertThat(q.deleteFrom(u).where(u.name.isNull()).render().sql()).isEqualTo("DELETE FROM users AS u WHERE u.name IS NULL");
  }

  @Test
  void allDeletesEveryRow() {
    assertThat(q.deleteFrom(STAGED).all().render().sql()).isEqualTo("DELETE FROM staged");
  }

  @Test
  void whereNullPointsToAll() {
    assertThatThrownBy(() -> q.deleteFrom(STAGED).where(null))
        .hasMessage("delete from staged: where(null); to delete every row call all()");
  }

  @Test
  void withClauseAndReturningAsADataModifyingCte() {
    Cte gone = Cte.name("gone").as(q.deleteFrom(STAGED).where(STAGED.name.isNull()).returning(STAGED.email));
    Rendered r = q.with(gone).deleteFrom(USERS).where(USERS.email.in(Dsl.query().select(gone.field(STAGED.email)).from(gone)))
        .render();
    assertThat(r.sql()).isEqualTo("WITH gone AS (DELETE FROM staged WHERE staged.name IS NULL RETURNING staged.email)"
        + " DELETE FROM users WHERE users.email IN (SELECT gone.email FROM gone)");
  }

  @Test
  void detachedStatementsCannotRun() {
    assertThatThrownBy(() -> q.deleteFrom(STAGED).all().execute()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not attached to a Database");
  }

  @Test
  void aDeleteWithoutWhereOrAllDoesNotCompile() {
    Javac.Result r = Javac.compile("dev.sluice.query.NoWhereDelete", """
        package dev.sluice.query;
        public class NoWhereDelete {
          int f() {
            return Dsl.query().deleteFrom(DmlTables.Staged.STAGED).execute();
          }
        }
        """);
    assertThat(r.success()).isFalse();
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).message()).contains("execute");
  }
}
