package dev.sluice.query;

import static dev.sluice.query.DmlTables.Counters.COUNTERS;
import static dev.sluice.query.DmlTables.Staged.STAGED;
import static dev.sluice.query.DmlTables.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.DmlTables.Staged;
import dev.sluice.query.DmlTables.Status;
import dev.sluice.query.DmlTables.Users;
import dev.sluice.sql.Rendered;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class MergeRenderTest {
  static final QueryFactory q = Dsl.query();

  @Test
  void allActions() {
    Users u = USERS.as("u");
    Staged s = STAGED.as("s");
    Rendered r = q.mergeInto(u).using(s, s.email.eq(u.email))
        .whenMatched(s.name.isNull()).thenDelete()
        .whenMatched(u.status.eq(Status.BLOCKED)).thenDoNothing()
        .whenMatched().thenUpdate().set(u.name, s.name)
        .whenNotMatched().thenInsert().set(u.email, s.email).set(u.name, s.name).set(u.status, Status.ACTIVE)
        .render();
    assertThat(r.sql()).isEqualTo("MERGE INTO users AS u USING staged AS s ON s.email = u.email"
        + " WHEN MATCHED AND s.name IS NULL THEN DELETE"
        + " WHEN MATCHED AND u.status = ?::public.user_status THEN DO NOTHING"
        + " WHEN MATCHED THEN UPDATE SET name = s.name, updated_at = ?"
        + " WHEN NOT MATCHED THEN INSERT (email, name, status) VALUES (s.email, s.name, ?::public.user_status)");
    assertThat(r.values()).containsExactly(Status.BLOCKED, OffsetDateTime.parse("2030-01-01T00:00Z"), Status.ACTIVE);
  }

  @Test
  void derivedSourceAndDefaultValuesAndDoNothing() {
    DerivedTable src = Dsl.query().select(STAGED.email).from(STAGED).asTable("src");
    Rendered r = q.mergeInto(COUNTERS).using(src, Dsl.falseCondition())
        .whenNotMatched(Dsl.condition("src.email <> {}", "x")).thenInsert()
        .whenNotMatched().thenDoNothing().render();
    assertThat(r.sql()).startsWith("MERGE INTO counters USING (SELECT staged.email FROM staged) AS src ON ")
        .endsWith(" WHEN NOT MATCHED AND (src.email <> ?) THEN INSERT DEFAULT VALUES WHEN NOT MATCHED THEN DO NOTHING");
    assertThat(r.values()).containsExactly("x");
  }

  @Test
  void aMergeWithoutWhenOrActionIsAnError() {
    assertThatThrownBy(() -> q.mergeInto(STAGED).using(USERS, USERS.email.eq(STAGED.email)).render())
        .hasMessage("merge into staged has no WHEN clause; add whenMatched()/whenNotMatched()");
    Merge m = q.mergeInto(STAGED).using(USERS, USERS.email.eq(STAGED.email));
    m.whenMatched();
    assertThatThrownBy(m::render)
        .hasMessage("merge into staged: a WHEN MATCHED clause has no action; call thenUpdate(), thenDelete() or thenDoNothing()");
  }

  @Test
  void generatedColumnsCannotBeMergedInto() {
    assertThatThrownBy(() -> q.mergeInto(COUNTERS).using(STAGED, Dsl.trueCondition())
        .whenNotMatched().thenInsert().set(COUNTERS.id, 1L).render())
        .hasMessageContaining("column id is GENERATED ALWAYS AS IDENTITY");
  }
}
