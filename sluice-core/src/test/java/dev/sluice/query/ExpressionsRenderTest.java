package dev.sluice.query;

import static dev.sluice.query.JsonbRenderTest.assertRendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.types.PgTypes;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Golden SQL for CASE and scalar functions. */
class ExpressionsRenderTest {
  static final class People extends Table<People> {
    static final People PEOPLE = new People();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name");
    final Column<Integer> age = integer("age");
    final Column<Integer> score = integer("score");
    final Column<OffsetDateTime> seen = timestamptz("seen");

    private People() {
      super("people");
    }
  }

  static final People P = People.PEOPLE;

  @Test
  void caseWhenIsTypedByItsFirstBranchAndBindsValues() {
    Field<String> band = Case.when(P.age.lt(18), "minor").when(P.age.lt(65), "adult").otherwise("senior");
    assertThat(band.dataType()).isEqualTo(PgTypes.TEXT);
    assertRendered(band, "CASE WHEN people.age < ? THEN ? WHEN people.age < ? THEN ? ELSE ? END",
        18, "minor", 65, "adult", "senior");
    assertRendered(Case.when(P.age.isNull(), P.score).end(), "CASE WHEN people.age IS NULL THEN people.score END");
  }

  @Test
  void stringFunctionsBindTheirArguments() {
    assertRendered(Functions.concat(P.name, Dsl.val("-"), P.id), "concat(people.name, ?, people.id)", "-");
    assertRendered(Functions.lower(P.name), "lower(people.name)");
    assertRendered(Functions.upper(P.name), "upper(people.name)");
    assertRendered(Functions.length(P.name), "length(people.name)");
    assertRendered(Functions.substring(P.name, 2, 3), "substring(people.name FROM ? FOR ?)", 2, 3);
    assertRendered(Functions.trim(P.name), "trim(people.name)");
    assertRendered(Functions.replace(P.name, "a", "b"), "replace(people.name, ?, ?)", "a", "b");
  }

  @Test
  void comparisonFunctions() {
    assertRendered(Functions.greatest(P.age, P.score, Dsl.val(0)), "greatest(people.age, people.score, ?)", 0);
    assertRendered(Functions.least(P.age, P.score), "least(people.age, people.score)");
    assertRendered(Functions.nullif(P.name, ""), "nullif(people.name, ?)", "");
  }

  @Test
  void dateFunctionsCheckThePartAndBindTheUnit() {
    assertRendered(Functions.extract("YEAR", P.seen), "extract(year FROM people.seen)");
    assertRendered(Functions.dateTrunc("month", P.seen), "date_trunc(?, people.seen)", "month");
    assertThat(Functions.dateTrunc("day", P.seen).dataType()).isEqualTo(PgTypes.TIMESTAMPTZ);
    assertThatThrownBy(() -> Functions.extract("year from x); drop table y; --", P.seen))
        .hasMessageContaining("not a date/time part");
    assertRendered(Functions.genRandomUuid(), "gen_random_uuid()");
  }
}
